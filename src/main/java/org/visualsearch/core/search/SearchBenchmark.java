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

    /** Entries of a ranking read by {@link Mode#RANK_SCREEN}: a full-HD gallery grid and more. */
    public static final int SCREEN_ENTRIES = 200;

    /** Search modes timed. */
    public enum Mode {
        /** the k nearest */
        TOP_K("k=%d"),
        /** the whole ranking, of which the first {@link #SCREEN_ENTRIES} are read (what the grid shows) */
        RANK_SCREEN("rank-" + SCREEN_ENTRIES),
        /** the whole ranking, every entry read in order */
        RANK_ALL("rank-all");

        private final String label;

        Mode(String label) {
            this.label = label;
        }

        /** Short name for tables, e.g. "k=5". */
        public String label(int k) {
            return String.format(label, k);
        }
    }

    /**
     * @param size        vectors in the index
     * @param dimension   their length
     * @param mode        top-k or rank-all
     * @param k           k for {@link Mode#TOP_K}
     * @param threads     threads the index may use
     * @param queries     timed queries
     * @param medianMs    median time per query
     * @param p95Ms       95th percentile time per query
     * @param queriesPerSecond timed queries divided by their total time
     * @param vectorBytes memory held by the vectors (the index's float array)
     */
    public record Result(int size, int dimension, Mode mode, int k, int threads, int queries, double medianMs,
                         double p95Ms, double queriesPerSecond, long vectorBytes) {
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
        Consumer<float[]> search = switch (mode) {
            case TOP_K -> v -> sink(index.nearest(v, k));
            case RANK_SCREEN -> v -> sinkFirst(index.rankAll(v), SCREEN_ENTRIES);
            case RANK_ALL -> v -> sinkFirst(index.rankAll(v), Integer.MAX_VALUE);
        };
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
        return new Result(index.size(), dim, mode, k, index.parallelism(), queries, median / 1e6, p95 / 1e6,
                queries / (total / 1e9), (long) index.size() * dim * Float.BYTES);
    }

    private static volatile int blackhole;

    private static void sink(List<Neighbor> result) {
        blackhole += result.isEmpty() ? 0 : result.get(0).index();
    }

    /** Reads the first {@code n} entries in order, as a grid showing them would. */
    private static void sinkFirst(List<Neighbor> ranking, int n) {
        int sum = 0;
        int end = Math.min(n, ranking.size());
        for (int i = 0; i < end; i++) {
            sum += ranking.get(i).index();
        }
        blackhole += sum;
    }
}
