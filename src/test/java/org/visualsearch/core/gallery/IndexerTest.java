package org.visualsearch.core.gallery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.visualsearch.core.common.Sha256;
import org.visualsearch.core.image.ImageLoader;
import org.visualsearch.core.model.ColorHistogramEmbedder;
import org.visualsearch.core.model.EmbeddingException;
import org.visualsearch.core.model.ImageEmbedder;
import org.visualsearch.core.model.ModelInfo;
import org.visualsearch.core.search.GalleryEntry;
import org.visualsearch.core.search.IndexedGallery;
import org.visualsearch.core.store.GalleryDatabase;
import org.visualsearch.core.store.ModelMismatchException;

class IndexerTest {
    /** Photos a cancel can find already done beyond the last one reported: the workers' queue (6). */
    private static final int IN_FLIGHT = 6;

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

    private IndexReport index(CountingEmbedder e) {
        return new Indexer(db, e, new ImageLoader(), 4).indexUserFolders(IndexListener.NONE);
    }

    static long count(GalleryDatabase db, String sql) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db.file());
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void indexesFoldersWithCategoriesSortedByPathAndASecondRunEmbedsNothing() {
        TestImages.write(photos.resolve("dog/d1.jpg"), 1);
        TestImages.write(photos.resolve("dog/d2.png"), 2);
        TestImages.write(photos.resolve("food/f1.jpg"), 3);
        TestImages.write(photos.resolve("loose.jpg"), 4);
        db.addFolder(photos);

        IndexReport first = index(embedder);
        IndexedGallery gallery = db.loadGallery(embedder.info());

        assertThat(first.indexed()).isEqualTo(4);
        assertThat(first.embedded()).isEqualTo(4);
        assertThat(gallery.entries()).extracting(e -> photos.relativize(e.path()).toString())
                .containsExactly("dog/d1.jpg", "dog/d2.png", "food/f1.jpg", "loose.jpg");
        assertThat(gallery.entries()).extracting(GalleryEntry::category).containsExactly("dog", "dog", "food", null);
        assertThat(gallery.nearest(gallery.vectors().vector(2), 1).get(0).entry().path())
                .isEqualTo(photos.resolve("food/f1.jpg"));
        assertThat(db.thumbnail(gallery.entries().get(0).contentHash())).get()
                .satisfies(jpeg -> assertThat(jpeg[0] & 0xff).isEqualTo(0xFF)); // a JPEG SOI

        int before = embedder.calls();
        IndexReport second = index(embedder);
        assertThat(embedder.calls()).isEqualTo(before);
        assertThat(second.upToDate()).isEqualTo(4);
        assertThat(second.indexed()).isZero();
        assertThat(db.counts(embedder.info())).satisfies(c -> {
            assertThat(c.files()).isEqualTo(4);
            assertThat(c.missing()).isZero();
        });
    }

    @Test
    void sameContentUnderTwoPathsIsEmbeddedOnceAndListedTwice() throws IOException {
        TestImages.write(photos.resolve("a/one.jpg"), 7);
        Files.createDirectories(photos.resolve("b"));
        Files.copy(photos.resolve("a/one.jpg"), photos.resolve("b/copy.jpg"));
        TestImages.write(photos.resolve("b/other.jpg"), 8);
        db.addFolder(photos);

        index(embedder);

        assertThat(embedder.calls()).isEqualTo(2);
        IndexedGallery gallery = db.loadGallery(embedder.info());
        assertThat(gallery.size()).isEqualTo(3);
        assertThat(gallery.entries().get(0).contentHash()).isEqualTo(gallery.entries().get(1).contentHash());
        assertThat(count(db, "SELECT count(*) FROM embedding")).isEqualTo(2);
        assertThat(count(db, "SELECT count(*) FROM thumbnail")).isEqualTo(2);
        assertThat(count(db, "SELECT count(*) FROM file")).isEqualTo(3);
    }

    @Test
    void twoWorkerThreadsIndexEveryPhotoOnce() {
        int n = 30;
        for (int i = 0; i < n; i++) {
            TestImages.write(photos.resolve(String.format("p%03d.png", i)), 300 + i);
        }
        db.addFolder(photos);
        IndexReport report = new Indexer(db, embedder, new ImageLoader(), 4, 2).indexUserFolders(IndexListener.NONE);

        assertThat(report.cancelled()).isFalse();
        assertThat(report.indexed()).isEqualTo(n);
        assertThat(embedder.calls()).isEqualTo(n);
        assertThat(db.loadGallery(embedder.info()).size()).isEqualTo(n);
        assertThat(count(db, "SELECT count(*) FROM thumbnail")).isEqualTo(n);
    }

    @Test
    void cancelWithTwoWorkerThreadsCommitsWhatItDidAndTheNextRunEmbedsOnlyTheRest() {
        int n = 40;
        for (int i = 0; i < n; i++) {
            TestImages.write(photos.resolve(String.format("p%03d.png", i)), 400 + i);
        }
        db.addFolder(photos);
        Indexer first = new Indexer(db, embedder, new ImageLoader(), 8, 2);
        IndexReport cancelled = first.indexUserFolders(p -> {
            if (p.done() == 10) {
                first.cancel();
            }
        });
        int committed = db.counts(embedder.info()).embedded();
        assertThat(cancelled.cancelled()).isTrue();
        // what the workers had embedded when the cancel came (in hand or queued) is committed, not thrown away
        assertThat(committed).isEqualTo(embedder.calls()).isBetween(10, 10 + IN_FLIGHT + 2);

        CountingEmbedder again = new CountingEmbedder(new ColorHistogramEmbedder());
        IndexReport rest = new Indexer(db, again, new ImageLoader(), 8, 2).indexUserFolders(IndexListener.NONE);
        assertThat(rest.cancelled()).isFalse();
        assertThat(again.calls()).isEqualTo(n - committed);
        assertThat(db.loadGallery(embedder.info()).size()).isEqualTo(n);
    }

    @Test
    void cancelledRunCommitsWhatItDidAndTheNextRunEmbedsOnlyTheRest() {
        int n = 60;
        for (int i = 0; i < n; i++) {
            TestImages.write(photos.resolve(String.format("p%03d.png", i)), 100 + i);
        }
        db.addFolder(photos);
        Indexer first = new Indexer(db, embedder, new ImageLoader(), 8);
        IndexReport cancelled = first.indexUserFolders(p -> {
            if (p.done() == 20) {
                first.cancel();
            }
        });
        int firstCalls = embedder.calls();
        int committed = db.counts(embedder.info()).embedded();

        assertThat(cancelled.cancelled()).isTrue();
        assertThat(committed).isEqualTo(firstCalls).isBetween(20, 20 + IN_FLIGHT + Indexer.workers());

        CountingEmbedder again = new CountingEmbedder(new ColorHistogramEmbedder());
        IndexReport rest = new Indexer(db, again, new ImageLoader(), 8).indexUserFolders(IndexListener.NONE);

        assertThat(rest.cancelled()).isFalse();
        assertThat(again.calls()).isEqualTo(n - committed);
        assertThat(rest.upToDate()).isEqualTo(committed);
        assertThat(db.loadGallery(embedder.info()).size()).isEqualTo(n);
    }

    @Test
    void pauseStopsWorkUntilResumed() throws InterruptedException {
        int n = 40;
        for (int i = 0; i < n; i++) {
            TestImages.write(photos.resolve("p" + i + ".png"), i);
        }
        db.addFolder(photos);
        Indexer indexer = new Indexer(db, embedder, new ImageLoader(), 4);
        List<IndexProgress> seen = new CopyOnWriteArrayList<>();
        int[] whilePaused = new int[2];
        java.util.concurrent.CountDownLatch pausedReported = new java.util.concurrent.CountDownLatch(1);
        Thread resumer = new Thread(() -> {
            try {
                // the run thread reports PAUSED once the workers have stopped, just before it waits to be resumed
                assertThat(pausedReported.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
                whilePaused[0] = embedder.calls();
                whilePaused[1] = db.counts(embedder.info()).embedded();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                indexer.resume();
            }
        });
        resumer.start();
        IndexReport report = indexer.indexUserFolders(p -> {
            seen.add(p);
            if (p.state() == IndexProgress.State.PAUSED) {
                pausedReported.countDown();
            }
            if (p.done() == 5 && p.state() == IndexProgress.State.INDEXING) {
                indexer.pause();
            }
        });
        resumer.join();

        // While paused, everything embedded is committed (the photos in hand when the pause came as well)
        assertThat(whilePaused[0]).isEqualTo(whilePaused[1]).isBetween(5, 5 + IN_FLIGHT + Indexer.workers());

        assertThat(report.indexed()).isEqualTo(n);
        assertThat(seen).extracting(IndexProgress::state).contains(IndexProgress.State.PAUSED)
                .endsWith(IndexProgress.State.FINISHED);
        IndexProgress last = seen.get(seen.size() - 2);
        assertThat(last.done()).isEqualTo(n);
        assertThat(last.total()).isEqualTo(n);
        assertThat(last.rate()).isPositive();
        assertThat(last.currentFile()).isNotNull();
    }

    @Test
    void rescanEmbedsChangedAndNewFilesAndDropsDeletedOnes() throws IOException {
        TestImages.write(photos.resolve("keep.jpg"), 1);
        TestImages.write(photos.resolve("change.jpg"), 2);
        TestImages.write(photos.resolve("delete.jpg"), 3);
        db.addFolder(photos);
        index(embedder);
        String oldHash = Sha256.of(photos.resolve("change.jpg"));

        TestImages.write(photos.resolve("change.jpg"), 22);
        Files.setLastModifiedTime(photos.resolve("change.jpg"),
                java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5_000));
        Files.delete(photos.resolve("delete.jpg"));
        TestImages.write(photos.resolve("new.jpg"), 4);
        int before = embedder.calls();
        IndexReport report = index(embedder);

        assertThat(embedder.calls() - before).isEqualTo(2);
        assertThat(report.removed()).isEqualTo(1);
        assertThat(db.loadGallery(embedder.info()).entries()).extracting(e -> e.path().getFileName().toString())
                .containsExactly("change.jpg", "keep.jpg", "new.jpg");
        assertThat(db.embedding(oldHash, embedder.info())).isEmpty(); // unreferenced vector purged
        assertThat(count(db, "SELECT count(*) FROM embedding")).isEqualTo(3);
    }

    @Test
    void switchingModelKeepsTheOtherModelsVectorsAndEmbedsOnlyWhatIsMissing() {
        for (int i = 0; i < 5; i++) {
            TestImages.write(photos.resolve("p" + i + ".jpg"), i);
        }
        db.addFolder(photos);
        index(embedder);
        CountingEmbedder other = new CountingEmbedder(new ColorHistogramEmbedder(), new ModelInfo("other-v1", "Other", 16));
        assertThat(db.counts(other.info()).missing()).isEqualTo(5);

        index(other);
        TestImages.write(photos.resolve("p5.jpg"), 5);
        CountingEmbedder firstAgain = new CountingEmbedder(new ColorHistogramEmbedder());
        index(firstAgain);

        assertThat(other.calls()).isEqualTo(5);
        assertThat(firstAgain.calls()).isEqualTo(1); // only the new photo; the 5 vectors survived
        assertThat(db.loadGallery(embedder.info()).size()).isEqualTo(6);
        assertThat(db.loadGallery(other.info())).satisfies(g -> {
            assertThat(g.size()).isEqualTo(5);
            assertThat(g.vectors().dimension()).isEqualTo(16);
        });
        assertThat(db.counts(other.info()).missing()).isEqualTo(1);
        assertThat(db.models()).extracting(ModelInfo::id).containsExactly("color-histogram-4x4x4-v1", "other-v1");
    }

    @Test
    void aModelIdWithAnotherDimensionIsRefused() {
        TestImages.write(photos.resolve("p.jpg"), 1);
        db.addFolder(photos);
        index(embedder);
        ModelInfo changed = new ModelInfo(embedder.info().id(), "same id, other size", 32);
        CountingEmbedder wrong = new CountingEmbedder(new ColorHistogramEmbedder(), changed);

        assertThatThrownBy(() -> index(wrong)).isInstanceOf(ModelMismatchException.class)
                .hasMessageContaining("dimension 64");
        assertThatThrownBy(() -> db.loadGallery(changed)).isInstanceOf(ModelMismatchException.class);
        assertThat(wrong.calls()).isZero();
        assertThat(db.loadGallery(embedder.info()).size()).isEqualTo(1);
    }

    @Test
    void adHocFolderIsCachedWithoutJoiningTheUsersFoldersAndASecondRunEmbedsNothing() {
        TestImages.write(photos.resolve("dog/1.jpg"), 1);
        TestImages.write(photos.resolve("dog/2.jpg"), 2);
        TestImages.write(photos.resolve("car/3.jpg"), 3);

        Indexer.FolderIndexResult first = new Indexer(db, embedder).indexAdHoc(photos, IndexListener.NONE);
        CountingEmbedder again = new CountingEmbedder(new ColorHistogramEmbedder());
        Indexer.FolderIndexResult second = new Indexer(db, again).indexAdHoc(photos, IndexListener.NONE);

        assertThat(first.gallery().entries()).extracting(GalleryEntry::category).containsExactly("car", "dog", "dog");
        assertThat(embedder.calls()).isEqualTo(3);
        assertThat(again.calls()).isZero();
        assertThat(second.report().upToDate()).isEqualTo(3);
        assertThat(second.gallery().entries()).isEqualTo(first.gallery().entries());
        assertThat(db.listFolders()).isEmpty();
        assertThat(db.loadGallery(embedder.info()).size()).isZero();

        // A subfolder indexed ad hoc reuses the vectors (same content), categories relative to it.
        CountingEmbedder sub = new CountingEmbedder(new ColorHistogramEmbedder());
        IndexedGallery dog = new Indexer(db, sub).indexAdHoc(photos.resolve("dog"), IndexListener.NONE).gallery();
        assertThat(sub.calls()).isZero();
        assertThat(dog.entries()).extracting(GalleryEntry::category).containsOnlyNulls().hasSize(2);
    }

    @Test
    void theShortConstructorShrinksPhotosToTheEmbeddersMaxSide() {
        TestImages.write(photos.resolve("big.png"), 1, 400, 300);
        db.addFolder(photos);
        int[] seenSide = new int[1];
        ImageEmbedder small = new ImageEmbedder() {
            final ColorHistogramEmbedder histogram = new ColorHistogramEmbedder();

            @Override
            public ModelInfo info() {
                return histogram.info();
            }

            @Override
            public float[] embed(java.awt.image.BufferedImage image) throws EmbeddingException {
                seenSide[0] = Math.max(image.getWidth(), image.getHeight());
                return histogram.embed(image);
            }

            @Override
            public int maxSide() {
                return 100; // a descriptor's vss.maxSide: the vectors are keyed by it
            }

            @Override
            public void close() {
            }
        };

        new Indexer(db, small).indexUserFolders(IndexListener.NONE);

        assertThat(seenSide[0]).isEqualTo(100);
    }

    @Test
    void aPhotoOneModelFailsOnStaysInTheOtherModelsGallery() {
        TestImages.write(photos.resolve("good.png"), 1);
        TestImages.write(photos.resolve("odd.png"), 2, 30, 30); // the only square photo
        db.addFolder(photos);
        index(embedder);
        ImageEmbedder failsOnSquares = new CountingEmbedder(new ColorHistogramEmbedder(),
                new ModelInfo("picky-v1", "Picky", 64)) {
            @Override
            public float[] embed(java.awt.image.BufferedImage image) throws EmbeddingException {
                if (image.getWidth() == image.getHeight()) {
                    throw new EmbeddingException("output is NaN");
                }
                return super.embed(image);
            }
        };

        IndexReport picky = new Indexer(db, failsOnSquares, new ImageLoader(), 4).indexUserFolders(IndexListener.NONE);

        assertThat(picky.problems()).singleElement().satisfies(p -> {
            assertThat(p.path().getFileName().toString()).isEqualTo("odd.png");
            assertThat(p.reason()).contains("Picky").contains("NaN");
        });
        assertThat(db.loadGallery(failsOnSquares.info()).size()).isEqualTo(1);
        // The first model's vector and entry of odd.png are untouched, now and after its next run.
        assertThat(db.loadGallery(embedder.info()).size()).isEqualTo(2);
        index(new CountingEmbedder(new ColorHistogramEmbedder()));
        assertThat(db.loadGallery(embedder.info()).size()).isEqualTo(2);
    }

    /** Another "model", of id {@code id}, that fails on square photos as a model can on odd input. */
    private static CountingEmbedder failsOnSquares(String id, String name) {
        return new CountingEmbedder(new ColorHistogramEmbedder(), new ModelInfo(id, name, 64)) {
            @Override
            public float[] embed(java.awt.image.BufferedImage image) throws EmbeddingException {
                if (image.getWidth() == image.getHeight()) {
                    throw new EmbeddingException("output is NaN");
                }
                return super.embed(image);
            }
        };
    }

    /** Indexes the user's folders with {@code e}; returns how many photos the run had to work on. */
    private int filesWorkedOn(CountingEmbedder e) {
        int[] total = new int[1];
        new Indexer(db, e, new ImageLoader(), 4).indexUserFolders(p -> total[0] = Math.max(total[0], p.total()));
        return total[0];
    }

    @Test
    void aPhotoAnotherModelFailedOnFirstIsIndexedByThisModelAndNotListedAsItsProblem() {
        TestImages.write(photos.resolve("good.png"), 1);
        TestImages.write(photos.resolve("odd.png"), 2, 30, 30); // the only square photo
        db.addFolder(photos);
        CountingEmbedder picky = failsOnSquares("picky-v1", "Picky");
        IndexReport pickyReport = index(picky);
        assertThat(pickyReport.problems()).singleElement()
                .satisfies(p -> assertThat(p.path()).isEqualTo(photos.resolve("odd.png")));

        IndexReport report = index(embedder);

        assertThat(embedder.calls()).isEqualTo(2);
        assertThat(db.loadGallery(embedder.info()).entries()).extracting(e -> e.path().getFileName().toString())
                .containsExactly("good.png", "odd.png");
        assertThat(report.problems()).isEmpty();
        assertThat(db.problems(embedder.info())).isEmpty();
        assertThat(db.counts(embedder.info()).problems()).isZero();
        // Still the picky model's problem, for it alone, and its gallery is unchanged.
        assertThat(db.problems(picky.info())).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo(photos.resolve("odd.png"));
            assertThat(p.modelId()).isEqualTo("picky-v1");
            assertThat(p.reason()).contains("Picky").contains("NaN");
        });
        assertThat(db.counts(picky.info()).problems()).isEqualTo(1);
        assertThat(db.problems()).hasSize(1);
        assertThat(db.loadGallery(picky.info()).size()).isEqualTo(1);
    }

    @Test
    void aModelLevelProblemIsSkippedOnlyByItsModelWhileTheFileIsUnchanged() throws IOException {
        TestImages.write(photos.resolve("good.png"), 1);
        Path odd = TestImages.write(photos.resolve("odd.png"), 2, 30, 30);
        db.addFolder(photos);
        assertThat(filesWorkedOn(failsOnSquares("picky-v1", "Picky"))).isEqualTo(2);

        CountingEmbedder pickyAgain = failsOnSquares("picky-v1", "Picky");
        assertThat(filesWorkedOn(pickyAgain)).isZero(); // not retried by the model that failed on it
        assertThat(pickyAgain.calls()).isZero();
        assertThat(filesWorkedOn(embedder)).isEqualTo(2); // tried, and embedded, by another model
        assertThat(embedder.calls()).isEqualTo(2);
        // A third model failing on it too: one problem per model, each skipped by its own model only.
        CountingEmbedder fussy = failsOnSquares("fussy-v1", "Fussy");
        assertThat(filesWorkedOn(fussy)).isEqualTo(2);
        assertThat(db.problems()).extracting(p -> p.modelId()).containsExactly("fussy-v1", "picky-v1");
        assertThat(db.problems(fussy.info())).extracting(p -> p.modelId()).containsExactly("fussy-v1");
        assertThat(filesWorkedOn(failsOnSquares("picky-v1", "Picky"))).isZero();
        assertThat(filesWorkedOn(failsOnSquares("fussy-v1", "Fussy"))).isZero();
        assertThat(db.loadGallery(embedder.info()).size()).isEqualTo(2);

        // A changed file (no longer square) is retried, and now embedded, by every model that failed on it.
        TestImages.write(odd, 3, 40, 30);
        Files.setLastModifiedTime(odd, java.nio.file.attribute.FileTime.fromMillis(
                Files.getLastModifiedTime(odd).toMillis() + 2_000));
        CountingEmbedder pickyOnChange = failsOnSquares("picky-v1", "Picky");
        assertThat(filesWorkedOn(pickyOnChange)).isEqualTo(1);
        assertThat(pickyOnChange.calls()).isEqualTo(1);
        assertThat(db.problems(failsOnSquares("fussy-v1", "Fussy").info())).isEmpty(); // stale: will retry
        assertThat(filesWorkedOn(failsOnSquares("fussy-v1", "Fussy"))).isEqualTo(1);
        assertThat(db.problems()).isEmpty();
        assertThat(db.loadGallery(pickyOnChange.info()).size()).isEqualTo(2);
    }

    @Test
    void aDecodeProblemIsFileLevelForEveryModelAndRetriedOnlyWhenTheFileChanges() throws IOException {
        TestImages.write(photos.resolve("good.png"), 1);
        Path broken = photos.resolve("broken.jpg");
        Files.writeString(broken, "not an image");
        db.addFolder(photos);
        assertThat(filesWorkedOn(embedder)).isEqualTo(2);
        CountingEmbedder other = new CountingEmbedder(new ColorHistogramEmbedder(), new ModelInfo("other-v1", "Other", 64));

        assertThat(db.problems(embedder.info())).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo(broken);
            assertThat(p.fileLevel()).isTrue();
            assertThat(p.reason()).contains("not an image");
        });
        assertThat(db.problems(other.info())).extracting(p -> p.path()).containsExactly(broken);
        assertThat(db.counts(other.info()).problems()).isEqualTo(1);
        // Not retried while unchanged, by this model or another (which only has good.png to do).
        assertThat(filesWorkedOn(new CountingEmbedder(new ColorHistogramEmbedder()))).isZero();
        assertThat(filesWorkedOn(other)).isEqualTo(1);
        assertThat(other.calls()).isEqualTo(1);
        assertThat(db.problems(other.info())).extracting(p -> p.path()).containsExactly(broken);

        TestImages.write(broken, 4); // fixed: every model retries it
        Files.setLastModifiedTime(broken, java.nio.file.attribute.FileTime.fromMillis(
                Files.getLastModifiedTime(broken).toMillis() + 2_000));
        assertThat(filesWorkedOn(other)).isEqualTo(1);
        assertThat(db.problems(other.info())).isEmpty();
        assertThat(db.problems(embedder.info())).isEmpty();
        assertThat(filesWorkedOn(embedder)).isEqualTo(1);
        assertThat(db.loadGallery(embedder.info()).size()).isEqualTo(2);
        assertThat(db.loadGallery(other.info()).size()).isEqualTo(2);
    }

    @Test
    void anInterruptDuringTheScanStopsItLikeCancel() {
        // The app's Cancel interrupts the indexing thread; a scan of a big folder tree emits no
        // per-photo progress, so the interrupt itself must stop it.
        Path other = temp.resolve("other");
        TestImages.write(photos.resolve("a.png"), 1);
        TestImages.write(other.resolve("b.png"), 2);
        db.addFolder(photos);
        db.addFolder(other);
        List<Path> scanned = new CopyOnWriteArrayList<>();

        IndexReport report = new Indexer(db, embedder, new ImageLoader(), 4).indexUserFolders(p -> {
            if (p.state() == IndexProgress.State.SCANNING) {
                scanned.add(p.currentFile());
                Thread.currentThread().interrupt();
            }
        });
        boolean stillInterrupted = Thread.interrupted(); // clears it for the next tests

        assertThat(report.cancelled()).isTrue();
        assertThat(stillInterrupted).isTrue();
        assertThat(scanned).hasSize(1);
        assertThat(embedder.calls()).isZero();
    }

    @Test
    void aMissingRootIsReportedAndItsEntriesKept() throws IOException {
        TestImages.write(photos.resolve("p.jpg"), 1);
        db.addFolder(photos);
        index(embedder);
        Path moved = temp.resolve("moved");
        Files.move(photos, moved);

        IndexReport report = index(embedder);

        assertThat(report.problems()).singleElement().satisfies(p -> assertThat(p.reason()).contains("folder not found"));
        assertThat(db.loadGallery(embedder.info()).size()).isEqualTo(1);
        Files.move(moved, photos);
        assertThat(index(embedder).problems()).isEmpty();
    }
}
