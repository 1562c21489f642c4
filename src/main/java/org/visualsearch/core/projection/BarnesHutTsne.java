package org.visualsearch.core.projection;

import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.stream.IntStream;
import org.visualsearch.core.search.Neighbor;
import org.visualsearch.core.search.VectorIndex;

/**
 * t-SNE with the Barnes-Hut approximation (van der Maaten, JMLR 15, 2014), written from the
 * paper: input affinities from each point's 3 x perplexity exact nearest neighbours (Gaussian
 * kernel, bandwidth found by bisection on the perplexity), map affinities by Student-t, the
 * repulsion summed over a quadtree with opening angle {@code theta}.
 *
 * <p>Written here rather than taken from a library: the Java ports on Maven Central carry the
 * original C++ code's BSD-4 advertising clause or are not maintained; see the report. Optimised
 * as in the paper and openTSNE: early exaggeration 12 for the first 250 steps, momentum 0.5 then
 * 0.8, per-coordinate gains, learning rate max(200, n / 12).
 *
 * <p>Deterministic for a seed: the start is seeded, and the parallel loops give each point its
 * own slot, summed in a fixed order.
 */
final class BarnesHutTsne {
    static final double THETA = 0.5;
    /** Points per parallel task: large enough that a task outweighs its scheduling. */
    private static final int BLOCK = 256;
    private static final int EXAGGERATION_STEPS = 250;
    private static final double EXAGGERATION = 12;

    private BarnesHutTsne() {
    }

    /** Returns {x0, y0, x1, y1, ...} for the {@code vectors}, in their order. */
    static double[] embed(VectorIndex vectors, ProjectionSettings settings, ProjectionProgress progress) {
        int n = vectors.size();
        if (n == 0) {
            return new double[0];
        }
        if (n == 1) {
            return new double[2];
        }
        double perplexity = Math.min(settings.perplexity(), Math.max(1, (n - 1) / 3.0));
        int k = Math.min(n - 1, (int) Math.floor(3 * perplexity));
        progress.progress(0, settings.iterations(), "t-SNE: nearest neighbours");
        SparseAffinities p = affinities(vectors, k, perplexity, progress);
        return optimise(p, n, settings, progress);
    }

    /** Symmetric input affinities P_ij = (p_j|i + p_i|j) / 2n, in compressed rows. */
    record SparseAffinities(int[] rowStart, int[] column, double[] value) {
    }

    static SparseAffinities affinities(VectorIndex vectors, int k, double perplexity, ProjectionProgress progress) {
        int n = vectors.size();
        int[][] neighbours = new int[n][];
        double[][] conditional = new double[n][];
        double targetEntropy = Math.log(perplexity);
        IntStream.range(0, n).parallel().forEach(i -> {
            if (progress.isCancelled()) {
                return;
            }
            var near = vectors.nearest(vectors.vector(i), k, i);
            int[] idx = new int[near.size()];
            double[] d2 = new double[near.size()];
            for (int m = 0; m < idx.length; m++) {
                Neighbor nb = near.get(m);
                idx[m] = nb.index();
                d2[m] = (double) nb.distance() * nb.distance();
            }
            neighbours[i] = idx;
            conditional[i] = gaussianRow(d2, targetEntropy);
        });
        if (progress.isCancelled()) {
            throw new CancellationException("projection cancelled");
        }
        return symmetrise(neighbours, conditional);
    }

    /**
     * P_ij = (p_j|i + p_i|j) / 2n in compressed rows, sorted by column: each row holds its own
     * neighbours and the points that have it as a neighbour, a pair found both ways summed once.
     * Plain arrays (a map keyed by pair was the slowest part of the set-up: boxed keys whose
     * hashes collide).
     */
    static SparseAffinities symmetrise(int[][] neighbours, double[][] conditional) {
        int n = neighbours.length;
        int[] count = new int[n + 1];
        for (int i = 0; i < n; i++) {
            count[i + 1] += neighbours[i].length;
            for (int j : neighbours[i]) {
                count[j + 1]++;
            }
        }
        for (int i = 0; i < n; i++) {
            count[i + 1] += count[i];
        }
        int[] fill = java.util.Arrays.copyOf(count, n);
        int[] rawColumn = new int[count[n]];
        double[] rawValue = new double[count[n]];
        for (int i = 0; i < n; i++) {
            for (int m = 0; m < neighbours[i].length; m++) {
                int j = neighbours[i][m];
                double v = conditional[i][m];
                rawColumn[fill[i]] = j;
                rawValue[fill[i]++] = v;
                rawColumn[fill[j]] = i;
                rawValue[fill[j]++] = v;
            }
        }
        // sort each row by column and merge the pairs found both ways
        int[] rowStart = new int[n + 1];
        int[] column = new int[count[n]];
        double[] value = new double[count[n]];
        int out = 0;
        double total = 0;
        long[] keyed = new long[0];
        for (int i = 0; i < n; i++) {
            int from = count[i];
            int len = count[i + 1] - from;
            if (keyed.length < len) {
                keyed = new long[Math.max(len, 2 * keyed.length)];
            }
            for (int e = 0; e < len; e++) {
                keyed[e] = ((long) rawColumn[from + e] << 32) | e; // column, then where its value is
            }
            java.util.Arrays.sort(keyed, 0, len);
            rowStart[i] = out;
            int last = -1;
            for (int e = 0; e < len; e++) {
                int j = (int) (keyed[e] >>> 32);
                double v = rawValue[from + (int) keyed[e]];
                if (j == last) {
                    value[out - 1] += v;
                } else {
                    column[out] = j;
                    value[out++] = v;
                    last = j;
                }
                total += v;
            }
        }
        rowStart[n] = out;
        for (int e = 0; e < out; e++) {
            value[e] /= total; // sums to 1 over all pairs, i.e. (p_j|i + p_i|j) / 2n
        }
        return new SparseAffinities(rowStart, java.util.Arrays.copyOf(column, out), java.util.Arrays.copyOf(value, out));
    }

    /** p_j|i over one point's neighbours, with the Gaussian's precision found so the entropy is log(perplexity). */
    static double[] gaussianRow(double[] d2, double targetEntropy) {
        double[] p = new double[d2.length];
        if (d2.length == 0) {
            return p;
        }
        double beta = 1;
        double lo = Double.NEGATIVE_INFINITY;
        double hi = Double.POSITIVE_INFINITY;
        double min = Double.POSITIVE_INFINITY;
        for (double v : d2) {
            min = Math.min(min, v);
        }
        for (int step = 0; step < 200; step++) {
            double sum = 0;
            double weighted = 0;
            for (int m = 0; m < d2.length; m++) {
                p[m] = Math.exp(-beta * (d2[m] - min)); // shifted by the nearest: no underflow
                sum += p[m];
                weighted += beta * (d2[m] - min) * p[m];
            }
            double entropy = Math.log(sum) + weighted / sum;
            double diff = entropy - targetEntropy;
            for (int m = 0; m < d2.length; m++) {
                p[m] /= sum;
            }
            if (Math.abs(diff) < 1e-5) {
                break;
            }
            if (diff > 0) { // too flat: sharpen
                lo = beta;
                beta = hi == Double.POSITIVE_INFINITY ? beta * 2 : (beta + hi) / 2;
            } else {
                hi = beta;
                beta = lo == Double.NEGATIVE_INFINITY ? beta / 2 : (beta + lo) / 2;
            }
        }
        return p;
    }

    private static double[] optimise(SparseAffinities p, int n, ProjectionSettings settings, ProjectionProgress progress) {
        Random random = new Random(settings.seed());
        double[] y = new double[2 * n];
        for (int i = 0; i < y.length; i++) {
            y[i] = random.nextGaussian() * 1e-4;
        }
        double[] update = new double[2 * n];
        double[] gains = new double[2 * n];
        java.util.Arrays.fill(gains, 1);
        double[] attractive = new double[2 * n];
        double[] repulsive = new double[2 * n];
        double[] sumQ = new double[n];
        double rate = Math.max(200, n / EXAGGERATION);
        QuadTree tree = new QuadTree(n);
        int iterations = settings.iterations();
        for (int it = 0; it < iterations; it++) {
            if (progress.isCancelled()) {
                throw new CancellationException("projection cancelled");
            }
            if (it % 10 == 0) {
                progress.progress(it, iterations, "t-SNE: step " + it + " of " + iterations);
            }
            boolean early = it < EXAGGERATION_STEPS;
            double exaggeration = early ? EXAGGERATION : 1;
            double momentum = early ? 0.5 : 0.8;
            tree.build(y, n);
            IntStream.range(0, (n + BLOCK - 1) / BLOCK).parallel().forEach(block -> {
                int[] stack = tree.newStack();
                int[] rowStart = p.rowStart();
                int[] column = p.column();
                double[] value = p.value();
                for (int i = block * BLOCK, end = Math.min(n, i + BLOCK); i < end; i++) {
                    double yi = y[2 * i];
                    double yj = y[2 * i + 1];
                    double fx = 0;
                    double fy = 0;
                    for (int e = rowStart[i]; e < rowStart[i + 1]; e++) {
                        int j = column[e];
                        double dx = yi - y[2 * j];
                        double dy = yj - y[2 * j + 1];
                        double pq = value[e] / (1 + dx * dx + dy * dy);
                        fx += pq * dx;
                        fy += pq * dy;
                    }
                    attractive[2 * i] = fx;
                    attractive[2 * i + 1] = fy;
                    sumQ[i] = tree.repulsion(yi, yj, THETA * THETA, repulsive, i, stack);
                }
            });
            double z = 0;
            for (int i = 0; i < n; i++) {
                z += sumQ[i];
            }
            z = Math.max(z, Double.MIN_NORMAL);
            double meanX = 0;
            double meanY = 0;
            for (int c = 0; c < 2 * n; c++) {
                double grad = 4 * (exaggeration * attractive[c] - repulsive[c] / z);
                gains[c] = Math.signum(grad) != Math.signum(update[c]) ? gains[c] + 0.2 : gains[c] * 0.8;
                gains[c] = Math.max(gains[c], 0.01);
                update[c] = momentum * update[c] - rate * gains[c] * grad;
                y[c] += update[c];
                if ((c & 1) == 0) {
                    meanX += y[c];
                } else {
                    meanY += y[c];
                }
            }
            meanX /= n;
            meanY /= n;
            for (int i = 0; i < n; i++) {
                y[2 * i] -= meanX;
                y[2 * i + 1] -= meanY;
            }
        }
        progress.progress(iterations, iterations, "t-SNE: done");
        return y;
    }

    /**
     * A quadtree over the map points, rebuilt every step, in flat arrays (no objects per node).
     * A node's centre of mass, squared width and count sit side by side in one array, so a
     * traversal reads one cache line per node; its four children are consecutive. Points at one
     * spot beyond the maximum depth share a leaf.
     */
    static final class QuadTree {
        private static final int MAX_DEPTH = 48;
        private static final int STRIDE = 4; // centre of mass x, y; squared width; count
        private double[] cell;
        private double[] centreX;
        private double[] centreY;
        private double[] half;
        private int[] firstChild;
        private int[] point;
        private int[] depth;
        private int size;
        private double[] coords;

        QuadTree(int n) {
            allocate(Math.max(16, 4 * n));
        }

        private void allocate(int capacity) {
            cell = cell == null ? new double[STRIDE * capacity] : java.util.Arrays.copyOf(cell, STRIDE * capacity);
            centreX = grow(centreX, capacity);
            centreY = grow(centreY, capacity);
            half = grow(half, capacity);
            firstChild = grow(firstChild, capacity);
            point = grow(point, capacity);
            depth = grow(depth, capacity);
        }

        private static double[] grow(double[] a, int capacity) {
            return a == null ? new double[capacity] : java.util.Arrays.copyOf(a, capacity);
        }

        private static int[] grow(int[] a, int capacity) {
            return a == null ? new int[capacity] : java.util.Arrays.copyOf(a, capacity);
        }

        void build(double[] y, int n) {
            coords = y;
            double minX = Double.POSITIVE_INFINITY;
            double minY = Double.POSITIVE_INFINITY;
            double maxX = Double.NEGATIVE_INFINITY;
            double maxY = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                minX = Math.min(minX, y[2 * i]);
                maxX = Math.max(maxX, y[2 * i]);
                minY = Math.min(minY, y[2 * i + 1]);
                maxY = Math.max(maxY, y[2 * i + 1]);
            }
            size = 0;
            double h = Math.max(maxX - minX, maxY - minY) / 2 * (1 + 1e-6) + 1e-12;
            newNode((minX + maxX) / 2, (minY + maxY) / 2, h, 0);
            for (int i = 0; i < n; i++) {
                insert(i);
            }
            for (int node = 0; node < size; node++) { // sums to centres of mass
                int at = STRIDE * node;
                double c = cell[at + 3];
                if (c > 0) {
                    cell[at] /= c;
                    cell[at + 1] /= c;
                }
            }
        }

        private int newNode(double cx, double cy, double h, int d) {
            if (size == centreX.length) {
                allocate(size * 2);
            }
            int node = size++;
            centreX[node] = cx;
            centreY[node] = cy;
            half[node] = h;
            int at = STRIDE * node;
            cell[at] = 0;
            cell[at + 1] = 0;
            cell[at + 2] = 4 * h * h;
            cell[at + 3] = 0;
            firstChild[node] = -1;
            point[node] = -1;
            depth[node] = d;
            return node;
        }

        private int quadrant(int node, double x, double y) {
            return (x >= centreX[node] ? 1 : 0) + (y >= centreY[node] ? 2 : 0);
        }

        private void insert(int i) {
            double x = coords[2 * i];
            double y = coords[2 * i + 1];
            int node = 0;
            while (true) {
                if (firstChild[node] < 0) {
                    if (cell[STRIDE * node + 3] == 0 || depth[node] >= MAX_DEPTH) {
                        add(node, x, y);
                        if (point[node] < 0) {
                            point[node] = i;
                        }
                        return;
                    }
                    split(node);
                }
                add(node, x, y);
                node = firstChild[node] + quadrant(node, x, y);
            }
        }

        private void add(int node, double x, double y) {
            int at = STRIDE * node;
            cell[at] += x;
            cell[at + 1] += y;
            cell[at + 3]++;
        }

        /** Turns a leaf holding one point into four children and moves the point down. */
        private void split(int node) {
            double h = half[node] / 2;
            int d = depth[node] + 1;
            int first = newNode(centreX[node] - h, centreY[node] - h, h, d);
            newNode(centreX[node] + h, centreY[node] - h, h, d);
            newNode(centreX[node] - h, centreY[node] + h, h, d);
            newNode(centreX[node] + h, centreY[node] + h, h, d);
            firstChild[node] = first;
            int moved = point[node];
            point[node] = -1;
            double px = coords[2 * moved];
            double py = coords[2 * moved + 1];
            int child = first + quadrant(node, px, py);
            add(child, px, py);
            point[child] = moved;
        }

        /** A traversal stack deep enough for this tree (each level pushes at most 4). */
        int[] newStack() {
            return new int[4 * (MAX_DEPTH + 2)];
        }

        /**
         * Adds to {@code out[2i], out[2i+1]} the unnormalised repulsion on point {@code i} at
         * (x, y), sum over j of q_ij^2 (y_i - y_j) with q_ij = 1 / (1 + |y_i - y_j|^2); returns
         * the sum of q_ij (its share of Z). A cell is summarised when its width is below
         * {@code theta} times its distance.
         */
        double repulsion(double x, double y, double theta2, double[] out, int i, int[] stack) {
            double fx = 0;
            double fy = 0;
            double z = 0;
            int top = 0;
            stack[top++] = 0;
            final double[] cells = cell;
            final int[] children = firstChild;
            while (top > 0) {
                int node = stack[--top];
                int at = STRIDE * node;
                double dx = x - cells[at];
                double dy = y - cells[at + 1];
                double d2 = dx * dx + dy * dy;
                int first = children[node];
                if (first < 0 || cells[at + 2] < theta2 * d2) {
                    double c = cells[at + 3];
                    // a leaf at the point's own spot holds the point itself: leave it out
                    double others = first < 0 && d2 == 0 ? c - 1 : c;
                    if (others <= 0) {
                        continue;
                    }
                    double q = 1 / (1 + d2);
                    z += others * q;
                    double qq = others * q * q;
                    fx += qq * dx;
                    fy += qq * dy;
                } else {
                    for (int q = first; q < first + 4; q++) {
                        if (cells[STRIDE * q + 3] > 0) { // only non-empty children
                            stack[top++] = q;
                        }
                    }
                }
            }
            out[2 * i] = fx;
            out[2 * i + 1] = fy;
            return z;
        }
    }
}
