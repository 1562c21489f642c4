package org.visualsearch.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.visualsearch.core.common.Sha256;
import org.visualsearch.core.gallery.CountingEmbedder;
import org.visualsearch.core.gallery.TestImages;
import org.visualsearch.core.model.ColorHistogramEmbedder;
import org.visualsearch.core.model.ModelCatalog;
import org.visualsearch.core.model.ModelInfo;
import org.visualsearch.core.sampledb.SampleManifest;
import org.visualsearch.core.sampledb.SampleVectors;
import org.visualsearch.core.sampledb.ShippedEmbeddings;
import org.visualsearch.core.search.IndexedGallery;
import org.visualsearch.core.store.GalleryDatabase;

/** Importing the sample gallery stores its shipped vectors instead of embedding, for their model only. */
class ShippedSampleVectorsTest {

    @TempDir
    Path temp;
    Path source;
    SampleManifest manifest;
    GalleryDatabase db;
    CountingEmbedder embedder;

    @BeforeEach
    void setUp() throws IOException {
        source = temp.resolve("source");
        List<SampleManifest.Entry> entries = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String file = (i < 2 ? "dog" : "food") + "/p" + i + ".jpg";
            Path photo = TestImages.write(source.resolve(file), i, 320, 240);
            entries.add(new SampleManifest.Entry(file, file.substring(0, file.indexOf('/')), Sha256.of(photo),
                    Files.size(photo), 320, 240, URI.create("https://example.org/" + file), "CC0-1.0", "", "", ""));
        }
        manifest = SampleManifest.of(entries);
        db = GalleryDatabase.open(temp.resolve("data"));
        embedder = new CountingEmbedder(new ColorHistogramEmbedder());
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    /** Work that is never cancelled and reports nowhere. */
    private static final ProgressSink QUIET = new ProgressSink() {
        @Override
        public void progress(long done, long total, String message) {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    };

    private GallerySession session(ShippedEmbeddings shipped) {
        SampleGallery sample = new SampleGallery(temp.resolve("sample-db"), manifest, null, Optional.of(shipped));
        return new GallerySession(db, new ModelCatalog(temp.resolve("models")), embedder, ModelChoice.HISTOGRAM,
                sample, null);
    }

    /** The model's own vectors of the photos, as `sample-db embeddings --write` makes them. */
    private ShippedEmbeddings shippedBy(ModelInfo model) {
        ShippedEmbeddings own = SampleVectors.compute(manifest, source, new ColorHistogramEmbedder(), p -> { });
        return new ShippedEmbeddings(model.id(), model.name(), own.dimension(), own.byHash());
    }

    @Test
    void importingWithTheModelThatMadeThemEmbedsNothing() throws IOException {
        ShippedEmbeddings shipped = shippedBy(embedder.info());

        LibrarySnapshot snapshot = session(shipped).importSample(source, QUIET);

        assertThat(embedder.calls()).isZero();
        IndexedGallery gallery = snapshot.gallery();
        assertThat(gallery.size()).isEqualTo(3);
        for (int i = 0; i < gallery.size(); i++) {
            assertThat(gallery.vectors().vector(i))
                    .containsExactly(shipped.byHash().get(gallery.entries().get(i).contentHash()));
        }
        assertThat(db.thumbnailHashes()).isEmpty();

        // the thumbnails come when first shown, from the file, and are kept
        StoreThumbnails thumbnails = new StoreThumbnails(db);
        java.awt.image.BufferedImage tile = thumbnails.thumbnail(gallery.entries().get(0));
        assertThat(Math.max(tile.getWidth(), tile.getHeight())).isEqualTo(256);
        assertThat(db.thumbnailHashes()).containsExactly(gallery.entries().get(0).contentHash());
        assertThat(thumbnails.thumbnail(gallery.entries().get(0)).getWidth()).isEqualTo(tile.getWidth());
    }

    @Test
    void anotherModelEmbedsThePhotos() throws IOException {
        ModelInfo other = new ModelInfo(embedder.info().id() + "-v2", "another", embedder.info().dimension());

        session(shippedBy(other)).importSample(source, QUIET);

        assertThat(embedder.calls()).isEqualTo(3);
    }

    @Test
    void aPhotoOutsideTheSampleFolderIsEmbeddedEvenWithTheSameContent() throws IOException {
        GallerySession session = session(shippedBy(embedder.info()));

        session.addFolders(List.of(source), QUIET, null); // the same photos, not the sample folder

        assertThat(embedder.calls()).isEqualTo(3);
    }
}
