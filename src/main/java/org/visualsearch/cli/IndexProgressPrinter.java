package org.visualsearch.cli;

import java.io.PrintWriter;
import java.util.concurrent.TimeUnit;
import org.visualsearch.core.gallery.IndexListener;
import org.visualsearch.core.gallery.IndexProgress;

/** Prints indexing progress (count, rate, ETA) at most every two seconds, on stderr so stdout stays machine-readable. */
final class IndexProgressPrinter implements IndexListener {
    private final PrintWriter err;
    private long lastPrint = System.nanoTime();

    IndexProgressPrinter(PrintWriter err) {
        this.err = err;
    }

    @Override
    public void onProgress(IndexProgress p) {
        long now = System.nanoTime();
        if (p.state() != IndexProgress.State.INDEXING || now - lastPrint < TimeUnit.SECONDS.toNanos(2)) {
            return;
        }
        lastPrint = now;
        String eta = p.eta() == null ? "?" : String.format("%d:%02d", p.eta().toMinutes(), p.eta().toSecondsPart());
        err.printf("indexing %d/%d, %.1f photos/s, ETA %s%n", p.done(), p.total(), p.rate(), eta);
        err.flush();
    }
}
