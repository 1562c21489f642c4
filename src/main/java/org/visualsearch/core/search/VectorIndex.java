package org.visualsearch.core.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.RecursiveTask;

/**
 * Exact nearest-neighbour search by Euclidean distance over vectors kept in one flat array
 * (row-major), which keeps the scan cache-friendly. Ties are broken by index so results are
 * deterministic, and the same on one thread or several.
 *
 * <p>Speed: the distance loop keeps four independent sums (the JIT does not vectorise a float
 * reduction, so one sum is a chain of dependent additions), and top-k stops a row's sum as soon
 * as it passes the worst distance kept, which after the first few thousand rows is most rows.
 * Above {@link #PARALLEL_THRESHOLD} floats the scan is split over the cores (ForkJoin common
 * pool plus the calling thread); {@link #withParallelism(int)} bounds that, e.g. to one thread.
 *
 * <p>Immutable once built; safe to search from several threads.
 */
public final class VectorIndex {

    /** Scans of at least this many floats (64k vectors of 64) are split over the cores. */
    public static final long PARALLEL_THRESHOLD = 1L << 22;

    private final int dimension;
    private final int size;
    private final float[] data;
    private final int parallelism;

    private VectorIndex(int dimension, float[] data, int parallelism) {
        this.dimension = dimension;
        this.size = data.length / dimension;
        this.data = data;
        this.parallelism = parallelism;
    }

    /** Builds an index over copies of the given vectors, which must all have the same length. */
    public static VectorIndex of(int dimension, List<float[]> vectors) {
        if (dimension <= 0) {
            throw new IllegalArgumentException("dimension must be positive: " + dimension);
        }
        float[] data = new float[vectors.size() * dimension];
        for (int i = 0; i < vectors.size(); i++) {
            float[] v = vectors.get(i);
            if (v.length != dimension) {
                throw new IllegalArgumentException(
                        "vector " + i + " has dimension " + v.length + ", expected " + dimension);
            }
            System.arraycopy(v, 0, data, i * dimension, dimension);
        }
        return new VectorIndex(dimension, data, defaultParallelism());
    }

    /** Wraps a row-major array of {@code data.length / dimension} vectors without copying. */
    public static VectorIndex wrap(int dimension, float[] data) {
        if (dimension <= 0 || data.length % dimension != 0) {
            throw new IllegalArgumentException("data length " + data.length + " is not a multiple of " + dimension);
        }
        return new VectorIndex(dimension, data, defaultParallelism());
    }

    /** The same vectors (shared, not copied), searched by at most {@code threads} threads. */
    public VectorIndex withParallelism(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be positive: " + threads);
        }
        return new VectorIndex(dimension, data, threads);
    }

    private static int defaultParallelism() {
        return Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    public int dimension() {
        return dimension;
    }

    public int size() {
        return size;
    }

    /** Threads a large scan may use. */
    public int parallelism() {
        return parallelism;
    }

    /** A copy of vector {@code i}. */
    public float[] vector(int i) {
        return Arrays.copyOfRange(data, i * dimension, (i + 1) * dimension);
    }

    /** The {@code k} nearest vectors, closest first. */
    public List<Neighbor> nearest(float[] query, int k) {
        return nearest(query, k, -1);
    }

    /**
     * The {@code k} nearest vectors, closest first, leaving out index {@code exclude} (the query
     * itself in leave-one-out evaluation; pass -1 to keep all).
     */
    public List<Neighbor> nearest(float[] query, int k, int exclude) {
        checkQuery(query);
        int limit = Math.min(k, size - (exclude >= 0 && exclude < size ? 1 : 0));
        if (limit <= 0) {
            return List.of();
        }
        int parts = partsFor(size);
        TopK best;
        if (parts == 1) {
            best = scan(query, limit, exclude, 0, size);
        } else {
            List<RecursiveTask<TopK>> tasks = new ArrayList<>(parts);
            for (int p = 0; p < parts; p++) {
                int from = (int) ((long) size * p / parts);
                int to = (int) ((long) size * (p + 1) / parts);
                tasks.add(task(() -> scan(query, limit, exclude, from, to)));
            }
            best = new TopK(limit);
            for (RecursiveTask<TopK> t : ForkJoinTask.invokeAll(tasks)) {
                best.addAll(t.join());
            }
        }
        return best.sortedNeighbors();
    }

    /** How many slices a scan of {@code rows} rows is split into. */
    private int partsFor(int rows) {
        if (parallelism == 1 || (long) rows * dimension < PARALLEL_THRESHOLD) {
            return 1;
        }
        return parallelism;
    }

    /** Top-k of rows [from, to). */
    private TopK scan(float[] query, int limit, int exclude, int from, int to) {
        TopK best = new TopK(limit);
        for (int i = from; i < to; i++) {
            if (i == exclude) {
                continue;
            }
            if (best.count < limit) {
                best.offer(squaredDistance(query, i), i);
            } else {
                float d = squaredDistanceBelow(query, i, best.worst());
                // equal distance keeps the lower index already held (rows come in index order)
                if (d < best.worst()) {
                    best.replaceWorst(d, i);
                }
            }
        }
        return best;
    }

    /**
     * Every vector, closest first: the whole gallery ranked by distance to the query. The
     * distances are computed at once (one scan), the order only as far as it is read: getting
     * the first screenful sorts a few hundred entries, not the whole gallery (see
     * {@link LazyRanking}).
     */
    public List<Neighbor> rankAll(float[] query) {
        checkQuery(query);
        // Primitive keys: a squared distance is never negative, so its float bits order like its
        // value, and the index in the low bits breaks ties by index.
        long[] keys = new long[size];
        int parts = partsFor(size);
        if (parts == 1) {
            fillKeys(query, keys, 0, size);
        } else {
            List<RecursiveTask<Void>> tasks = new ArrayList<>(parts);
            for (int p = 0; p < parts; p++) {
                int from = (int) ((long) size * p / parts);
                int to = (int) ((long) size * (p + 1) / parts);
                tasks.add(task(() -> {
                    fillKeys(query, keys, from, to);
                    return null;
                }));
            }
            ForkJoinTask.invokeAll(tasks);
        }
        return new LazyRanking(keys);
    }

    private void fillKeys(float[] query, long[] keys, int from, int to) {
        for (int i = from; i < to; i++) {
            keys[i] = ((long) Float.floatToRawIntBits(squaredDistance(query, i)) << 32) | i;
        }
    }

    /** Squared distance to row {@code row}, four independent partial sums. */
    private float squaredDistance(float[] query, int row) {
        final float[] v = data;
        final int dim = dimension;
        int offset = row * dim;
        float s0 = 0f;
        float s1 = 0f;
        float s2 = 0f;
        float s3 = 0f;
        int j = 0;
        for (; j + 3 < dim; j += 4) {
            float d0 = query[j] - v[offset + j];
            float d1 = query[j + 1] - v[offset + j + 1];
            float d2 = query[j + 2] - v[offset + j + 2];
            float d3 = query[j + 3] - v[offset + j + 3];
            s0 += d0 * d0;
            s1 += d1 * d1;
            s2 += d2 * d2;
            s3 += d3 * d3;
        }
        for (; j < dim; j++) {
            float d = query[j] - v[offset + j];
            s0 += d * d;
        }
        return (s0 + s1) + (s2 + s3);
    }

    /**
     * The squared distance to row {@code row} when it is at most {@code bound}; otherwise some
     * value above {@code bound} (the sum so far, once it passed). Same sums in the same order as
     * {@link #squaredDistance}, so a row that is kept has exactly the same distance either way:
     * adding non-negative terms never lowers a float sum, so stopping early never drops a row
     * that the full sum would keep.
     */
    private float squaredDistanceBelow(float[] query, int row, float bound) {
        final float[] v = data;
        final int dim = dimension;
        int offset = row * dim;
        float s0 = 0f;
        float s1 = 0f;
        float s2 = 0f;
        float s3 = 0f;
        final int dim4 = dim & ~3;
        int j = 0;
        while (j < dim4) {
            int blockEnd = Math.min(j + 16, dim4);
            for (; j < blockEnd; j += 4) {
                float d0 = query[j] - v[offset + j];
                float d1 = query[j + 1] - v[offset + j + 1];
                float d2 = query[j + 2] - v[offset + j + 2];
                float d3 = query[j + 3] - v[offset + j + 3];
                s0 += d0 * d0;
                s1 += d1 * d1;
                s2 += d2 * d2;
                s3 += d3 * d3;
            }
            float partial = (s0 + s1) + (s2 + s3);
            if (partial > bound) {
                return partial;
            }
        }
        for (; j < dim; j++) {
            float d = query[j] - v[offset + j];
            s0 += d * d;
        }
        return (s0 + s1) + (s2 + s3);
    }

    private void checkQuery(float[] query) {
        if (query.length != dimension) {
            throw new IllegalArgumentException(
                    "query has dimension " + query.length + ", index has " + dimension);
        }
    }

    private static <T> RecursiveTask<T> task(java.util.function.Supplier<T> work) {
        return new RecursiveTask<>() {
            @Override
            protected T compute() {
                return work.get();
            }
        };
    }

    /**
     * The k best (squared distance, index) pairs seen: a bounded max-heap by hand (no boxing in
     * the hot loop) whose root is the worst kept hit: larger distance, or equal distance and
     * larger index.
     */
    private static final class TopK {
        final float[] dist;
        final int[] index;
        int count;

        TopK(int limit) {
            dist = new float[limit];
            index = new int[limit];
        }

        float worst() {
            return dist[0];
        }

        void offer(float d, int i) {
            if (count < dist.length) {
                dist[count] = d;
                index[count] = i;
                siftUp(count++);
            } else if (d < dist[0] || (d == dist[0] && i < index[0])) {
                replaceWorst(d, i);
            }
        }

        void replaceWorst(float d, int i) {
            dist[0] = d;
            index[0] = i;
            siftDown();
        }

        void addAll(TopK other) {
            for (int i = 0; i < other.count; i++) {
                offer(other.dist[i], other.index[i]);
            }
        }

        List<Neighbor> sortedNeighbors() {
            long[] keys = new long[count];
            for (int i = 0; i < count; i++) {
                keys[i] = ((long) Float.floatToRawIntBits(dist[i]) << 32) | index[i];
            }
            Arrays.sort(keys);
            Neighbor[] result = new Neighbor[count];
            for (int i = 0; i < count; i++) {
                result[i] = LazyRanking.neighbor(keys[i]);
            }
            return List.of(result);
        }

        private boolean worse(int a, int b) {
            return dist[a] > dist[b] || (dist[a] == dist[b] && index[a] > index[b]);
        }

        private void siftUp(int i) {
            while (i > 0) {
                int parent = (i - 1) / 2;
                if (!worse(i, parent)) {
                    return;
                }
                swap(i, parent);
                i = parent;
            }
        }

        private void siftDown() {
            int n = count;
            int i = 0;
            while (true) {
                int left = 2 * i + 1;
                int right = left + 1;
                int worst = i;
                if (left < n && worse(left, worst)) {
                    worst = left;
                }
                if (right < n && worse(right, worst)) {
                    worst = right;
                }
                if (worst == i) {
                    return;
                }
                swap(i, worst);
                i = worst;
            }
        }

        private void swap(int a, int b) {
            float d = dist[a];
            dist[a] = dist[b];
            dist[b] = d;
            int t = index[a];
            index[a] = index[b];
            index[b] = t;
        }
    }
}
