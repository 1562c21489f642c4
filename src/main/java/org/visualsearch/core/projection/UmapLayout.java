package org.visualsearch.core.projection;

import java.util.concurrent.CancellationException;
import java.util.concurrent.locks.ReentrantLock;
import org.visualsearch.core.search.VectorIndex;
import tagbio.umap.ProgressListener;
import tagbio.umap.Umap;
import tagbio.umap.UmapProgress;

/**
 * UMAP through Tag.bio's Java port of the reference implementation ({@code tagbio.umap}):
 * 15 neighbours, minimum distance 0.1, Euclidean, as the reference's defaults.
 *
 * <p>One thread, so the map is the same for a seed (the library says several threads are not
 * deterministic). The library reports progress through one static listener list: runs are
 * serialised by a lock so one run never hears another's steps, and cancel is a
 * {@link CancellationException} thrown from that listener, which unwinds the library's loop.
 */
final class UmapLayout {
    static final int NEIGHBOURS = 15;
    private static final ReentrantLock ONE_AT_A_TIME = new ReentrantLock();

    private UmapLayout() {
    }

    /** Returns {x0, y0, x1, y1, ...} for the {@code vectors}, in their order. */
    static double[] embed(VectorIndex vectors, ProjectionSettings settings, ProjectionProgress progress) {
        int n = vectors.size();
        if (n <= 2) { // nothing to lay out: a point, or two apart on a line
            double[] y = new double[2 * n];
            if (n == 2) {
                y[2] = 1;
            }
            return y;
        }
        float[][] data = new float[n][];
        for (int i = 0; i < n; i++) {
            data[i] = vectors.vector(i);
        }
        Umap umap = new Umap();
        umap.setNumberComponents(2);
        umap.setNumberNearestNeighbours(Math.min(NEIGHBOURS, n - 1));
        umap.setThreads(1);
        umap.setSeed(settings.seed());
        umap.setVerbose(false);
        ProgressListener listener = state -> {
            if (progress.isCancelled()) {
                throw new CancellationException("projection cancelled");
            }
            progress.progress(state.getCount(), Math.max(state.getTotal(), state.getCount()),
                    "UMAP: step " + state.getCount() + " of " + state.getTotal());
        };
        ONE_AT_A_TIME.lock();
        try {
            if (progress.isCancelled()) {
                throw new CancellationException("projection cancelled");
            }
            progress.progress(0, -1, "UMAP: nearest neighbours");
            UmapProgress.addProgressListener(listener);
            float[][] out = umap.fitTransform(data);
            double[] y = new double[2 * n];
            for (int i = 0; i < n; i++) {
                y[2 * i] = out[i][0];
                y[2 * i + 1] = out[i][1];
            }
            progress.progress(1, 1, "UMAP: done");
            return y;
        } finally {
            UmapProgress.removeProgressListener(listener);
            ONE_AT_A_TIME.unlock();
        }
    }
}
