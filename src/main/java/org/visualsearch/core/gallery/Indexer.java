package org.visualsearch.core.gallery;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.visualsearch.core.common.ErrorText;
import org.visualsearch.core.common.Sha256;
import org.visualsearch.core.image.ImageLoadException;
import org.visualsearch.core.image.ImageLoader;
import org.visualsearch.core.image.Resampling;
import org.visualsearch.core.model.EmbeddingException;
import org.visualsearch.core.model.ImageEmbedder;
import org.visualsearch.core.model.ModelInfo;
import org.visualsearch.core.search.IndexedGallery;
import org.visualsearch.core.store.FileProblem;
import org.visualsearch.core.store.GalleryDatabase;
import org.visualsearch.core.store.IndexedFile;
import org.visualsearch.core.store.Problem;
import org.visualsearch.core.store.StoredFile;

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
 * are thread-confined, so this class only ever uses it from that thread). One helper thread
 * hashes, decodes and makes thumbnails ahead of it through a small queue, so on two cores the
 * decoding overlaps the embedding. {@link #cancel()}, {@link #pause()} and {@link #resume()} may
 * be called from any thread; cancel is final for this instance (make a new one to index again).
 */
public final class Indexer {

    public static final int DEFAULT_BATCH_SIZE = 32;
    /** Long side of stored thumbnails, pixels. */
    public static final int THUMBNAIL_SIDE = 256;
    private static final long MAX_BATCH_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final int QUEUE_CAPACITY = 6;

    private final GalleryDatabase db;
    private final ImageEmbedder embedder;
    private final ImageLoader loader;
    private final int batchSize;
    private final FolderScanner scanner;

    private volatile boolean cancelled;
    private volatile boolean paused;
    private final Object pauseLock = new Object();
    /** Why the decoder thread died, when it did (seen by the run thread after isAlive() is false). */
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
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be positive");
        }
        this.db = db;
        this.embedder = embedder;
        this.loader = loader;
        this.batchSize = batchSize;
        this.scanner = new FolderScanner();
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

    private record WorkItem(long folderId, FolderScanner.ScannedFile file, String knownHash) {
    }

    /** A work item after hashing and decoding; exactly one of (hash) and (problem) is set. */
    private record Prepared(WorkItem item, String hash, BufferedImage image, byte[] thumbnail, String problem) {
    }

    private static final Prepared END = new Prepared(null, null, null, null, null);

    private final class Run {
        private final IndexListener listener;
        private final ModelInfo model = embedder.info();
        private final long startNanos = System.nanoTime();
        private long pausedNanos;
        private int done;
        private int total;
        private int indexed;
        private int embeddedCount;

        Run(IndexListener listener) {
            this.listener = listener == null ? IndexListener.NONE : listener;
        }

        IndexReport run(List<Path> roots) {
            db.registerModel(model);
            Set<String> embedded = ConcurrentHashMap.newKeySet();
            embedded.addAll(db.embeddedHashes(model));

            List<WorkItem> work = new ArrayList<>();
            int found = 0;
            int removed = 0;
            int knownBad = 0;
            for (Path root : roots) {
                if (stopRequested()) {
                    break;
                }
                long folderId = db.folderIdForIndexing(root);
                listener.onProgress(new IndexProgress(IndexProgress.State.SCANNING, 0, 0, 0, null, root));
                Map<String, StoredFile> stored = db.storedFiles(folderId);
                Map<String, List<FileProblem>> storedProblems = db.storedProblems(folderId);
                FolderScanner.ScanResult scan;
                try {
                    scan = scanner.scan(root, this::stopRequested);
                } catch (IOException e) {
                    // The root is gone (unplugged drive?): report it, keep its entries.
                    List<FileProblem> kept = new ArrayList<>();
                    storedProblems.values().forEach(kept::addAll);
                    kept.removeIf(p -> p.path().equals(GalleryDatabase.normalize(root).toString()));
                    db.applyScan(folderId, List.of(), kept, List.of(new FileProblem(
                            GalleryDatabase.normalize(root).toString(), rootProblem(e), -1, -1)));
                    continue;
                }
                if (cancelled) {
                    break; // a partial scan must not delete entries of files it did not reach
                }
                found += scan.files().size();
                Set<String> seen = new HashSet<>();
                List<FileProblem> keptProblems = new ArrayList<>();
                for (FolderScanner.ScannedFile f : scan.files()) {
                    String path = f.path().toString();
                    seen.add(path);
                    // Problems of an unchanged file are kept, other models' too (for them to skip it);
                    // a changed file is retried by every model.
                    boolean knownBadForModel = false;
                    for (FileProblem problem : storedProblems.getOrDefault(path, List.of())) {
                        if (problem.sameFile(f.size(), f.modifiedMillis())) {
                            keptProblems.add(problem);
                            knownBadForModel |= problem.blocks(model.id());
                        }
                    }
                    if (knownBadForModel) {
                        knownBad++; // unchanged bad file (for every model, or this one): not retried
                        continue;
                    }
                    StoredFile s = stored.get(path);
                    boolean unchanged = s != null && s.size() == f.size() && s.modifiedMillis() == f.modifiedMillis();
                    if (unchanged && embedded.contains(s.contentHash())) {
                        continue; // up to date
                    }
                    work.add(new WorkItem(folderId, f, unchanged ? s.contentHash() : null));
                }
                List<String> vanished = new ArrayList<>();
                for (String path : stored.keySet()) {
                    if (!seen.contains(path)) {
                        vanished.add(path);
                    }
                }
                removed += vanished.size();
                List<FileProblem> scanProblems = new ArrayList<>();
                for (FolderScanner.ScanProblem p : scan.problems()) {
                    scanProblems.add(new FileProblem(p.path().toString(), p.reason(), -1, -1));
                }
                db.applyScan(folderId, vanished, keptProblems, scanProblems);
            }

            total = work.size();
            int upToDate = found - total - knownBad;
            boolean complete = !cancelled && process(work, embedded);
            if (complete && (removed > 0 || indexed > 0)) {
                db.purgeUnreferenced(); // vectors and thumbnails of deleted or changed content
            }
            boolean wasCancelled = !complete;
            listener.onProgress(progress(wasCancelled ? IndexProgress.State.CANCELLED : IndexProgress.State.FINISHED, null));
            List<Problem> problems = new ArrayList<>();
            for (Path root : roots) {
                problems.addAll(db.problems(root, model));
            }
            return new IndexReport(found, upToDate, indexed, embeddedCount, removed, problems, wasCancelled,
                    Duration.ofNanos(System.nanoTime() - startNanos));
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
            Thread decoder = new Thread(() -> prepareAll(work, embedded, thumbnails, queue), "indexer-decoder");
            decoder.setDaemon(true);
            decoder.start();

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
                        if (!decoder.isAlive() && queue.isEmpty()) {
                            // It died of an Error no file-level catch handles: fail, do not wait forever.
                            throw new IllegalStateException("the indexer's decoding thread stopped unexpectedly",
                                    decoderFailure);
                        }
                        continue;
                    }
                    if (p == END) {
                        finished = true;
                        break;
                    }
                    if (p.item().folderId() != folderId && folderId != -1) {
                        folderId = flush(folderId, batch, problems); // batches are per folder
                    }
                    folderId = p.item().folderId();
                    handle(p, embedded, thumbnails, batch, problems);
                    done++;
                    listener.onProgress(progress(IndexProgress.State.INDEXING, p.item().file().path()));
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
                decoder.interrupt();
                queue.clear();
                try {
                    decoder.join(10_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return finished;
        }

        private void handle(Prepared p, Set<String> embedded, Set<String> thumbnails,
                            List<IndexedFile> batch, List<FileProblem> problems) {
            FolderScanner.ScannedFile f = p.item().file();
            if (p.problem() != null) {
                problems.add(new FileProblem(f.path().toString(), p.problem(), f.size(), f.modifiedMillis()));
                return;
            }
            float[] vector = null;
            FileProblem modelProblem = null;
            if (!embedded.contains(p.hash())) {
                try {
                    vector = embedder.embed(p.image());
                    checkVector(vector);
                    embedded.add(p.hash());
                    embeddedCount++;
                } catch (EmbeddingException | RuntimeException e) {
                    modelProblem = new FileProblem(f.path().toString(),
                            "model " + model.name() + " failed: " + ErrorText.oneLine(e),
                            f.size(), f.modifiedMillis(), model.id());
                    vector = null;
                }
            }
            byte[] thumb = null;
            if (p.thumbnail() != null && thumbnails.add(p.hash())) {
                thumb = p.thumbnail();
            }
            // The file itself is fine: its entry stays (other models' vectors keep finding it), only
            // this model has no vector for it, and the problem says so.
            batch.add(new IndexedFile(f.path().toString(), f.category(), f.size(), f.modifiedMillis(), p.hash(),
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
                db.commitBatch(folderId, model, batch, problems);
            }
            batch.clear();
            problems.clear();
            return folderId;
        }

        private void waitWhilePaused() throws InterruptedException {
            long pauseStart = System.nanoTime();
            listener.onProgress(progress(IndexProgress.State.PAUSED, null));
            synchronized (pauseLock) {
                while (paused && !cancelled) {
                    pauseLock.wait();
                }
            }
            pausedNanos += System.nanoTime() - pauseStart;
        }

        private IndexProgress progress(IndexProgress.State state, Path current) {
            double seconds = (System.nanoTime() - startNanos - pausedNanos) / 1e9;
            double rate = seconds > 0 && done > 0 ? done / seconds : 0;
            Duration eta = rate > 0 ? Duration.ofMillis((long) ((total - done) / rate * 1000)) : null;
            return new IndexProgress(state, done, total, rate, eta, current);
        }
    }

    /** Decoder thread: hash, decode and thumbnail ahead of the embedder. */
    private void prepareAll(List<WorkItem> work, Set<String> embedded, Set<String> thumbnails,
                            BlockingQueue<Prepared> queue) {
        try {
            Iterator<WorkItem> it = work.iterator();
            while (it.hasNext() && !cancelled) {
                queue.put(prepare(it.next(), embedded, thumbnails));
            }
            queue.put(END);
        } catch (InterruptedException e) {
            // the run is over
        } catch (RuntimeException | Error e) {
            decoderFailure = e;
            throw e;
        }
    }

    private Prepared prepare(WorkItem item, Set<String> embedded, Set<String> thumbnails) {
        Path path = item.file().path();
        String hash = item.knownHash();
        if (hash == null) {
            try {
                hash = Sha256.of(path);
            } catch (NoSuchFileException e) {
                return new Prepared(item, null, null, null, "file vanished before it could be read");
            } catch (AccessDeniedException e) {
                return new Prepared(item, null, null, null, "permission denied");
            } catch (IOException e) {
                return new Prepared(item, null, null, null, "cannot read file (" + e.getMessage() + ")");
            }
        }
        boolean needVector = !embedded.contains(hash);
        boolean needThumbnail = !thumbnails.contains(hash);
        if (!needVector && !needThumbnail) {
            return new Prepared(item, hash, null, null, null);
        }
        try {
            BufferedImage image = loader.load(path);
            return new Prepared(item, hash, image, needThumbnail ? thumbnailJpeg(image) : null, null);
        } catch (ImageLoadException e) {
            return new Prepared(item, null, null, null, e.reason());
        } catch (IOException | RuntimeException e) {
            return new Prepared(item, null, null, null, "cannot make a thumbnail (" + e + ")");
        } catch (OutOfMemoryError e) {
            return new Prepared(item, null, null, null, "image too large to decode in the available memory");
        }
    }

    /** A JPEG of the image with its long side at most {@link #THUMBNAIL_SIDE}. */
    public static byte[] thumbnailJpeg(BufferedImage image) throws IOException {
        int w = image.getWidth();
        int h = image.getHeight();
        double scale = Math.min(1.0, (double) THUMBNAIL_SIDE / Math.max(w, h));
        int tw = Math.max(1, (int) Math.round(w * scale));
        int th = Math.max(1, (int) Math.round(h * scale));
        BufferedImage thumb = Resampling.scale(image, tw, th);
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(ios);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.8f);
            writer.write(null, new IIOImage(thumb, null, null), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    private static String rootProblem(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "folder not found; its photos are kept until it is back";
        }
        if (e instanceof AccessDeniedException) {
            return "cannot open folder: permission denied";
        }
        return "cannot read folder (" + e + ")";
    }
}
