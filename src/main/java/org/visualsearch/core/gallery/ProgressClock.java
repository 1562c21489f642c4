package org.visualsearch.core.gallery;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Counts a run's photos and turns them into progress: the rate and the time left leave out the
 * time spent paused, so pausing over lunch does not make the estimate absurd. One thread only.
 */
final class ProgressClock {
    private final long startNanos = System.nanoTime();
    private long pausedNanos;
    private long pauseStart;
    private int done;
    private int total;
    private int upToDate;

    void setTotal(int total) {
        this.total = total;
    }

    /** Photos already indexed before the run, so that progress can also be told in the gallery's counts. */
    void setUpToDate(int upToDate) {
        this.upToDate = Math.max(0, upToDate);
    }

    void photoDone() {
        done++;
    }

    void pauseStarted() {
        pauseStart = System.nanoTime();
    }

    void pauseEnded() {
        pausedNanos += System.nanoTime() - pauseStart;
    }

    /** Time since the run started, pauses included. */
    Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    IndexProgress progress(IndexProgress.State state, Path current) {
        double seconds = (System.nanoTime() - startNanos - pausedNanos) / 1e9;
        double rate = seconds > 0 && done > 0 ? done / seconds : 0;
        Duration eta = rate > 0 ? Duration.ofMillis((long) ((total - done) / rate * 1000)) : null;
        return new IndexProgress(state, done, total, rate, eta, current, upToDate);
    }
}
