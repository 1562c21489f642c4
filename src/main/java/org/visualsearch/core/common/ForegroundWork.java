package org.visualsearch.core.common;

/**
 * Whether someone is waiting for an answer right now (a search in the window), so that background
 * work which may use every core (indexing) leaves them one while it lasts. Shared by the process:
 * the foreground {@link #enter()}s around its work, and all but one background thread call
 * {@link #awaitIdle()} between their units of work.
 */
public final class ForegroundWork {
    private static final ForegroundWork SHARED = new ForegroundWork();

    private int running;

    /** For tests; the app uses {@link #shared()}. */
    public ForegroundWork() {
    }

    public static ForegroundWork shared() {
        return SHARED;
    }

    /** Foreground work that has begun; close it when it is over. */
    public interface Running extends AutoCloseable {
        @Override
        void close();
    }

    /** Marks foreground work as running until the result is closed. */
    public Running enter() {
        synchronized (this) {
            running++;
        }
        return new Running() {
            private boolean closed;

            @Override
            public void close() {
                synchronized (ForegroundWork.this) {
                    if (!closed) {
                        closed = true;
                        if (--running == 0) {
                            ForegroundWork.this.notifyAll();
                        }
                    }
                }
            }
        };
    }

    public synchronized boolean busy() {
        return running > 0;
    }

    /** Returns once no foreground work is running. */
    public synchronized void awaitIdle() throws InterruptedException {
        while (running > 0) {
            wait();
        }
    }
}
