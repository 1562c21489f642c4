package org.visualsearch.core.projection;

/** Where a long projection reports how far it is, and learns that it should stop. */
public interface ProjectionProgress {
    /** A projection that nobody watches and that is never cancelled. */
    ProjectionProgress NONE = new ProjectionProgress() {
        @Override
        public void progress(long done, long total, String message) {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    };

    /** {@code done} of {@code total} steps ({@code total} -1 when unknown). */
    void progress(long done, long total, String message);

    /** Polled between steps; true makes the projection throw {@link java.util.concurrent.CancellationException}. */
    boolean isCancelled();
}
