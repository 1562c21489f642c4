package org.visualsearch.ui;

import java.util.Objects;
import org.visualsearch.core.model.ImageEmbedder;
import org.visualsearch.core.search.IndexedGallery;
import org.visualsearch.ui.credits.CreditsSource;
import org.visualsearch.ui.gallery.SampleGallerySource;
import org.visualsearch.ui.gallery.ThumbnailSource;
import org.visualsearch.ui.library.GalleryLibrary;

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
 * @param library       the gallery database (folders, indexing, problems, models); {@code null}
 *                      when the gallery does not come from one (tests, the bare baseline)
 */
public record AppServices(
        ImageEmbedder embedder,
        IndexedGallery gallery,
        String indexState,
        SampleGallerySource sampleGallery,
        ThumbnailSource thumbnails,
        CreditsSource credits,
        GalleryLibrary library) {

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

    /** Services with files read straight from disk: the usual choice until the store provides thumbnails. */
    public static AppServices of(ImageEmbedder embedder, IndexedGallery gallery, SampleGallerySource sampleGallery) {
        return new AppServices(embedder, gallery, gallery.size() > 0 ? "index ready" : "no gallery yet",
                sampleGallery, ThumbnailSource.fromFiles(), CreditsSource.fromWorkingDirectory());
    }
}
