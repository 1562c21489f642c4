package org.visualsearch.core.gallery;

import java.nio.file.Path;
import java.time.Duration;

/**
 * A snapshot of an indexing run, sent to an {@link IndexListener}.
 *
 * @param state       what the run is doing
 * @param done        photos processed in this run (indexed or found bad)
 * @param total       photos this run has to process (known once scanning is over; 0 while scanning)
 * @param rate        photos per second over the active (unpaused) time of the run, 0 when unknown
 * @param eta         estimated time left, or {@code null} when unknown
 * @param currentFile the photo or folder being handled, or {@code null}
 * @param upToDate    photos already indexed before this run (not in {@code total}): with them, the
 *                    counts are the gallery's, as its header and {@code list} give them
 */
public record IndexProgress(State state, int done, int total, double rate, Duration eta, Path currentFile,
                            int upToDate) {

    public IndexProgress(State state, int done, int total, double rate, Duration eta, Path currentFile) {
        this(state, done, total, rate, eta, currentFile, 0);
    }

    /** Photos of the gallery indexed so far: those up to date before the run, and this run's. */
    public int galleryDone() {
        return upToDate + done;
    }

    /** Photos the gallery will have when the run is over (known bad files left out). */
    public int galleryTotal() {
        return upToDate + total;
    }

    public enum State { SCANNING, INDEXING, PAUSED, FINISHED, CANCELLED }

    /** Fraction done, 0..1; 1 when there was nothing to do. */
    public double fraction() {
        return total == 0 ? (state == State.FINISHED ? 1.0 : 0.0) : (double) done / total;
    }
}
