package org.visualsearch.core.gallery;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.visualsearch.core.common.ForegroundWork;
import org.visualsearch.core.image.ImageLoader;
import org.visualsearch.core.model.ColorHistogramEmbedder;
import org.visualsearch.core.model.EmbeddingException;
import org.visualsearch.core.model.ImageEmbedder;
import org.visualsearch.core.model.ModelInfo;

/** The indexer's workers: each photo once, on parallel copies of the model when it has them. */
class IndexWorkersTest {

    @TempDir
    Path temp;

    private static final IndexWorkers.PauseGate NEVER_PAUSED = new IndexWorkers.PauseGate() {
        @Override
        public boolean paused() {
            return false;
        }

        @Override
        public void awaitNotPaused() {
        }
    };

    private final Set<String> embedded = ConcurrentHashMap.newKeySet();
    private final LinkedBlockingQueue<Prepared> queue = new LinkedBlockingQueue<>();

    private List<WorkItem> photos(int n) throws Exception {
        List<WorkItem> work = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Path file = TestImages.write(temp.resolve("p" + i + ".png"), i);
            work.add(new WorkItem(1, new FolderScanner.ScannedFile(file, null, Files.size(file), 0), null));
        }
        return work;
    }

    private IndexWorkers start(int count, ImageEmbedder embedder, List<WorkItem> work) throws Exception {
        PhotoPreparer preparer = new PhotoPreparer(new ImageLoader(), embedded, ConcurrentHashMap.newKeySet());
        return new IndexWorkers(count, preparer, embedder, embedded, work, queue, () -> false, NEVER_PAUSED);
    }

    /** The histogram model, without parallel copies, running {@code before} and {@code after} around each call. */
    private static ImageEmbedder histogramAround(Runnable before, Runnable after) {
        ColorHistogramEmbedder histogram = new ColorHistogramEmbedder();
        return new ImageEmbedder() {
            @Override
            public ModelInfo info() {
                return histogram.info();
            }

            @Override
            public float[] embed(BufferedImage image) {
                before.run();
                try {
                    return histogram.embed(image);
                } finally {
                    after.run();
                }
            }

            @Override
            public void close() {
            }
        };
    }

    /** Takes what the workers hand over until each has ended. */
    private List<Prepared.Photo> drain(IndexWorkers workers) throws InterruptedException {
        List<Prepared.Photo> out = new ArrayList<>();
        int ends = 0;
        while (ends < workers.count()) {
            Prepared p = queue.poll(30, TimeUnit.SECONDS);
            assertThat(p).as("a worker handed something over in time").isNotNull();
            if (p instanceof Prepared.Photo photo) {
                out.add(photo);
            } else {
                ends++;
            }
        }
        return out;
    }

    @Test
    void twoWorkersEmbedEveryPhotoOnceOnTwoCopiesAtTheSameTimeAndCloseThem() throws Exception {
        List<WorkItem> work = photos(12);
        Copyable model = new Copyable(2);
        try (IndexWorkers workers = start(2, model, work)) {
            List<Prepared.Photo> out = drain(workers);

            assertThat(out).extracting(Prepared.Photo::item).containsExactlyInAnyOrderElementsOf(work);
            assertThat(out).allSatisfy(p -> assertThat(((Prepared.Embedded) p).vector()).hasSize(64));
            assertThat(model.calls.get()).isEqualTo(12);
            assertThat(model.copies).hasSize(2);
            assertThat(model.copies).allSatisfy(c -> assertThat(c.calls.get()).isPositive());
            assertThat(model.calls.get() - model.copies.stream().mapToInt(c -> c.calls.get()).sum())
                    .as("the run's own embedder stays free for a search").isZero();
            assertThat(model.bothInsideAtOnce.getCount()).as("the copies embedded at the same time").isZero();
        }
        assertThat(model.copies).allSatisfy(c -> assertThat(c.closed).isTrue());
        assertThat(model.closed).isFalse();
    }

    @Test
    void aModelWithoutCopiesIsUsedByOneWorkerAtATime() throws Exception {
        List<WorkItem> work = photos(10);
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        ImageEmbedder single = histogramAround(() -> most.accumulateAndGet(inside.incrementAndGet(), Math::max),
                inside::decrementAndGet);
        try (IndexWorkers workers = start(3, single, work)) {
            assertThat(drain(workers)).hasSize(10).allSatisfy(p -> assertThat(p).isInstanceOf(Prepared.Embedded.class));
        }
        assertThat(most.get()).isEqualTo(1);
    }

    @Test
    void whileTheForegroundIsBusyOnlyTheFirstWorkerTakesPhotosAndTheOthersJoinAfter() throws Exception {
        List<WorkItem> work = photos(8);
        Set<String> threads = ConcurrentHashMap.newKeySet();
        ImageEmbedder recording = histogramAround(() -> threads.add(Thread.currentThread().getName()), () -> { });
        ForegroundWork foreground = new ForegroundWork();
        ForegroundWork.Running search = foreground.enter();
        PhotoPreparer preparer = new PhotoPreparer(new ImageLoader(), embedded, ConcurrentHashMap.newKeySet());
        try (IndexWorkers workers = new IndexWorkers(2, preparer, recording, embedded, work, queue, () -> false,
                NEVER_PAUSED, foreground)) {
            List<Prepared.Photo> first = new ArrayList<>();
            while (first.size() < work.size()) { // all of them while the search runs: the first worker alone
                Prepared p = queue.poll(30, TimeUnit.SECONDS);
                assertThat(p).isInstanceOf(Prepared.Photo.class);
                first.add((Prepared.Photo) p);
            }
            assertThat(threads).containsExactly("indexer-worker-1");
            search.close();
            assertThat(drain(workers)).isEmpty(); // the second worker wakes, finds nothing left, and ends
        }
    }

    @Test
    void twoFilesOfTheSameContentAreEmbeddedOnce() throws Exception {
        Path a = TestImages.write(temp.resolve("a.png"), 7);
        Path b = Files.copy(a, temp.resolve("b.png"));
        List<WorkItem> work = List.of(
                new WorkItem(1, new FolderScanner.ScannedFile(a, null, Files.size(a), 0), null),
                new WorkItem(1, new FolderScanner.ScannedFile(b, null, Files.size(b), 0), null));
        Copyable model = new Copyable(0);
        try (IndexWorkers workers = start(2, model, work)) {
            List<Prepared.Photo> out = drain(workers);
            assertThat(out).hasSize(2);
            assertThat(out).filteredOn(p -> ((Prepared.Embedded) p).vector() != null).hasSize(1);
        }
        assertThat(model.calls.get()).isEqualTo(1);
    }

    @Test
    void aModelFailureGivesTheClaimBackAndSaysWhy() throws Exception {
        List<WorkItem> work = photos(1);
        ImageEmbedder failing = new ImageEmbedder() {
            @Override
            public ModelInfo info() {
                return new ModelInfo("nan", "NaN model", 64);
            }

            @Override
            public float[] embed(BufferedImage image) {
                float[] v = new float[64];
                v[3] = Float.NaN;
                return v;
            }

            @Override
            public void close() {
            }
        };
        try (IndexWorkers workers = start(2, failing, work)) {
            Prepared.Embedded e = (Prepared.Embedded) drain(workers).get(0);
            assertThat(e.vector()).isNull();
            assertThat(e.modelFailure()).isEqualTo("model NaN model failed: returned a non-finite value");
            assertThat(embedded).doesNotContain(e.hash());
        }
    }

    @Test
    void stoppedWorkersTakeNothingAndEachStillEnds() throws Exception {
        PhotoPreparer preparer = new PhotoPreparer(new ImageLoader(), embedded, ConcurrentHashMap.newKeySet());
        try (IndexWorkers workers = new IndexWorkers(2, preparer, new ColorHistogramEmbedder(), embedded, photos(3),
                queue, () -> true, NEVER_PAUSED)) {
            assertThat(drain(workers)).isEmpty();
        }
    }

    /**
     * A histogram model with parallel copies that count their calls; with {@code meet} = 2, the
     * first two calls wait (up to 10 s) until both are inside embed, which only copies on two
     * threads at once can do.
     */
    private static final class Copyable implements ImageEmbedder {
        final AtomicInteger calls;
        final CountDownLatch bothInsideAtOnce;
        final List<Copyable> copies = new java.util.concurrent.CopyOnWriteArrayList<>();
        volatile boolean closed;

        Copyable(int meet) {
            this(new AtomicInteger(), new CountDownLatch(meet));
        }

        private Copyable(AtomicInteger calls, CountDownLatch meet) {
            this.calls = calls;
            this.bothInsideAtOnce = meet;
        }

        @Override
        public ModelInfo info() {
            return new ColorHistogramEmbedder().info();
        }

        @Override
        public float[] embed(BufferedImage image) throws EmbeddingException {
            calls.incrementAndGet();
            if (bothInsideAtOnce.getCount() > 0) {
                bothInsideAtOnce.countDown();
                try {
                    bothInsideAtOnce.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return new ColorHistogramEmbedder().embed(image);
        }

        @Override
        public Optional<ImageEmbedder> parallelCopy() {
            Copyable copy = new Copyable(new AtomicInteger(), bothInsideAtOnce);
            copies.add(copy);
            return Optional.of(new ImageEmbedder() { // counts into both the copy and the original
                @Override
                public ModelInfo info() {
                    return copy.info();
                }

                @Override
                public float[] embed(BufferedImage image) throws EmbeddingException {
                    calls.incrementAndGet();
                    return copy.embed(image);
                }

                @Override
                public void close() {
                    copy.closed = true;
                }
            });
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
