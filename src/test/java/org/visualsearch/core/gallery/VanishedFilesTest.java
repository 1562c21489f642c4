package org.visualsearch.core.gallery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.visualsearch.core.image.ImageLoader;
import org.visualsearch.core.model.ColorHistogramEmbedder;
import org.visualsearch.core.store.GalleryDatabase;

/** Files that vanish from a folder that is still there: an empty mount point must not wipe an index. */
class VanishedFilesTest {

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
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private IndexReport index() {
        return new Indexer(db, embedder, new ImageLoader(), 4).indexUserFolders(IndexListener.NONE);
    }

    private void photos(int n) {
        for (int i = 0; i < n; i++) {
            TestImages.write(photos.resolve("p" + i + ".jpg"), i);
        }
    }

    private void deleteAll() throws IOException {
        try (var files = Files.list(photos)) {
            for (Path p : files.toList()) {
                Files.delete(p);
            }
        }
    }

    @Test
    void aFolderThatIsPresentButEmptyKeepsItsEntriesAndSaysSo() throws IOException {
        photos(3);
        db.addFolder(photos);
        index();
        deleteAll(); // an unmounted drive leaves its empty mount point

        IndexReport report = index();

        assertThat(report.removed()).isZero();
        assertThat(db.loadGallery(embedder.info()).size()).isEqualTo(3);
        assertThat(report.problems()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo(GalleryDatabase.normalize(photos));
            assertThat(p.reason()).contains("folder is empty").contains("3 photos are kept");
        });
        photos(3); // the drive is back
        IndexReport back = index();
        assertThat(back.problems()).isEmpty();
        assertThat(back.embedded()).isZero();
        assertThat(db.loadGallery(embedder.info()).size()).isEqualTo(3);
    }

    @Test
    void aMassDisappearanceIsKeptAsSuspectButAFewDeletionsAreApplied() throws IOException {
        photos(10);
        db.addFolder(photos);
        index();
        for (int i = 0; i < 6; i++) {
            Files.delete(photos.resolve("p" + i + ".jpg"));
        }

        IndexReport suspect = index();

        assertThat(suspect.removed()).isZero();
        assertThat(db.loadGallery(embedder.info()).size()).isEqualTo(10);
        assertThat(suspect.problems()).singleElement().satisfies(p ->
                assertThat(p.reason()).contains("6 of 10 photos vanished at once"));

        TestImages.write(photos.resolve("p0.jpg"), 0); // some come back: 5 of 10 gone is not over half
        IndexReport applied = index();
        assertThat(applied.removed()).isEqualTo(5);
        assertThat(applied.problems()).isEmpty();
        assertThat(db.loadGallery(embedder.info()).size()).isEqualTo(5);
    }

    @Test
    void removingTheFolderStillDropsItsEntries() throws IOException {
        photos(3);
        db.addFolder(photos);
        index();
        deleteAll();
        index();

        db.removeFolder(photos);

        assertThat(db.loadGallery(embedder.info()).size()).isZero();
    }
}
