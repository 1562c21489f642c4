package org.visualsearch.core.occlusion;

/** Where a heatmap reports how many hidden copies are embedded, and learns that it should stop. */
public interface HeatmapProgress {
    /** Nobody watches, nobody cancels. */
    HeatmapProgress NONE = new HeatmapProgress() {
        @Override
        public void progress(int done, int total) {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    };

    /** {@code done} of {@code total} embeds so far. */
    void progress(int done, int total);

    /** Polled before every embed; true stops the heatmap with a {@link java.util.concurrent.CancellationException}. */
    boolean isCancelled();
}
