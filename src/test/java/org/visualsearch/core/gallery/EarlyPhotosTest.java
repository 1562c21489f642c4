package org.visualsearch.core.gallery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.visualsearch.core.common.Sha256;
import org.visualsearch.core.image.ImageLoader;
import org.visualsearch.core.model.ColorHistogramEmbedder;
import org.visualsearch.core.search.GalleryEntry;
import org.visualsearch.core.search.IndexedGallery;
import org.visualsearch.core.store.GalleryDatabase;

/** Photos prepared while the model loads: what they hold, and that the indexer takes them instead of reading again. */
class EarlyPhotosTest {

    @TempDir
    Path temp;
    Path photos;
    GalleryDatabase db;

    @BeforeEach
    void setUp() {
        photos = temp.resolve("photos");
        for (int i = 0; i < 4; i++) {
            TestImages.write(photos.resolve("cat").resolve("p" + i + ".jpg"), i, 96, 64);
        }
        db = GalleryDatabase.open(temp.resolve("data"));
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private FolderScanner.ScannedFile scanned(String name) throws IOException {
        return new FolderScanner().scan(photos).files().stream()
                .filter(f -> f.path().getFileName().toString().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void preparesTheFirstPhotosUpToTheLimitEachGivenOnce() throws Exception {
        ImageLoader loader = new ImageLoader(64);
        try (EarlyPhotos early = EarlyPhotos.start(photos, loader, Set.of(), 2)) {
            early.awaitEnd();
            assertThat(early.preparedCount()).isEqualTo(2);
            FolderScanner.ScannedFile first = scanned("p0.jpg");
            EarlyPhotos.Photo p = early.take(first).orElseThrow();
            assertThat(p.hash()).isEqualTo(Sha256.of(first.path()));
            assertThat(p.image().getWidth()).isEqualTo(64); // decoded by the given loader: 96 px shrunk to 64
            assertThat(p.thumbnail()).isNotEmpty();
            assertThat(early.take(first)).as("given once").isEmpty();
            assertThat(early.take(scanned("p2.jpg"))).as("beyond the limit").isEmpty();
        }
    }

    @Test
    void skipsContentTheModelHasAVectorForAndPhotosChangedSince() throws Exception {
        String known = Sha256.of(photos.resolve("cat/p0.jpg"));
        try (EarlyPhotos early = EarlyPhotos.start(photos, new ImageLoader(), Set.of(known), 10)) {
            early.awaitEnd();
            assertThat(early.preparedCount()).isEqualTo(3);
            assertThat(early.take(scanned("p0.jpg"))).isEmpty();
            Path changed = photos.resolve("cat/p1.jpg");
            TestImages.write(changed, 99, 120, 80);
            Files.setLastModifiedTime(changed, FileTime.fromMillis(Files.getLastModifiedTime(changed).toMillis() + 5000));
            assertThat(early.take(scanned("p1.jpg"))).as("changed after it was prepared").isEmpty();
            assertThat(early.take(scanned("p2.jpg"))).isPresent();
        }
    }

    @Test
    void stopEndsThePreparationAfterThePhotoInHandAndAMissingFolderPreparesNothing() throws Exception {
        java.util.concurrent.CountDownLatch firstReady = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch resume = new java.util.concurrent.CountDownLatch(1);
        EarlyPhotos early = EarlyPhotos.start(photos, new ImageLoader(), Set.of(), 10, () -> {
            firstReady.countDown();
            try {
                resume.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertThat(firstReady.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        early.stop(); // while the first photo is in hand
        resume.countDown();
        early.awaitEnd();
        assertThat(early.preparedCount()).isEqualTo(1);
        early.close();
        try (EarlyPhotos none = EarlyPhotos.start(temp.resolve("nowhere"), new ImageLoader(), Set.of(), 10)) {
            none.awaitEnd();
            assertThat(none.preparedCount()).isZero();
        }
    }

    /**
     * The proof that the indexer used a prepared photo: after preparation the file's bytes are
     * swapped for others of the same size and time, which a re-read would hash differently.
     */
    @Test
    void theIndexerTakesPreparedPhotosInsteadOfReadingThemAgainAndTheVectorsAreTheSame() throws Exception {
        Map<String, String> before = hashes();
        Indexer.FolderIndexResult plain;
        try (GalleryDatabase other = GalleryDatabase.open(temp.resolve("plain"))) {
            plain = new Indexer(other, new ColorHistogramEmbedder()).indexAdHoc(photos, IndexListener.NONE);
        }
        ColorHistogramEmbedder model = new ColorHistogramEmbedder();
        EarlyPhotos early = EarlyPhotos.start(photos, new ImageLoader(model.maxSide()), Set.of(), 10);
        early.awaitEnd();
        Path swapped = photos.resolve("cat/p3.jpg");
        sameSizeOtherBytes(swapped);

        Indexer.FolderIndexResult result = new Indexer(db, model).startedEarly(early).indexAdHoc(photos, IndexListener.NONE);

        assertThat(hashesOf(result.gallery())).as("every photo as it was when prepared").isEqualTo(before);
        assertThat(Sha256.of(swapped)).isNotEqualTo(before.get("p3.jpg"));
        assertThat(result.report().embedded()).isEqualTo(4);
        for (int i = 0; i < plain.gallery().size(); i++) {
            assertThat(result.gallery().vectors().vector(i)).containsExactly(plain.gallery().vectors().vector(i));
        }
        assertThat(db.thumbnailHashes()).containsExactlyInAnyOrderElementsOf(before.values());
        assertThat(early.take(scanned("p0.jpg"))).as("closed by the run").isEmpty();
    }

    @Test
    void photosDecodedAnotherWayAreNotUsed() throws Exception {
        EarlyPhotos early = EarlyPhotos.start(photos, new ImageLoader(32), Set.of(), 10);
        early.awaitEnd();
        Path swapped = photos.resolve("cat/p3.jpg");
        String prepared = Sha256.of(swapped);
        sameSizeOtherBytes(swapped);
        ColorHistogramEmbedder model = new ColorHistogramEmbedder();
        Indexer.FolderIndexResult result = new Indexer(db, model).startedEarly(early).indexAdHoc(photos, IndexListener.NONE);
        // read again: its new bytes are in the gallery, or (cut short, they may not decode) a problem
        String stored = hashesOf(result.gallery()).get("p3.jpg");
        assertThat(stored).isNotEqualTo(prepared);
        assertThat(Sha256.of(swapped).equals(stored)
                || result.report().problems().stream().anyMatch(p -> p.path().endsWith("p3.jpg"))).isTrue();
    }

    private Map<String, String> hashes() throws IOException {
        try (var files = Files.list(photos.resolve("cat"))) {
            return files.collect(Collectors.toMap(f -> f.getFileName().toString(), f -> {
                try {
                    return Sha256.of(f);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }));
        }
    }

    private static Map<String, String> hashesOf(IndexedGallery gallery) {
        List<GalleryEntry> entries = gallery.entries();
        return entries.stream().collect(Collectors.toMap(e -> e.path().getFileName().toString(), GalleryEntry::contentHash));
    }

    /** Another photo's bytes cut or padded to this file's size, with its modification time kept. */
    private void sameSizeOtherBytes(Path file) throws IOException {
        FileTime time = Files.getLastModifiedTime(file);
        int size = (int) Files.size(file);
        byte[] other = Files.readAllBytes(TestImages.write(temp.resolve("other.jpg"), 1234, 96, 64));
        byte[] bytes = java.util.Arrays.copyOf(other, size);
        Files.write(file, bytes);
        Files.setLastModifiedTime(file, time);
    }
}
