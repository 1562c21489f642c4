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
 */
public record IndexProgress(State state, int done, int total, double rate, Duration eta, Path currentFile) {

    public enum State { SCANNING, INDEXING, PAUSED, FINISHED, CANCELLED }

    /** Fraction done, 0..1; 1 when there was nothing to do. */
    public double fraction() {
        return total == 0 ? (state == State.FINISHED ? 1.0 : 0.0) : (double) done / total;
    }
}
