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
import java.util.concurrent.atomic.AtomicInteger;
import org.visualsearch.core.common.ErrorText;
import org.visualsearch.core.image.ImageLoader;
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
 * <p><b>Threads.</b> The run happens on the calling thread, which embeds and writes (embedders
 * are thread-confined, so this class only ever uses it from that thread). {@link #decoders()}
 * helper threads (one unless configured) hash, decode and make thumbnails ahead of it through a
 * small queue, so on two cores the decoding overlaps the embedding. With several, photos reach
 * the embedder, and the database, roughly but not exactly in folder order. {@link #cancel()},
 * {@link #pause()} and {@link #resume()} may be called from any thread; cancel is final for this
 * instance (make a new one to index again).
 *
 * <p><b>Parts.</b> {@link FolderReconciler} rescans and lists the work, {@link PhotoPreparer}
 * hashes, decodes and thumbnails it on the decoder threads ({@link Thumbnails}), and this class
 * embeds and commits in batches, timing the run with a {@link ProgressClock}.
 */
public final class Indexer {

    public static final int DEFAULT_BATCH_SIZE = 32;
    private static final long MAX_BATCH_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final int QUEUE_CAPACITY = 6;
    /**
     * Decoder threads when not configured: one already keeps the one-thread embedder busy on the
     * sample photos (a second measured no faster and took about 40 MiB more).
     */
    private static final int DEFAULT_DECODERS = 1;

    private final GalleryDatabase db;
    private final ImageEmbedder embedder;
    private final ImageLoader loader;
    private final int batchSize;
    private final int decoderThreads;

    private KnownVectors known = KnownVectors.NONE;

    private volatile boolean cancelled;
    private volatile boolean paused;
    private final Object pauseLock = new Object();
    /** Why a decoder thread died, when one did (seen by the run thread after isAlive() is false). */
    private volatile Throwable decoderFailure;

    /** Decodes photos at the embedder's {@link ImageEmbedder#maxSide()}, as its model id assumes. */
    public Indexer(GalleryDatabase db, ImageEmbedder embedder) {
        this(db, embedder, new ImageLoader(embedder.maxSide()), DEFAULT_BATCH_SIZE);
    }

    /**
     * @param loader    decodes photos for the embedder (its max side is the embedder's input size)
     * @param batchSize photos per commit at most
     */
    public Indexer(GalleryDatabase db, ImageEmbedder embedder, ImageLoader loader, int batchSize) {
        this(db, embedder, loader, batchSize, decoders());
    }

    /** As above, with {@code decoderThreads} hashing, decoding and thumbnailing ahead of the embedder. */
    public Indexer(GalleryDatabase db, ImageEmbedder embedder, ImageLoader loader, int batchSize,
                   int decoderThreads) {
        if (batchSize < 1 || decoderThreads < 1) {
            throw new IllegalArgumentException("batchSize and decoderThreads must be positive");
        }
        this.decoderThreads = decoderThreads;
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
     * Decoder threads per run: {@code -Dvss.decoders=N} (e.g. for folders of huge photos, where
     * decoding is the slower half), else {@value #DEFAULT_DECODERS}.
     */
    public static int decoders() {
        int configured = Integer.getInteger("vss.decoders", 0);
        return configured >= 1 ? configured : DEFAULT_DECODERS;
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
            clock.setTotal(total);
            int upToDate = scan.found() - total - scan.knownBad();
            clock.setUpToDate(upToDate);
            rootsById = scan.roots();
            boolean complete = !cancelled && process(scan.work(), embedded);
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

        /** Embeds and commits the work; returns false when cancelled. */
        private boolean process(List<WorkItem> work, Set<String> embedded) {
            if (work.isEmpty()) {
                return true;
            }
            Set<String> thumbnails = ConcurrentHashMap.newKeySet();
            thumbnails.addAll(db.thumbnailHashes());
            BlockingQueue<Prepared> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
            PhotoPreparer preparer = new PhotoPreparer(loader, embedded, thumbnails,
                    known.isFor(model) ? known : KnownVectors.NONE);
            AtomicInteger cursor = new AtomicInteger();
            List<Thread> decoders = new ArrayList<>();
            for (int d = 0, n = Math.min(decoderThreads, work.size()); d < n; d++) {
                Thread decoder = new Thread(() -> decode(preparer, work, cursor, queue), "indexer-decoder-" + (d + 1));
                decoder.setDaemon(true);
                decoders.add(decoder);
            }
            decoders.forEach(Thread::start);
            int ends = 0;

            List<IndexedFile> batch = new ArrayList<>();
            List<FileProblem> problems = new ArrayList<>();
            long folderId = -1;
            long batchStart = System.nanoTime();
            boolean finished = false;
            try {
                while (true) {
                    if (paused && !cancelled) {
                        folderId = flush(folderId, batch, problems);
                        waitWhilePaused();
                    }
                    if (cancelled) {
                        break;
                    }
                    Prepared p = queue.poll(200, TimeUnit.MILLISECONDS);
                    if (p == null) {
                        if (decoders.stream().noneMatch(Thread::isAlive) && queue.isEmpty()) {
                            // One died of an Error no file-level catch handles: fail, do not wait forever.
                            throw new IllegalStateException("the indexer's decoding thread stopped unexpectedly",
                                    decoderFailure);
                        }
                        continue;
                    }
                    if (!(p instanceof Prepared.Photo photo)) { // Prepared.End: one per decoder
                        if (++ends == decoders.size()) {
                            finished = true;
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
            } finally {
                decoders.forEach(Thread::interrupt);
                queue.clear();
                try {
                    for (Thread decoder : decoders) {
                        decoder.join(10_000);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return finished;
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
            if (p instanceof Prepared.Decoded decoded) {
                hash = decoded.hash();
                if (!embedded.contains(hash)) {
                    try {
                        vector = embedder.embed(decoded.image());
                        checkVector(vector);
                        embedded.add(hash);
                        embeddedCount++;
                    } catch (EmbeddingException | RuntimeException e) {
                        modelProblem = new FileProblem(f.path().toString(),
                                "model " + model.name() + " failed: " + ErrorText.oneLine(e),
                                f.size(), f.modifiedMillis(), model.id());
                        vector = null;
                    }
                }
                if (decoded.thumbnail().isPresent() && thumbnails.add(hash)) {
                    thumb = decoded.thumbnail().get();
                }
            } else if (p instanceof Prepared.Known k) {
                hash = k.hash();
                if (embedded.add(hash)) {
                    vector = k.vector();
                }
            } else {
                hash = ((Prepared.Hashed) p).hash(); // vector and thumbnail already stored
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

        private void checkVector(float[] vector) throws EmbeddingException {
            if (vector == null || vector.length != model.dimension()) {
                throw new EmbeddingException("returned " + (vector == null ? "no vector" : vector.length + " values")
                        + " instead of " + model.dimension());
            }
            for (float v : vector) {
                if (!Float.isFinite(v)) {
                    throw new EmbeddingException("returned a non-finite value");
                }
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
            synchronized (pauseLock) {
                while (paused && !cancelled) {
                    pauseLock.wait();
                }
            }
            clock.pauseEnded();
        }
    }

    /** A decoder thread: hash, decode and thumbnail ahead of the embedder, sharing the work. */
    private void decode(PhotoPreparer preparer, List<WorkItem> work, AtomicInteger cursor,
                        BlockingQueue<Prepared> queue) {
        try {
            preparer.prepareShare(work, cursor, queue, () -> cancelled);
        } catch (InterruptedException e) {
            // the run is over
        } catch (RuntimeException | Error e) {
            decoderFailure = e;
            throw e;
        }
    }
}
