package org.visualsearch.core.gallery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.visualsearch.core.common.Sha256;
import org.visualsearch.core.image.ImageLoader;
import org.visualsearch.core.model.ColorHistogramEmbedder;
import org.visualsearch.core.model.ModelInfo;
import org.visualsearch.core.store.GalleryDatabase;

/** Vectors known ahead of time are stored instead of embedding, for their model and content only. */
class KnownVectorsTest {

    @TempDir
    Path temp;
    Path photos;
    GalleryDatabase db;
    CountingEmbedder embedder;

    @BeforeEach
    void setUp() throws IOException {
        photos = Files.createDirectories(temp.resolve("photos"));
        db = GalleryDatabase.open(temp.resolve("data"));
        embedder = new CountingEmbedder(new ColorHistogramEmbedder());
        for (int i = 0; i < 4; i++) {
            TestImages.write(photos.resolve("cat" + (i % 2) + "/p" + i + ".jpg"), i, 300, 200);
        }
        db.addFolder(photos);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    /** A recognisable vector per photo (not what the model would compute), keyed by its SHA-256. */
    private KnownVectors knownFor(String modelId, int dimension) throws IOException {
        Map<String, float[]> byHash = new HashMap<>();
        for (int i = 0; i < 4; i++) {
            float[] v = new float[dimension];
            v[i] = 1f;
            byHash.put(Sha256.of(photos.resolve("cat" + (i % 2) + "/p" + i + ".jpg")), v);
        }
        return new KnownVectors(modelId, dimension, byHash, p -> true);
    }

    private IndexReport index(KnownVectors known) {
        return new Indexer(db, embedder, new ImageLoader(), 2).reusing(known).indexUserFolders(IndexListener.NONE);
    }

    @Test
    void theModelThatMadeThemEmbedsNothingAndGetsThemStoredWithoutDecoding() throws IOException {
        ModelInfo model = embedder.info();
        IndexReport report = index(knownFor(model.id(), model.dimension()));

        assertThat(embedder.calls()).isZero();
        assertThat(report.indexed()).isEqualTo(4);
        assertThat(report.embedded()).isZero();
        String hash2 = Sha256.of(photos.resolve("cat0/p2.jpg"));
        assertThat(db.embedding(hash2, model)).get().satisfies(v -> assertThat(v[2]).isEqualTo(1f));
        assertThat(db.loadGallery(model).size()).isEqualTo(4);
        assertThat(db.thumbnailHashes()).isEmpty(); // made when first shown, not while indexing
    }

    @Test
    void anotherModelIdDoesNotReuseThem() throws IOException {
        ModelInfo model = embedder.info();
        IndexReport report = index(knownFor(model.id() + "-retrained", model.dimension()));

        assertThat(embedder.calls()).isEqualTo(4);
        assertThat(report.embedded()).isEqualTo(4);
        float[] stored = db.embedding(Sha256.of(photos.resolve("cat0/p2.jpg")), model).orElseThrow();
        assertThat(stored[2]).isNotEqualTo(1f);
    }

    @Test
    void aPhotoWhoseContentChangedIsEmbeddedAndTheOthersReused() throws IOException {
        ModelInfo model = embedder.info();
        KnownVectors known = knownFor(model.id(), model.dimension());
        TestImages.write(photos.resolve("cat1/p3.jpg"), 99, 300, 200); // not the content the vector was made for

        IndexReport report = index(known);

        assertThat(embedder.calls()).isEqualTo(1);
        assertThat(report.embedded()).isEqualTo(1);
        float[] changed = db.embedding(Sha256.of(photos.resolve("cat1/p3.jpg")), model).orElseThrow();
        assertThat(changed[3]).isNotEqualTo(1f);
        assertThat(db.embedding(Sha256.of(photos.resolve("cat0/p0.jpg")), model)).get()
                .satisfies(v -> assertThat(v[0]).isEqualTo(1f));
    }

    @Test
    void filesOutsideWhereTheyApplyAreEmbedded() throws IOException {
        ModelInfo model = embedder.info();
        KnownVectors all = knownFor(model.id(), model.dimension());
        KnownVectors onlyCat0 = new KnownVectors(all.modelId(), all.dimension(), all.byHash(),
                p -> p.getParent().getFileName().toString().equals("cat0"));

        index(onlyCat0);

        assertThat(embedder.calls()).isEqualTo(2);
    }
}
