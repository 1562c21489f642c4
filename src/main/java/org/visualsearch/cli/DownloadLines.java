package org.visualsearch.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;
import org.visualsearch.core.sampledb.SampleDownloader;

/**
 * What {@code sample-db download} prints while it runs: one line per photo downloaded or failed,
 * one line for all photos already present (not one each), and, for a photo that takes a while
 * (a slow or stalling mirror), its bytes so far every few seconds so the run never looks hung.
 */
final class DownloadLines implements SampleDownloader.Listener {

    /** A photo shows its byte count once it has taken this long, then again at this interval. */
    static final long PROGRESS_EVERY_NANOS = 2_000_000_000L;

    private final PrintWriter out;
    private final PrintWriter err;
    private final int total;
    private final LongSupplier clock;
    private int done;
    private int presentPending;
    private int skipped;
    private String currentFile;
    private long nextProgressAt;

    DownloadLines(PrintWriter out, PrintWriter err, int total, LongSupplier nanoClock) {
        this.out = out;
        this.err = err;
        this.total = total;
        this.clock = nanoClock;
    }

    @Override
    public void progress(SampleDownloader.Progress p) {
        if (p.currentFile() == null) {
            currentFile = null;
            return;
        }
        long now = clock.getAsLong();
        if (!p.currentFile().equals(currentFile)) {
            currentFile = p.currentFile();
            nextProgressAt = now + PROGRESS_EVERY_NANOS;
            return;
        }
        if (now >= nextProgressAt) {
            flushPresent();
            out.printf(Locale.ROOT, "          %-24s %s of %s%n", p.currentFile(), kilobytes(p.fileBytesDone()),
                    kilobytes(p.fileBytesTotal()));
            out.flush();
            nextProgressAt = now + PROGRESS_EVERY_NANOS;
        }
    }

    @Override
    public void fileFinished(String file, boolean ok, String message) {
        currentFile = null;
        if (ok && message.equals(SampleDownloader.ALREADY_PRESENT)) {
            done++;
            presentPending++;
            return;
        }
        flushPresent();
        done++;
        if (ok) {
            out.printf("[%3d/%d] %-24s %s%n", done, total, file, message);
        } else if (message.startsWith("skipped ")) {
            skipped++;
        } else {
            err.println(message);
        }
        out.flush();
    }

    /** Prints what is still pending; call once the download has returned. */
    void finish() {
        flushPresent();
        if (skipped > 0) {
            err.println(skipped + " more photo" + (skipped == 1 ? "" : "s")
                    + " skipped: their host could not be reached or timed out");
        }
        out.flush();
        err.flush();
    }

    private void flushPresent() {
        if (presentPending > 0) {
            out.printf("[%3d/%d] %d photo%s already present%n", done, total,
                    presentPending, presentPending == 1 ? "" : "s");
            presentPending = 0;
        }
    }

    static String kilobytes(long bytes) {
        return String.format(Locale.ROOT, "%,d KB", (bytes + 512) / 1024);
    }
}
