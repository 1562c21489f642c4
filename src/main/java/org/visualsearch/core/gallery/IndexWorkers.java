package org.visualsearch.core.gallery;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.visualsearch.core.common.ErrorText;
import org.visualsearch.core.common.ForegroundWork;
import org.visualsearch.core.model.EmbeddingException;
import org.visualsearch.core.model.ImageEmbedder;
import org.visualsearch.core.model.ModelInfo;

/**
 * The indexer's worker threads: each takes the next unclaimed photo, hashes, decodes and
 * thumbnails it ({@link PhotoPreparer}), embeds it, and hands the result to the run thread, which
 * only writes. A photo goes through one thread from file to vector, so the work spreads over the
 * cores whatever its mix of big JPEGs and model time, and at most one decoded image per worker is
 * alive.
 *
 * <p>Embedders come from a pool: one {@link ImageEmbedder#parallelCopy()} per worker when the
 * model has them (the run's own embedder then stays free for a search), else the run's embedder
 * alone, which the workers then take in turn (they still decode in parallel). Each embedder is
 * used by one thread at a time. Two photos of the same content are embedded once: a worker
 * claims the content hash first, and gives the claim back when the model fails on it.
 *
 * <p>While {@link ForegroundWork} is busy (a search in the window), all workers but the first
 * wait before their next photo, so the search has a core of its own.
 */
final class IndexWorkers implements AutoCloseable {

    /** Why a worker died, when one did (seen by the run thread after isAlive() is false). */
    private volatile Throwable failure;

    private final PhotoPreparer preparer;
    private final Set<String> embedded;
    private final ModelInfo model;
    private final BlockingQueue<ImageEmbedder> pool;
    private final List<ImageEmbedder> copies = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final BooleanSupplier stopped;
    private final PauseGate pause;
    private final ForegroundWork foreground;
    /** Workers between taking a photo and handing it over (see {@link #idle()}). */
    private final AtomicInteger busy = new AtomicInteger();

    /** Whether the run is paused, for the workers. */
    interface PauseGate {
        boolean paused();

        /** Returns once the run is not paused (or is stopped). */
        void awaitNotPaused() throws InterruptedException;
    }

    /**
     * Starts {@code count} workers over {@code work}; each puts its photos into {@code queue}, then one
     * {@link Prepared.End}.
     *
     * @param embedded content hashes with a vector for the model (shared with the run thread)
     */
    IndexWorkers(int count, PhotoPreparer preparer, ImageEmbedder embedder, Set<String> embedded,
                 List<WorkItem> work, BlockingQueue<Prepared> queue, BooleanSupplier stopped, PauseGate pause) {
        this(count, preparer, embedder, embedded, work, queue, stopped, pause, ForegroundWork.shared());
    }

    /** As above, all workers but the first waiting while {@code foreground} is busy. */
    IndexWorkers(int count, PhotoPreparer preparer, ImageEmbedder embedder, Set<String> embedded,
                 List<WorkItem> work, BlockingQueue<Prepared> queue, BooleanSupplier stopped, PauseGate pause,
                 ForegroundWork foreground) {
        this.foreground = foreground;
        this.preparer = preparer;
        this.embedded = embedded;
        this.model = embedder.info();
        this.stopped = stopped;
        this.pause = pause;
        this.pool = new ArrayBlockingQueue<>(Math.max(1, count));
        for (int i = 0; count > 1 && i < count; i++) {
            Optional<ImageEmbedder> copy;
            try {
                copy = embedder.parallelCopy();
            } catch (EmbeddingException | RuntimeException e) {
                copy = Optional.empty(); // the copies made so far, or the run's own embedder, do the work
            }
            if (copy.isEmpty()) {
                break;
            }
            copies.add(copy.get());
        }
        if (copies.isEmpty()) {
            pool.add(embedder);
        } else {
            pool.addAll(copies);
        }
        AtomicInteger cursor = new AtomicInteger();
        for (int i = 0; i < count; i++) {
            boolean yields = i > 0; // the first worker goes on whatever the foreground does
            Thread t = new Thread(() -> work(work, cursor, queue, yields), "indexer-worker-" + (i + 1));
            t.setDaemon(true);
            threads.add(t);
        }
        threads.forEach(Thread::start);
    }

    int count() {
        return threads.size();
    }

    boolean anyAlive() {
        return threads.stream().anyMatch(Thread::isAlive);
    }

    Throwable failure() {
        return failure;
    }

    /**
     * True when no worker has a photo in hand: once the run is paused and this is true, everything
     * the workers finished is in the queue and they take nothing more until the run resumes.
     */
    boolean idle() {
        return busy.get() == 0;
    }

    private void work(List<WorkItem> work, AtomicInteger cursor, BlockingQueue<Prepared> queue, boolean yields) {
        try {
            while (true) {
                pause.awaitNotPaused(); // not busy while waiting
                if (yields) {
                    foreground.awaitIdle(); // a search in the window gets this core meanwhile
                }
                busy.incrementAndGet();
                try {
                    if (pause.paused()) {
                        continue; // paused between the two lines: the pause wins, nothing is taken
                    }
                    int i;
                    if (stopped.getAsBoolean() || (i = cursor.getAndIncrement()) >= work.size()) {
                        break;
                    }
                    Prepared.Photo p = preparer.prepare(work.get(i));
                    queue.put(p instanceof Prepared.Decoded d ? embed(d) : p);
                } finally {
                    busy.decrementAndGet();
                }
            }
            queue.put(new Prepared.End());
        } catch (InterruptedException e) {
            // the run is over
        } catch (RuntimeException | Error e) {
            failure = e;
            throw e;
        }
    }

    /** Embeds a decoded photo unless its content has (or is getting) a vector already. */
    private Prepared.Embedded embed(Prepared.Decoded d) throws InterruptedException {
        if (!embedded.add(d.hash())) {
            return new Prepared.Embedded(d.item(), d.hash(), null, null, d.thumbnail());
        }
        ImageEmbedder embedder = pool.take();
        try {
            float[] vector = embedder.embed(d.image());
            checkVector(vector);
            return new Prepared.Embedded(d.item(), d.hash(), vector, null, d.thumbnail());
        } catch (EmbeddingException | RuntimeException e) {
            embedded.remove(d.hash()); // another file of this content may try again
            return new Prepared.Embedded(d.item(), d.hash(), null,
                    "model " + model.name() + " failed: " + ErrorText.oneLine(e), d.thumbnail());
        } finally {
            pool.add(embedder); // never full: it was taken from it (put would refuse once interrupted)
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

    /** Stops the workers (interrupting a wait), waits for them, and closes the parallel copies. */
    @Override
    public void close() {
        threads.forEach(Thread::interrupt);
        boolean interrupted = false;
        for (Thread t : threads) {
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        // a copy still in use by a worker that did not end is left open rather than closed under it
        if (threads.stream().noneMatch(Thread::isAlive)) {
            copies.forEach(ImageEmbedder::close);
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
