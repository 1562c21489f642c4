package org.visualsearch.core.gallery;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.visualsearch.core.common.StartupTrace;
import org.visualsearch.core.image.ImageLoader;
import org.visualsearch.core.model.DjlEnvironment;
import org.visualsearch.core.model.EmbeddingException;
import org.visualsearch.core.model.ImageEmbedder;
import org.visualsearch.core.model.ModelInfo;
import org.visualsearch.core.search.IndexedGallery;
import org.visualsearch.core.store.FileProblem;
import org.visualsearch.core.store.FolderRemovedException;
import org.visualsearch.core.store.GalleryDatabase;
import org.visualsearch.core.store.IndexedFile;
import org.visualsearch.core.store.Problem;

/**
 * Brings the gallery database up to date for one model: rescans folders, drops entries of
 * deleted files, hashes new or changed files (a file whose size and modification time are
 * unchanged keeps its hash), decodes and embeds only content that has no vector for the model
 * yet, and writes thumbnail, vector and entry together.
 *
 * <p><b>Crash safety and resume.</b> Work is committed in small batches (every
 * {@code batchSize} photos or about a second, whichever comes first), each one SQLite
 * transaction, so a crash or kill loses at most the batch in flight, and the next run skips what
 * was committed. A bad file becomes a problem row and the run goes on; the same unchanged file is
 * not retried on later runs. A file that cannot be read or decoded is a file-level problem,
 * skipped by every model; a file the model fails on (an {@link EmbeddingException}, e.g. NaN
 * output) is a problem of that model only: its entry stays, other models still index it, and only
 * that model skips it while it is unchanged.
 *
 * <p><b>Threads.</b> The run happens on the calling thread, which only writes: {@link #workers()}
 * worker threads (one per core unless configured, see {@link IndexWorkers}) each hash, decode,
 * thumbnail and embed a photo at a time, with a parallel copy of the embedder each when the model
 * has them, and hand the results over through a small queue. Photos reach the database roughly
 * but not exactly in folder order. {@link #cancel()}, {@link #pause()} and {@link #resume()} may
 * be called from any thread; cancel is final for this instance (make a new one to index again).
 *
 * <p><b>Parts.</b> {@link FolderReconciler} rescans and lists the work, {@link IndexWorkers} run
 * {@link PhotoPreparer} (hash, decode, {@link Thumbnails}) and the model on it, and this class
 * commits in batches, timing the run with a {@link ProgressClock}.
 */
public final class Indexer {

    public static final int DEFAULT_BATCH_SIZE = 32;
    private static final long MAX_BATCH_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final int QUEUE_CAPACITY = 6;

    private final GalleryDatabase db;
    private final ImageEmbedder embedder;
    private final ImageLoader loader;
    private final int batchSize;
    private final int workerThreads;

    private KnownVectors known = KnownVectors.NONE;
    private EarlyPhotos early = EarlyPhotos.NONE;

    private volatile boolean cancelled;
    private volatile boolean paused;
    private final Object pauseLock = new Object();

    /** Decodes photos at the embedder's {@link ImageEmbedder#maxSide()}, as its model id assumes. */
    public Indexer(GalleryDatabase db, ImageEmbedder embedder) {
        this(db, embedder, new ImageLoader(embedder.maxSide()), DEFAULT_BATCH_SIZE);
    }

    /**
     * @param loader    decodes photos for the embedder (its max side is the embedder's input size)
     * @param batchSize photos per commit at most
     */
    public Indexer(GalleryDatabase db, ImageEmbedder embedder, ImageLoader loader, int batchSize) {
        this(db, embedder, loader, batchSize, workers());
    }

    /** As above, with {@code workerThreads} hashing, decoding, thumbnailing and embedding photos. */
    public Indexer(GalleryDatabase db, ImageEmbedder embedder, ImageLoader loader, int batchSize,
                   int workerThreads) {
        if (batchSize < 1 || workerThreads < 1) {
            throw new IllegalArgumentException("batchSize and workerThreads must be positive");
        }
        this.workerThreads = workerThreads;
        this.db = db;
        this.embedder = embedder;
        this.loader = loader;
        this.batchSize = batchSize;
    }

    /**
     * Stores {@code vectors} instead of embedding the photos they know, when they were made by
     * this indexer's model (see {@link KnownVectors}); call before a run.
     */
    public Indexer reusing(KnownVectors vectors) {
        this.known = java.util.Objects.requireNonNull(vectors);
        return this;
    }

    /**
     * Takes the photos {@code photos} prepared while the model loaded instead of decoding them
     * again, when they were decoded as this indexer decodes; stops their preparation once the
     * workers start. Call before a run; the run closes them.
     */
    public Indexer startedEarly(EarlyPhotos photos) {
        this.early = java.util.Objects.requireNonNull(photos);
        return this;
    }

    /** The result of indexing a folder ad hoc: its gallery, ready to search, and the run's report. */
    public record FolderIndexResult(IndexedGallery gallery, IndexReport report) {
    }

    // ------------------------------------------------------------------------------------------
    // Control, from any thread

    /** Stops the run soon (after committing what is done); final for this instance. */
    public void cancel() {
        cancelled = true;
        synchronized (pauseLock) {
            pauseLock.notifyAll();
        }
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /** Pauses after the photo in hand, committing what is done first. */
    public void pause() {
        paused = true;
    }

    public void resume() {
        synchronized (pauseLock) {
            paused = false;
            pauseLock.notifyAll();
        }
    }

    public boolean isPaused() {
        return paused;
    }

    /**
     * Worker threads per run: {@code -Dvss.indexThreads=N}, else one per core for each PyTorch
     * intra-op thread ({@link DjlEnvironment#threads()}, one unless configured), so the run uses
     * every core without starting more threads than cores.
     */
    public static int workers() {
        int configured = Integer.getInteger("vss.indexThreads", 0);
        if (configured >= 1) {
            return configured;
        }
        return Math.max(1, Runtime.getRuntime().availableProcessors() / Math.max(1, DjlEnvironment.threads()));
    }

    /** Paused and not cancelled: the workers take no photo and the run thread waits. */
    private boolean pausing() {
        return paused && !cancelled;
    }

    /** Returns once the run is not paused, or is cancelled (both notify the pause lock). */
    private void awaitNotPaused() throws InterruptedException {
        synchronized (pauseLock) {
            while (pausing()) {
                pauseLock.wait();
            }
        }
    }

    /** The pause as the workers see it. */
    private IndexWorkers.PauseGate pauseGate() {
        return new IndexWorkers.PauseGate() {
            @Override
            public boolean paused() {
                return pausing();
            }

            @Override
            public void awaitNotPaused() throws InterruptedException {
                Indexer.this.awaitNotPaused();
            }
        };
    }

    // ------------------------------------------------------------------------------------------
    // Runs

    /** Indexes all the user's folders. */
    public IndexReport indexUserFolders(IndexListener listener) {
        List<Path> roots = new ArrayList<>();
        db.listFolders().forEach(f -> roots.add(f.path()));
        return index(roots, listener);
    }

    /**
     * Indexes the given folders: each is the user's folder of that path when it is one, else an
     * ad-hoc folder whose entries only serve as a cache (see {@link #indexAdHoc}).
     */
    public IndexReport index(List<Path> roots, IndexListener listener) {
        return new Run(listener).run(roots);
    }

    /**
     * Indexes a folder without adding it to the user's folders (the CLI's {@code index},
     * {@code eval} and {@code query --gallery}): its hashes and vectors go into the same
     * database, so a second run embeds nothing, and its gallery is returned with categories from
     * its first-level subfolders.
     */
    public FolderIndexResult indexAdHoc(Path folder, IndexListener listener) {
        IndexReport report = index(List.of(folder), listener);
        return new FolderIndexResult(db.loadFolderGallery(folder, embedder.info()), report);
    }

    // ------------------------------------------------------------------------------------------

    private final class Run {
        private final IndexListener listener;
        private final ModelInfo model = embedder.info();
        private final ProgressClock clock = new ProgressClock();
        private int indexed;
        private int embeddedCount;
        private Map<Long, Path> rootsById = Map.of();

        Run(IndexListener listener) {
            this.listener = listener == null ? IndexListener.NONE : listener;
        }

        IndexReport run(List<Path> roots) {
            db.registerModel(model);
            Set<String> embedded = ConcurrentHashMap.newKeySet();
            embedded.addAll(db.embeddedHashes(model));

            FolderReconciler.Result scan = new FolderReconciler(db, model)
                    .reconcile(roots, embedded, listener, this::stopRequested, () -> cancelled);
            int total = scan.work().size();
            StartupTrace.mark("indexer: folders scanned, " + total + " photos to do");
            clock.setTotal(total);
            int upToDate = scan.found() - total - scan.knownBad();
            clock.setUpToDate(upToDate);
            rootsById = scan.roots();
            boolean complete;
            try {
                complete = !cancelled && process(scan.work(), embedded);
            } finally {
                early.close();
            }
            if (complete && (scan.removed() > 0 || indexed > 0)) {
                db.purgeUnreferenced(); // vectors and thumbnails of deleted or changed content
            }
            boolean wasCancelled = !complete;
            listener.onProgress(clock.progress(
                    wasCancelled ? IndexProgress.State.CANCELLED : IndexProgress.State.FINISHED, null));
            List<Problem> problems = new ArrayList<>();
            for (Path root : roots) {
                problems.addAll(db.problems(root, model));
            }
            StartupTrace.mark("indexer: done");
            return new IndexReport(scan.found(), upToDate, indexed, embeddedCount, scan.removed(), problems,
                    wasCancelled, clock.elapsed());
        }

        /**
         * Whether to stop: {@link #cancel()} or an interrupt of the running thread (how a JavaFX
         * task is cancelled), which would otherwise only be noticed once the scan is over.
         */
        private boolean stopRequested() {
            if (!cancelled && Thread.currentThread().isInterrupted()) {
                cancelled = true;
            }
            return cancelled;
        }

        /**
         * Has the workers prepare and embed the work, and commits what they hand back; returns false
         * when cancelled. On {@link #cancel()} the workers finish the photo in hand and the results
         * already made are committed too (an interrupt stops at once: the next run redoes those).
         */
        private boolean process(List<WorkItem> work, Set<String> embedded) {
            early.stop(); // the workers take the cores from here
            if (work.isEmpty()) {
                return true;
            }
            Set<String> thumbnails = ConcurrentHashMap.newKeySet();
            thumbnails.addAll(db.thumbnailHashes());
            BlockingQueue<Prepared> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
            PhotoPreparer preparer = new PhotoPreparer(loader, embedded, thumbnails,
                    known.isFor(model) ? known : KnownVectors.NONE,
                    early.decodedLike(loader) ? early : EarlyPhotos.NONE);
            IndexWorkers workers = new IndexWorkers(Math.min(workerThreads, work.size()), preparer, embedder, embedded,
                    work, queue, () -> cancelled, pauseGate());
            int ends = 0;
            int done = 0;
            List<IndexedFile> batch = new ArrayList<>();
            List<FileProblem> problems = new ArrayList<>();
            long folderId = -1;
            long batchStart = System.nanoTime();
            try (workers) {
                while (true) {
                    boolean pausing = pausing();
                    if (pausing && workers.idle() && queue.isEmpty()) {
                        // the workers have stopped and what they finished is in: commit it, then wait
                        folderId = flush(folderId, batch, problems);
                        waitWhilePaused();
                        continue;
                    }
                    Prepared p = queue.poll(pausing ? 20 : 200, TimeUnit.MILLISECONDS);
                    if (p == null) {
                        if (!workers.anyAlive() && queue.isEmpty()) {
                            // One died of an Error no file-level catch handles: fail, do not wait forever.
                            throw new IllegalStateException("an indexer thread stopped unexpectedly", workers.failure());
                        }
                        continue;
                    }
                    if (!(p instanceof Prepared.Photo photo)) { // Prepared.End: one per worker
                        if (++ends == workers.count()) {
                            break;
                        }
                        continue;
                    }
                    WorkItem item = photo.item();
                    if (item.folderId() != folderId && folderId != -1) {
                        folderId = flush(folderId, batch, problems); // batches are per folder
                    }
                    folderId = item.folderId();
                    handle(photo, embedded, thumbnails, batch, problems);
                    done++;
                    clock.photoDone();
                    listener.onProgress(clock.progress(IndexProgress.State.INDEXING, item.file().path()));
                    if (batch.size() + problems.size() >= batchSize || System.nanoTime() - batchStart >= MAX_BATCH_NANOS) {
                        folderId = flush(folderId, batch, problems);
                        batchStart = System.nanoTime();
                    }
                }
                flush(folderId, batch, problems);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                cancelled = true;
                flush(folderId, batch, problems);
            }
            return done == work.size();
        }

        private void handle(Prepared.Photo p, Set<String> embedded, Set<String> thumbnails,
                            List<IndexedFile> batch, List<FileProblem> problems) {
            FolderScanner.ScannedFile f = p.item().file();
            if (p instanceof Prepared.Failed failed) {
                problems.add(new FileProblem(f.path().toString(), failed.reason(), f.size(), f.modifiedMillis()));
                return;
            }
            String hash;
            float[] vector = null;
            byte[] thumb = null;
            FileProblem modelProblem = null;
            if (p instanceof Prepared.Embedded e) {
                hash = e.hash();
                vector = e.vector();
                if (vector != null) {
                    embeddedCount++;
                } else if (e.modelFailure() != null) {
                    modelProblem = new FileProblem(f.path().toString(), e.modelFailure(), f.size(), f.modifiedMillis(),
                            model.id());
                }
                if (e.thumbnail().isPresent() && thumbnails.add(hash)) {
                    thumb = e.thumbnail().get();
                }
            } else if (p instanceof Prepared.Known k) {
                hash = k.hash();
                if (embedded.add(hash)) {
                    vector = k.vector();
                }
            } else if (p instanceof Prepared.Hashed h) {
                hash = h.hash(); // vector and thumbnail already stored
            } else {
                throw new IllegalStateException("a photo reached the writer unembedded: " + p);
            }
            // The file itself is fine: its entry stays (other models' vectors keep finding it), only
            // this model has no vector for it, and the problem says so.
            batch.add(new IndexedFile(f.path().toString(), f.category(), f.size(), f.modifiedMillis(), hash,
                    vector, thumb));
            if (modelProblem != null) {
                problems.add(modelProblem);
            } else {
                indexed++;
            }
        }

        private long flush(long folderId, List<IndexedFile> batch, List<FileProblem> problems) {
            if (folderId != -1 && (!batch.isEmpty() || !problems.isEmpty())) {
                try {
                    db.commitBatch(folderId, model, batch, problems);
                } catch (FolderRemovedException e) {
                    Path root = rootsById.get(folderId);
                    throw root == null ? e : new FolderRemovedException(GalleryDatabase.normalize(root));
                }
            }
            batch.clear();
            problems.clear();
            return folderId;
        }

        private void waitWhilePaused() throws InterruptedException {
            clock.pauseStarted();
            listener.onProgress(clock.progress(IndexProgress.State.PAUSED, null));
            awaitNotPaused();
            clock.pauseEnded();
        }
    }
}
