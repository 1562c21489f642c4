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
}
