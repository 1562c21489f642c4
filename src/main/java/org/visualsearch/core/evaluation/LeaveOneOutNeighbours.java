package org.visualsearch.core.evaluation;

import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.visualsearch.core.search.VectorIndex;

/**
 * Every query's {@code k} nearest <em>other</em> vectors of one index: the exact search behind
 * leave-one-out scoring, done for many queries at once.
 *
 * <p>It answers exactly what {@link VectorIndex#nearest(float[], int, int)} answers for each
 * query (same squared distances bit for bit, ties broken by the lower index), only faster: the
 * index is copied once into tiles stored dimension-major, so the inner loop runs over 256
 * gallery rows at a time for one dimension, which the JIT turns into SIMD code, and each tile
 * is reused by many queries while it is in cache. When most rows are queries (the usual case),
 * each distance is computed once for both of its rows. Work runs in parallel on the common
 * fork-join pool. At 100,000 x 64 that is 5 x 10^9 distinct distances.
 */
final class LeaveOneOutNeighbours {
    /** Gallery rows per tile: 256 x 64 floats = 64 KB, well inside a core's L2. */
    static final int TILE = 256;
    /** Queries that share one pass over the tiles. */
    private static final int QUERY_BATCH = 64;

    /** Called as queries finish, from worker threads. */
    interface Progress {
        void done(int queriesDone, int queriesTotal);

        boolean cancelled();
    }

    private final int dimension;
    private final int size;
    /**
     * tiles[t][d][j] = component d of row t * TILE + j (0 beyond the last row). One array per
     * dimension, not one flat array per tile: the inner loop then reads {@code tile[d][j]} and
     * writes {@code acc[j]} at the same index, which the JIT vectorises (3x faster than
     * {@code flat[d * TILE + j]}, measured on JDK 17).
     */
    private final float[][][] tiles;
    private final float[][] rows;

    LeaveOneOutNeighbours(VectorIndex index) {
        this.dimension = index.dimension();
        this.size = index.size();
        this.rows = new float[size][];
        for (int i = 0; i < size; i++) {
            rows[i] = index.vector(i);
        }
        int tileCount = (size + TILE - 1) / TILE;
        tiles = new float[tileCount][][];
        for (int t = 0; t < tileCount; t++) {
            float[][] tile = new float[dimension][TILE];
            for (int j = 0; j < TILE && t * TILE + j < size; j++) {
                float[] row = rows[t * TILE + j];
                for (int d = 0; d < dimension; d++) {
                    tile[d][j] = row[d];
                }
            }
            tiles[t] = tile;
        }
    }

    /**
     * The {@code k} nearest other rows of each row in {@code queries}.
     *
     * @return for query {@code q} (its position in {@code queries}), its neighbours closest first
     *         in {@code indices[q * k ..]} and their Euclidean distances in {@code distances[q * k ..]};
     *         when fewer than {@code k} other rows exist, the rest is -1 and NaN
     * @throws CancellationException when {@code progress} says so; the batches under way finish
     *         first
     */
    Result search(int[] queries, int k, Progress progress) {
        // When most rows are queries, each distance computed once serves both of its rows.
        if (queries.length * 2L > size && size > TILE) {
            return searchAllPairs(queries, k, progress);
        }
        int[] indices = new int[queries.length * k];
        float[] distances = new float[queries.length * k];
        java.util.Arrays.fill(indices, -1);
        java.util.Arrays.fill(distances, Float.NaN);
        int batches = (queries.length + QUERY_BATCH - 1) / QUERY_BATCH;
        AtomicInteger done = new AtomicInteger();
        IntStream.range(0, batches).parallel().forEach(b -> {
            if (progress.cancelled()) {
                return;
            }
            int from = b * QUERY_BATCH;
            int to = Math.min(queries.length, from + QUERY_BATCH);
            searchBatch(queries, from, to, k, indices, distances);
            progress.done(done.addAndGet(to - from), queries.length);
        });
        if (progress.cancelled()) {
            throw new CancellationException("evaluation cancelled");
        }
        return new Result(k, indices, distances);
    }

    record Result(int k, int[] indices, float[] distances) {
    }

    /**
     * Every row's k nearest others, computing each distance once: for tiles A <= B, the distances
     * between their rows feed the heaps of the rows of A and of B alike (a squared distance sums
     * the same squares in the same order either way, so it is bit-identical). Rows of B are not
     * offered in index order then, so heaps keep the k smallest by (distance, index); each worker
     * thread has its own heaps, merged at the end. Half the arithmetic of {@link #searchBatch}.
     */
    private Result searchAllPairs(int[] queries, int k, Progress progress) {
        int limit = Math.min(k, size - 1);
        int tileCount = tiles.length;
        long totalPairs = (long) tileCount * (tileCount + 1) / 2;
        java.util.concurrent.ConcurrentLinkedQueue<Heaps> allHeaps = new java.util.concurrent.ConcurrentLinkedQueue<>();
        ThreadLocal<Heaps> local = ThreadLocal.withInitial(() -> {
            Heaps h = new Heaps(size, limit);
            allHeaps.add(h);
            return h;
        });
        java.util.concurrent.atomic.AtomicLong pairsDone = new java.util.concurrent.atomic.AtomicLong();
        // Tile A pairs with tiles A..end: order the tasks 0, last, 1, last-1, ... so that any
        // half of the range the pool splits off holds about half of the work.
        IntStream.range(0, tileCount).parallel().forEach(t -> {
            if (progress.cancelled()) {
                return;
            }
            int a = t % 2 == 0 ? t / 2 : tileCount - 1 - t / 2;
            Heaps heaps = local.get();
            float[] acc = new float[TILE];
            for (int b = a; b < tileCount; b++) {
                pairTiles(a, b, acc, heaps);
            }
            long done = pairsDone.addAndGet(tileCount - a);
            progress.done((int) (queries.length * done / totalPairs), queries.length);
        });
        if (progress.cancelled()) {
            throw new CancellationException("evaluation cancelled");
        }
        int[] indices = new int[queries.length * k];
        float[] distances = new float[queries.length * k];
        java.util.Arrays.fill(indices, -1);
        java.util.Arrays.fill(distances, Float.NaN);
        List<Heaps> heaps = List.copyOf(allHeaps);
        float[] d = new float[limit * heaps.size()];
        int[] ix = new int[limit * heaps.size()];
        for (int q = 0; q < queries.length; q++) {
            int row = queries[q];
            int count = 0;
            for (Heaps h : heaps) {
                for (int c = 0; c < h.count[row]; c++) {
                    d[count] = h.dist[row * limit + c];
                    ix[count++] = h.index[row * limit + c];
                }
            }
            writeSorted(d, ix, count, q * k, indices, distances, limit);
        }
        return new Result(k, indices, distances);
    }

    /** Per worker thread: a bounded heap of (squared distance, index) for every row. */
    private static final class Heaps {
        final float[] dist;
        final int[] index;
        final int[] count;
        final int limit;

        Heaps(int size, int limit) {
            this.limit = limit;
            dist = new float[size * limit];
            index = new int[size * limit];
            count = new int[size];
        }

        /** Keeps (d, candidate) for {@code row} when it is among the k smallest by (distance, index). */
        void offer(int row, int candidate, float d) {
            int base = row * limit;
            int c = count[row];
            if (c < limit) {
                dist[base + c] = d;
                index[base + c] = candidate;
                count[row] = c + 1;
                siftUpAt(base, c);
            } else if (d < dist[base] || (d == dist[base] && candidate < index[base])) {
                dist[base] = d;
                index[base] = candidate;
                siftDownAt(base);
            }
        }

        private boolean worseAt(int a, int b) {
            return dist[a] > dist[b] || (dist[a] == dist[b] && index[a] > index[b]);
        }

        private void siftUpAt(int base, int i) {
            while (i > 0) {
                int parent = (i - 1) / 2;
                if (!worseAt(base + i, base + parent)) {
                    return;
                }
                swapAt(base + i, base + parent);
                i = parent;
            }
        }

        private void siftDownAt(int base) {
            int i = 0;
            while (true) {
                int left = 2 * i + 1;
                int right = left + 1;
                int worst = i;
                if (left < limit && worseAt(base + left, base + worst)) {
                    worst = left;
                }
                if (right < limit && worseAt(base + right, base + worst)) {
                    worst = right;
                }
                if (worst == i) {
                    return;
                }
                swapAt(base + i, base + worst);
                i = worst;
            }
        }

        private void swapAt(int a, int b) {
            float d = dist[a];
            dist[a] = dist[b];
            dist[b] = d;
            int t = index[a];
            index[a] = index[b];
            index[b] = t;
        }
    }

    /** Distances between the rows of tiles a <= b, offered to the heaps of both sides. */
    private void pairTiles(int a, int b, float[] acc, Heaps heaps) {
        float[][] tile = tiles[b];
        int baseA = a * TILE;
        int baseB = b * TILE;
        int rowsA = Math.min(TILE, size - baseA);
        int rowsB = Math.min(TILE, size - baseB);
        for (int i = 0; i < rowsA; i++) {
            int rowI = baseA + i;
            distancesToTile(rows[rowI], tile, acc);
            // Within one tile only the pairs j > i: each pair once.
            for (int j = a == b ? i + 1 : 0; j < rowsB; j++) {
                float d = acc[j];
                int rowJ = baseB + j;
                heaps.offer(rowI, rowJ, d);
                heaps.offer(rowJ, rowI, d);
            }
        }
    }

    private void searchBatch(int[] queries, int from, int to, int k, int[] outIndices, float[] outDistances) {
        int n = to - from;
        int limit = Math.min(k, size - 1);
        float[][] heapDist = new float[n][Math.max(limit, 0)];
        int[][] heapIndex = new int[n][Math.max(limit, 0)];
        int[] count = new int[n];
        float[] acc = new float[TILE];
        for (int t = 0; t < tiles.length && limit > 0; t++) {
            float[][] tile = tiles[t];
            int base = t * TILE;
            int rowsHere = Math.min(TILE, size - base);
            for (int q = 0; q < n; q++) {
                int self = queries[from + q];
                float[] query = rows[self];
                distancesToTile(query, tile, acc);
                float[] hd = heapDist[q];
                int[] hi = heapIndex[q];
                int c = count[q];
                // Same order and test as VectorIndex.nearest: rows in index order, a later row
                // only replaces the worst kept one when strictly closer.
                for (int j = 0; j < rowsHere; j++) {
                    float d = acc[j];
                    if (c == limit && !(d < hd[0])) {
                        continue;
                    }
                    int row = base + j;
                    if (row == self) {
                        continue;
                    }
                    if (c < limit) {
                        hd[c] = d;
                        hi[c] = row;
                        siftUp(hd, hi, c++);
                    } else {
                        hd[0] = d;
                        hi[0] = row;
                        siftDown(hd, hi, limit);
                    }
                }
                count[q] = c;
            }
        }
        for (int q = 0; q < n; q++) {
            writeSorted(heapDist[q], heapIndex[q], count[q], (from + q) * k, outIndices, outDistances);
        }
    }

    /**
     * acc[j] = squared distance from {@code query} to the tile's row j, summed over dimensions in
     * order, exactly as {@link VectorIndex} sums it for one row.
     */
    private void distancesToTile(float[] query, float[][] tile, float[] acc) {
        java.util.Arrays.fill(acc, 0f);
        for (int d = 0; d < dimension; d++) {
            float qd = query[d];
            float[] component = tile[d];
            for (int j = 0; j < TILE; j++) {
                float diff = qd - component[j];
                acc[j] += diff * diff;
            }
        }
    }

    private static void writeSorted(float[] dist, int[] index, int count, int out, int[] outIndices, float[] outDistances) {
        writeSorted(dist, index, count, out, outIndices, outDistances, count);
    }

    /** The {@code keep} closest of {@code count} candidates by (distance, index), closest first, as distances. */
    private static void writeSorted(float[] dist, int[] index, int count, int out, int[] outIndices, float[] outDistances,
                                    int keep) {
        // At most k times the threads' candidates: insertion sort on (distance, index).
        float[] d = java.util.Arrays.copyOf(dist, count);
        int[] ix = java.util.Arrays.copyOf(index, count);
        for (int i = 1; i < count; i++) {
            for (int j = i; j > 0 && worse(d, ix, j - 1, j); j--) {
                swap(d, ix, j - 1, j);
            }
        }
        for (int i = 0; i < Math.min(count, keep); i++) {
            outIndices[out + i] = ix[i];
            outDistances[out + i] = (float) Math.sqrt(d[i]);
        }
    }

    /** True when element a ranks after element b: larger distance, or equal distance and larger index. */
    private static boolean worse(float[] dist, int[] index, int a, int b) {
        return dist[a] > dist[b] || (dist[a] == dist[b] && index[a] > index[b]);
    }

    private static void siftUp(float[] dist, int[] index, int i) {
        while (i > 0) {
            int parent = (i - 1) / 2;
            if (!worse(dist, index, i, parent)) {
                return;
            }
            swap(dist, index, i, parent);
            i = parent;
        }
    }

    private static void siftDown(float[] dist, int[] index, int n) {
        int i = 0;
        while (true) {
            int left = 2 * i + 1;
            int right = left + 1;
            int worst = i;
            if (left < n && worse(dist, index, left, worst)) {
                worst = left;
            }
            if (right < n && worse(dist, index, right, worst)) {
                worst = right;
            }
            if (worst == i) {
                return;
            }
            swap(dist, index, i, worst);
            i = worst;
        }
    }

    private static void swap(float[] dist, int[] index, int a, int b) {
        float d = dist[a];
        dist[a] = dist[b];
        dist[b] = d;
        int t = index[a];
        index[a] = index[b];
        index[b] = t;
    }
}
