package org.visualsearch.core.projection;

import java.util.Arrays;
import java.util.Random;
import org.visualsearch.core.search.VectorIndex;

/** Projects a gallery's vectors onto a 2-D map with PCA, t-SNE or UMAP. */
public final class Projector {

    private Projector() {
    }

    /**
     * @throws java.util.concurrent.CancellationException when {@code progress} says so
     */
    public static Projection project(VectorIndex vectors, ProjectionSettings settings, ProjectionProgress progress) {
        int n = vectors.size();
        if (settings.method() == ProjectionMethod.PCA) {
            int[] all = new int[n];
            float[] x = new float[n];
            float[] y = new float[n];
            if (n == 0) {
                return new Projection(settings, 0, all, x, y, null, vectors);
            }
            Pca pca = Pca.fit(vectors, progress);
            for (int i = 0; i < n; i++) {
                all[i] = i;
                float[] p = pca.project(vectors.vector(i));
                x[i] = p[0];
                y[i] = p[1];
            }
            progress.progress(n, n, "PCA: done");
            return new Projection(settings, n, all, x, y, pca, null);
        }
        int[] sample = sample(n, settings.maxPoints(), settings.seed());
        float[] data = new float[sample.length * vectors.dimension()];
        for (int p = 0; p < sample.length; p++) {
            System.arraycopy(vectors.vector(sample[p]), 0, data, p * vectors.dimension(), vectors.dimension());
        }
        VectorIndex sampleVectors = VectorIndex.wrap(vectors.dimension(), data);
        double[] coords = settings.method() == ProjectionMethod.UMAP
                ? UmapLayout.embed(sampleVectors, settings, progress)
                : BarnesHutTsne.embed(sampleVectors, settings, progress);
        float[] x = new float[sample.length];
        float[] y = new float[sample.length];
        for (int p = 0; p < sample.length; p++) {
            x[p] = (float) coords[2 * p];
            y[p] = (float) coords[2 * p + 1];
        }
        return new Projection(settings, n, sample, x, y, null, sampleVectors);
    }

    /** All of 0..n-1 when n <= max, else a seeded random sample of max of them, in order. */
    static int[] sample(int n, int max, long seed) {
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        if (n <= max) {
            return all;
        }
        Random random = new Random(seed);
        for (int i = 0; i < max; i++) { // partial Fisher-Yates
            int j = i + random.nextInt(n - i);
            int t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        int[] picked = Arrays.copyOf(all, max);
        Arrays.sort(picked);
        return picked;
    }
}
