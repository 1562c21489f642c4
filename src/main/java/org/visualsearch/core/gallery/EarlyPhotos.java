package org.visualsearch.core.gallery;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.visualsearch.core.common.Sha256;
import org.visualsearch.core.common.StartupTrace;
import org.visualsearch.core.image.ImageLoader;

/**
 * Hashes, decodes and thumbnails the first photos of a folder on a thread of its own while the
 * model is still loading, so that the second core does not sit idle during the engine's start
 * (loading libtorch takes half a second on one core). The indexer then takes these photos instead
 * of decoding them again ({@link Indexer#startedEarly}); {@link #stop()} ends the work when the
 * indexer's own workers start.
 *
 * <p>It only saves work: a photo it did not reach, could not read, or that changed since it read
 * it (other size or modification time) is prepared by the indexer as usual, which also reports
 * any problem. It holds at most {@code maxPhotos} decoded photos, each given away once.
 */
public final class EarlyPhotos implements AutoCloseable {

    /** A photo prepared ahead: its file as scanned, content hash, decoded image and thumbnail. */
    record Photo(FolderScanner.ScannedFile file, String hash, BufferedImage image, byte[] thumbnail) {
    }

    /** Nothing prepared: what an indexer without an early start uses. */
    public static final EarlyPhotos NONE = new EarlyPhotos(null, null);

    private final Path root;
    private final ImageLoader loader;
    private final Map<Path, Photo> ready = new ConcurrentHashMap<>();
    private final AtomicInteger prepared = new AtomicInteger();
    private volatile boolean stopped;
    private Thread thread;

    private EarlyPhotos(Path root, ImageLoader loader) {
        this.root = root;
        this.loader = loader;
        this.stopped = root == null;
    }

    /**
     * Starts preparing up to {@code maxPhotos} photos of {@code folder}, in the order the indexer
     * takes them, skipping content in {@code embedded} (it has its vector for the model already).
     *
     * @param loader the loader the indexer will decode with (photos from another are not used)
     */
    public static EarlyPhotos start(Path folder, ImageLoader loader, Set<String> embedded, int maxPhotos) {
        return start(folder, loader, embedded, maxPhotos, () -> { });
    }

    /** As above; {@code afterEachPhoto} runs on the preparing thread after each photo is ready (for tests). */
    static EarlyPhotos start(Path folder, ImageLoader loader, Set<String> embedded, int maxPhotos,
                             Runnable afterEachPhoto) {
        EarlyPhotos early = new EarlyPhotos(folder.toAbsolutePath().normalize(), loader);
        early.thread = new Thread(() -> early.prepare(embedded, maxPhotos, afterEachPhoto), "early-photos");
        early.thread.setDaemon(true);
        early.thread.start();
        return early;
    }

    private void prepare(Set<String> embedded, int maxPhotos, Runnable afterEachPhoto) {
        FolderScanner.ScanResult scan;
        try {
            scan = new FolderScanner().scan(root, () -> stopped);
        } catch (IOException | RuntimeException e) {
            return; // the indexer's own scan says what is wrong with the folder
        }
        for (FolderScanner.ScannedFile file : scan.files()) {
            if (stopped || prepared.get() >= maxPhotos) {
                break;
            }
            try {
                String hash = Sha256.of(file.path());
                if (embedded.contains(hash)) {
                    continue;
                }
                BufferedImage image = loader.load(file.path());
                byte[] thumbnail = Thumbnails.jpeg(image);
                ready.put(file.path(), new Photo(file, hash, image, thumbnail));
                prepared.incrementAndGet();
                afterEachPhoto.run();
            } catch (IOException | RuntimeException | OutOfMemoryError e) {
                // left to the indexer, which retries the file and reports its problem
            }
        }
    }

    /** Whether the photos were decoded as {@code other} decodes (else they must not be used). */
    boolean decodedLike(ImageLoader other) {
        return loader != null && loader.decodesLike(other);
    }

    /**
     * Stops preparing after the photo in hand, without waiting for it (the indexer's workers need
     * the cores now; a photo finished late is still taken if no worker has reached it yet).
     */
    public void stop() {
        if (!stopped) {
            stopped = true;
            StartupTrace.mark("early photos: " + prepared.get() + " ready when the indexer started");
        }
    }

    /**
     * The prepared photo of {@code file}, given away once; empty when there is none or the file
     * has changed (size or modification time) since it was prepared.
     */
    Optional<Photo> take(FolderScanner.ScannedFile file) {
        Photo p = ready.remove(file.path());
        if (p == null || p.file().size() != file.size() || p.file().modifiedMillis() != file.modifiedMillis()) {
            return Optional.empty();
        }
        return Optional.of(p);
    }

    /** Waits until the preparation has ended: every photo, the limit, or a stop. */
    void awaitEnd() throws InterruptedException {
        if (thread != null) {
            thread.join();
        }
    }

    /** How many photos were prepared (also those taken since). */
    public int preparedCount() {
        return prepared.get();
    }

    /** Stops, waits for the photo in hand, and drops what was not taken. */
    @Override
    public void close() {
        stop();
        try {
            awaitEnd();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ready.clear();
    }
}
