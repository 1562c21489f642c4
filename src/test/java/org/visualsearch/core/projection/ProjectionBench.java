package org.visualsearch.core.projection;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.visualsearch.core.search.VectorIndex;

/**
 * Times projecting 100 / 10,000 / 100,000 synthetic 64-d vectors (20 Gaussian clusters, like a
 * gallery's categories) with PCA, t-SNE and UMAP (t-SNE and UMAP above 10,000 run on their
 * 10,000-photo sample). Prints medians. Not a test: run its main with the test classpath;
 * arguments: runs per size and method (default 3), then the sizes (default 100 10000 100000).
 */
public final class ProjectionBench {

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int[] sizes = args.length > 1
                ? java.util.Arrays.stream(args, 1, args.length).mapToInt(Integer::parseInt).toArray()
                : new int[] {100, 10_000, 100_000};
        for (int n : sizes) {
            VectorIndex v = vectors(n, 64, 20, 1);
            for (ProjectionMethod method : ProjectionMethod.values()) {
                int times = runs;
                double[] seconds = new double[times];
                String description = "";
                for (int r = 0; r < times; r++) {
                    long start = System.nanoTime();
                    Projection p = Projector.project(v, ProjectionSettings.of(method), ProjectionProgress.NONE);
                    seconds[r] = (System.nanoTime() - start) / 1e9;
                    description = p.describe();
                }
                Arrays.sort(seconds);
                System.out.printf("%-6s n=%,7d  median %8.3f s over %d runs (min %.3f, max %.3f)  %s%n", method.label(), n,
                        seconds[times / 2], times, seconds[0], seconds[times - 1], description);
            }
        }
    }

    static VectorIndex vectors(int n, int d, int clusters, long seed) {
        Random r = new Random(seed);
        float[][] centres = new float[clusters][d];
        for (float[] c : centres) {
            for (int j = 0; j < d; j++) {
                c[j] = (float) r.nextGaussian() * 3;
            }
        }
        List<float[]> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            float[] c = centres[i % clusters];
            float[] v = new float[d];
            for (int j = 0; j < d; j++) {
                v[j] = c[j] + (float) r.nextGaussian();
            }
            out.add(v);
        }
        return VectorIndex.of(d, out);
    }
}
