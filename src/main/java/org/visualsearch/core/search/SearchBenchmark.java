package org.visualsearch.core.search;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Times exact search on synthetic data: random unit vectors (uniform on the sphere), so the
 * numbers say what a gallery of that size costs without needing that many photos.
 */
public final class SearchBenchmark {

    /** Search modes timed. */
    public enum Mode { TOP_K, RANK_ALL }

    /**
     * @param size        vectors in the index
     * @param dimension   their length
     * @param mode        top-k or rank-all
     * @param k           k for {@link Mode#TOP_K}
     * @param queries     timed queries
     * @param medianMs    median time per query
     * @param p95Ms       95th percentile time per query
     * @param queriesPerSecond timed queries divided by their total time
     * @param vectorBytes memory held by the vectors (the index's float array)
     */
    public record Result(int size, int dimension, Mode mode, int k, int queries, double medianMs, double p95Ms,
                         double queriesPerSecond, long vectorBytes) {
    }

    private SearchBenchmark() {
    }

    /** {@code n} random unit vectors, row-major. */
    public static float[] randomUnitVectors(int n, int dimension, Random random) {
        float[] data = new float[n * dimension];
        for (int i = 0; i < n; i++) {
            double norm = 0;
            for (int j = 0; j < dimension; j++) {
                float g = (float) random.nextGaussian();
                data[i * dimension + j] = g;
                norm += g * g;
            }
            float inv = (float) (1 / Math.sqrt(norm));
            for (int j = 0; j < dimension; j++) {
                data[i * dimension + j] *= inv;
            }
        }
        return data;
    }

    /**
     * Times {@code queries} searches (after {@code warmup} untimed ones) of fresh random unit
     * queries against {@code index}.
     */
    public static Result time(VectorIndex index, Mode mode, int k, int queries, int warmup, Random random) {
        if (queries <= 0) {
            throw new IllegalArgumentException("queries must be positive: " + queries);
        }
        int dim = index.dimension();
        float[] q = randomUnitVectors(queries + warmup, dim, random);
        Consumer<float[]> search = mode == Mode.TOP_K ? v -> sink(index.nearest(v, k)) : v -> sink(index.rankAll(v));
        for (int i = 0; i < warmup; i++) {
            search.accept(Arrays.copyOfRange(q, i * dim, (i + 1) * dim));
        }
        long[] nanos = new long[queries];
        long total = 0;
        for (int i = 0; i < queries; i++) {
            float[] v = Arrays.copyOfRange(q, (warmup + i) * dim, (warmup + i + 1) * dim);
            long t0 = System.nanoTime();
            search.accept(v);
            nanos[i] = System.nanoTime() - t0;
            total += nanos[i];
        }
        Arrays.sort(nanos);
        double median = queries % 2 == 1 ? nanos[queries / 2] : (nanos[queries / 2 - 1] + nanos[queries / 2]) / 2.0;
        double p95 = nanos[(int) Math.ceil(0.95 * queries) - 1]; // nearest-rank
        return new Result(index.size(), dim, mode, k, queries, median / 1e6, p95 / 1e6,
                queries / (total / 1e9), (long) index.size() * dim * Float.BYTES);
    }

    private static volatile int blackhole;

    private static void sink(List<Neighbor> result) {
        blackhole += result.size() == 0 ? 0 : result.get(0).index();
    }
}
