package org.visualsearch.ui;

import java.util.Objects;
import org.visualsearch.core.search.IndexedGallery;
import org.visualsearch.core.model.ImageEmbedder;
import org.visualsearch.app.GallerySession;
import org.visualsearch.app.LibrarySnapshot;
import org.visualsearch.app.ThumbnailSource;
import org.visualsearch.ui.credits.CreditsSource;
import org.visualsearch.ui.gallery.SampleGallerySource;

/**
 * Everything the window needs from the core, built once at start-up (off the FX thread, since
 * loading a model takes seconds) by the {@link VisualSearchApp#configure factory} the launcher
 * installs.
 *
 * @param embedder      the model that embeds queries; the UI calls it from one background thread only
 * @param gallery       the gallery to search, embedded by {@code embedder}'s model; may have no
 *                      entries, in which case the window offers the sample gallery
 * @param indexState    one short line for the status bar, e.g. "index up to date"
 * @param sampleGallery how to get the sample gallery; {@code null} when not available
 * @param thumbnails    where tile thumbnails come from (e.g. the store's cached JPEGs)
 * @param credits       photo sources, licences and model notices for the credits view
 * @param library       the gallery database with the model (folders, indexing, problems, models);
 *                      {@code null} when the gallery does not come from one (tests, the bare baseline)
 */
public record AppServices(
        ImageEmbedder embedder,
        IndexedGallery gallery,
        String indexState,
        SampleGallerySource sampleGallery,
        ThumbnailSource thumbnails,
        CreditsSource credits,
        GallerySession library) {

    public AppServices {
        Objects.requireNonNull(embedder, "embedder");
        Objects.requireNonNull(gallery, "gallery");
        Objects.requireNonNull(thumbnails, "thumbnails");
        Objects.requireNonNull(credits, "credits");
        if (gallery.size() > 0 && !gallery.model().id().equals(embedder.info().id())) {
            throw new IllegalArgumentException("gallery was embedded by " + gallery.model().name()
                    + " but the query model is " + embedder.info().name());
        }
        indexState = indexState == null ? "" : indexState;
    }

    /** Services without a gallery database. */
    public AppServices(ImageEmbedder embedder, IndexedGallery gallery, String indexState,
                       SampleGallerySource sampleGallery, ThumbnailSource thumbnails, CreditsSource credits) {
        this(embedder, gallery, indexState, sampleGallery, thumbnails, credits, null);
    }

    /** Services for a session: its model, what it has indexed, its thumbnails and sample gallery. */
    public static AppServices forSession(GallerySession session, CreditsSource credits) {
        return forSession(session, session.snapshot(), credits);
    }

    /** Like {@link #forSession(GallerySession, CreditsSource)}, with the session's snapshot already read. */
    public static AppServices forSession(GallerySession session, LibrarySnapshot snapshot, CreditsSource credits) {
        SampleGallerySource sample = session.sampleGallery().isEmpty() ? null : new SampleGallerySource() {
            @Override
            public IndexedGallery download(org.visualsearch.app.ProgressSink progress) throws Exception {
                return session.downloadSample(progress).gallery();
            }

            @Override
            public IndexedGallery importFrom(java.nio.file.Path folder, org.visualsearch.app.ProgressSink progress)
                    throws Exception {
                return session.importSample(folder, progress).gallery();
            }
        };
        return new AppServices(session.embedder(), snapshot.gallery(), snapshot.indexState(), sample,
                session.thumbnails(), credits, session);
    }

    /** Services without a gallery database, thumbnails decoded from the photos (tests, the bare baseline). */
    public static AppServices of(ImageEmbedder embedder, IndexedGallery gallery, SampleGallerySource sampleGallery) {
        return new AppServices(embedder, gallery, gallery.size() > 0 ? "index ready" : "no gallery yet",
                sampleGallery, ThumbnailSource.fromFiles(), CreditsSource.fromWorkingDirectory());
    }
}
