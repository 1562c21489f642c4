package org.visualsearch.core.gallery;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.visualsearch.core.common.Sha256;
import org.visualsearch.core.image.ImageLoadException;
import org.visualsearch.core.image.ImageLoader;

/**
 * The decoder thread's side of a run: hashes each file's content (unless its unchanged hash is
 * known), and decodes and thumbnails only what the model or the thumbnail table still lacks,
 * ahead of the embedder. A bad file becomes a {@link Prepared.Failed} and the work goes on.
 */
final class PhotoPreparer {
    private final ImageLoader loader;
    /** Content hashes with a vector for the model; shared with the run thread, which adds to it. */
    private final Set<String> embedded;
    /** Content hashes with a thumbnail; shared with the run thread. */
    private final Set<String> thumbnails;
    /** Vectors known ahead of time for the run's model (already checked to be its own). */
    private final KnownVectors known;

    PhotoPreparer(ImageLoader loader, Set<String> embedded, Set<String> thumbnails) {
        this(loader, embedded, thumbnails, KnownVectors.NONE);
    }

    PhotoPreparer(ImageLoader loader, Set<String> embedded, Set<String> thumbnails, KnownVectors known) {
        this.loader = loader;
        this.embedded = embedded;
        this.thumbnails = thumbnails;
        this.known = known;
    }

    /**
     * Prepares every item into {@code queue}, then {@link Prepared.End}; returns early when
     * {@code stopped} or interrupted (the run is over).
     */
    void prepareAll(List<WorkItem> work, BlockingQueue<Prepared> queue, BooleanSupplier stopped)
            throws InterruptedException {
        prepareShare(work, new AtomicInteger(), queue, stopped);
    }

    /**
     * One of several workers sharing {@code work}: takes the next unclaimed item from
     * {@code cursor} until none is left, then puts one {@link Prepared.End} (so the consumer
     * expects one per worker). Items reach the queue roughly, not exactly, in order.
     */
    void prepareShare(List<WorkItem> work, AtomicInteger cursor, BlockingQueue<Prepared> queue,
                      BooleanSupplier stopped) throws InterruptedException {
        int i;
        while (!stopped.getAsBoolean() && (i = cursor.getAndIncrement()) < work.size()) {
            queue.put(prepare(work.get(i)));
        }
        queue.put(new Prepared.End());
    }

    Prepared.Photo prepare(WorkItem item) {
        Path path = item.file().path();
        String hash = item.knownHash();
        if (hash == null) {
            try {
                hash = Sha256.of(path);
            } catch (NoSuchFileException e) {
                return new Prepared.Failed(item, "file vanished before it could be read");
            } catch (AccessDeniedException e) {
                return new Prepared.Failed(item, "permission denied");
            } catch (IOException e) {
                return new Prepared.Failed(item, "cannot read file (" + e.getMessage() + ")");
            }
        }
        boolean needVector = !embedded.contains(hash);
        boolean needThumbnail = !thumbnails.contains(hash);
        if (!needVector && !needThumbnail) {
            return new Prepared.Hashed(item, hash);
        }
        float[] knownVector = needVector ? known.vectorFor(path, hash) : null;
        try {
            if (knownVector != null) {
                // nothing to decode: the thumbnail is made when the photo is first shown (StoreThumbnails)
                return new Prepared.Known(item, hash, knownVector);
            }
            BufferedImage image = loader.load(path);
            return new Prepared.Decoded(item, hash, image,
                    needThumbnail ? Optional.of(Thumbnails.jpeg(image)) : Optional.empty());
        } catch (ImageLoadException e) {
            return new Prepared.Failed(item, e.reason());
        } catch (IOException | RuntimeException e) {
            return new Prepared.Failed(item, "cannot make a thumbnail (" + e + ")");
        } catch (OutOfMemoryError e) {
            return new Prepared.Failed(item, "image too large to decode in the available memory");
        }
    }
}
