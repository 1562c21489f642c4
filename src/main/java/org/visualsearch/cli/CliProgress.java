package org.visualsearch.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.visualsearch.app.ProgressSink;
import org.visualsearch.core.gallery.IndexProgress;

/**
 * Progress of the command line's long work: indexing (count, rate, ETA) at most every two
 * seconds, on stderr so stdout stays machine-readable; Ctrl-C cancels the work, which commits
 * what it has done and stops.
 */
final class CliProgress implements ProgressSink {
    private final PrintWriter err;
    private volatile boolean cancelled;
    private long lastPrint = System.nanoTime();

    CliProgress(PrintWriter err) {
        this.err = err;
    }

    @Override
    public void progress(long done, long total, String message) {
        // only indexing is long enough to report, see indexing()
    }

    @Override
    public boolean isCancelled() {
        return cancelled;
    }

    @Override
    public void indexing(IndexProgress p) {
        long now = System.nanoTime();
        if (p.state() != IndexProgress.State.INDEXING || now - lastPrint < TimeUnit.SECONDS.toNanos(2)) {
            return;
        }
        lastPrint = now;
        String eta = p.eta() == null ? "?" : String.format("%d:%02d", p.eta().toMinutes(), p.eta().toSecondsPart());
        err.printf("indexing %d/%d, %.1f photos/s, ETA %s%n", p.done(), p.total(), p.rate(), eta);
        err.flush();
    }

    /** Runs {@code work}; a JVM shutdown (Ctrl-C) meanwhile cancels it and waits for its last commit. */
    <T> T runCancellableOnShutdown(Callable<T> work) throws Exception {
        return runCancellableOnShutdown(work, result -> { });
    }

    /**
     * Like {@link #runCancellableOnShutdown(Callable)}; when Ctrl-C cancelled the work,
     * {@code reportInterrupted} says so (one line on stderr) before the shutdown hook lets the JVM
     * exit: a line printed after {@code work} returns races the JVM's halt and was sometimes lost.
     */
    <T> T runCancellableOnShutdown(Callable<T> work, Consumer<T> reportInterrupted) throws Exception {
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            cancelled = true;
            try {
                finished.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "cancel-indexing");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            T result = work.call();
            if (cancelled) {
                reportInterrupted.accept(result);
                err.flush();
            }
            return result;
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it has seen the latch
            }
        }
    }
}
