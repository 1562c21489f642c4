package org.visualsearch.core.common;

import java.util.concurrent.Semaphore;

/**
 * How much transient memory the big steps running at once on different threads may take, shared
 * by the whole process (today: image decodes, see {@code ImageLoader}). A big progressive JPEG
 * holds all its DCT coefficients while it decodes, whatever the output size (about 3 bytes per
 * pixel: 72 MB for a 6000x4000 photo), and a full-size decode holds its whole raster; on two
 * indexing threads two such peaks could add up where a one-thread pipeline has them one after
 * the other. A step that needs more than {@link #SMALL_BYTES} takes its share of
 * {@link #CAPACITY_BYTES} first (the largest take all of it, so they run alone); small steps never
 * wait. When a big step gives its share back, the process-wide budget asks glibc to return what
 * the step freed ({@link NativeHeap}).
 */
public final class MemoryBudget {
    /** Below this a step does not count (a 12-megapixel baseline JPEG decoded DCT-scaled needs far less). */
    static final long SMALL_BYTES = 8L << 20;
    /** What the big steps running at once may take together. */
    static final long CAPACITY_BYTES = 64L << 20;
    private static final int UNIT = 1 << 20; // permits are megabytes

    private static final MemoryBudget SHARED = new MemoryBudget(CAPACITY_BYTES, NativeHeap::release);

    private final Semaphore megabytes;
    private final int capacity;
    /** Run when a big step gives its share back. */
    private final Runnable afterBigStep;

    public MemoryBudget(long capacityBytes) {
        this(capacityBytes, () -> { });
    }

    /** As above; {@code afterBigStep} runs each time a step above {@link #SMALL_BYTES} closes its lease. */
    public MemoryBudget(long capacityBytes, Runnable afterBigStep) {
        this.capacity = (int) Math.max(1, capacityBytes / UNIT);
        this.megabytes = new Semaphore(capacity, true);
        this.afterBigStep = afterBigStep;
    }

    /** The budget every thread of this process shares; it trims glibc's heap after each big step. */
    public static MemoryBudget shared() {
        return SHARED;
    }

    /** A share of the budget, given back on close. */
    public interface Lease extends AutoCloseable {
        @Override
        void close();
    }

    private static final Lease NOTHING = () -> { };

    /**
     * Waits until {@code bytes} of transient memory (capped at the whole budget) are free, and
     * takes them until the lease is closed; returns at once for a small step.
     *
     * @throws InterruptedException when the thread is interrupted while it waits
     */
    public Lease acquire(long bytes) throws InterruptedException {
        if (bytes <= SMALL_BYTES) {
            return NOTHING;
        }
        int permits = (int) Math.min(capacity, (bytes + UNIT - 1) / UNIT);
        megabytes.acquire(permits);
        return new Lease() {
            private boolean closed;

            @Override
            public synchronized void close() {
                if (!closed) {
                    closed = true;
                    megabytes.release(permits);
                    afterBigStep.run();
                }
            }
        };
    }

    /** Megabytes free now (for tests). */
    public int availableMegabytes() {
        return megabytes.availablePermits();
    }

    /** Threads waiting for their share now (for tests). */
    public int waiting() {
        return megabytes.getQueueLength();
    }
}
