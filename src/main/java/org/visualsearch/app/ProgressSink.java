package org.visualsearch.app;

import org.visualsearch.core.gallery.IndexProgress;

/**
 * What long-running work (download, import, indexing) reports to whoever runs it (the window's
 * job bar, the command line's stderr), from any thread.
 * Work should check {@link #isCancelled()} between items and stop (e.g. by throwing
 * {@link java.util.concurrent.CancellationException}) when it returns true.
 */
public interface ProgressSink {

    /**
     * @param done    items or bytes done so far
     * @param total   the total, or a negative number when unknown
     * @param message one short line for the progress bar, e.g. "Embedding dog_017.jpg"
     */
    void progress(long done, long total, String message);

    boolean isCancelled();

    /** An indexing run's progress, after every photo; by default one line of {@link IndexProgressText}. */
    default void indexing(IndexProgress p) {
        progress(p.galleryDone(), p.total() > 0 ? p.galleryTotal() : -1, IndexProgressText.describe(p));
    }

    /**
     * Reports a problem that did not stop the work (e.g. some photos could not be downloaded);
     * the window shows it when the work ends.
     */
    default void warn(String message) {
    }

    /**
     * Offers a Pause/Resume control for this work (e.g. the indexer's); call it from
     * the work once the control exists. Work that cannot pause never calls it.
     */
    default void pausable(Pausable control) {
    }

    /** Pauses and resumes running work; called from another thread than the work's. */
    interface Pausable {
        void pause();

        void resume();
    }
}
