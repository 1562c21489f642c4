package org.visualsearch.core.projection;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.visualsearch.core.search.VectorIndex;

/**
 * How far a map can be trusted: the map keeps some neighbourhoods and breaks others, and these
 * measures say where.
 */
public final class NeighbourDistortion {
    /** Trustworthiness is exact up to this many points, and over a seeded sample of queries above. */
    static final int EXACT_UP_TO = 2_000;
    static final int SAMPLED_QUERIES = 1_000;

    private NeighbourDistortion() {
    }

    /**
     * Trustworthiness (Venna and Kaski, 2001) of the map at {@code k}: 1 when every photo's k
     * nearest on the map are among its k nearest in the full space, lower as the map brings in
     * photos that are far in truth. {@code vectors} are the mapped photos' vectors, point by point.
     */
    public static double trustworthiness(VectorIndex vectors, Projection map, int k) {
        int n = map.size();
        if (vectors.size() != n) {
            throw new IllegalArgumentException(vectors.size() + " vectors for " + n + " map points");
        }
        if (n <= 2 * k + 1 || k < 1) {
            throw new IllegalArgumentException("trustworthiness at k=" + k + " needs more than " + (2 * k + 1) + " points");
        }
        int[] queries = queries(n);
        double penalty = 0;
        for (int i : queries) {
            float[] q = vectors.vector(i);
            double[] full = new double[n];
            for (int j = 0; j < n; j++) {
                full[j] = j == i ? -1 : squared(q, vectors.vector(j));
            }
            Set<Integer> trueNear = new HashSet<>();
            for (var nb : vectors.nearest(q, k, i)) {
                trueNear.add(nb.index());
            }
            for (int j : mapNearest(map, i, k)) {
                if (!trueNear.contains(j)) {
                    int rank = 0; // 1 + how many others are nearer than j in the full space
                    for (int m = 0; m < n; m++) {
                        if (m != i && (full[m] < full[j] || (full[m] == full[j] && m < j))) {
                            rank++;
                        }
                    }
                    penalty += (rank + 1) - k;
                }
            }
        }
        return 1 - 2.0 / (queries.length * k * (2.0 * n - 3.0 * k - 1)) * penalty;
    }

    /** The k map points nearest to point {@code i} on the map (excluding it), nearest first. */
    static int[] mapNearest(Projection map, int i, int k) {
        return mapNearest(map, map.x(i), map.y(i), k, i);
    }

    private static int[] mapNearest(Projection map, float px, float py, int k, int exclude) {
        int n = map.size();
        long[] keys = new long[n - (exclude >= 0 ? 1 : 0)];
        int c = 0;
        for (int j = 0; j < n; j++) {
            if (j != exclude) {
                float dx = map.x(j) - px;
                float dy = map.y(j) - py;
                keys[c++] = ((long) Float.floatToIntBits(dx * dx + dy * dy) << 32) | j;
            }
        }
        Arrays.sort(keys);
        int[] out = new int[Math.min(k, keys.length)];
        for (int m = 0; m < out.length; m++) {
            out[m] = (int) keys[m];
        }
        return out;
    }

    private static int[] queries(int n) {
        if (n <= EXACT_UP_TO) {
            int[] all = new int[n];
            for (int i = 0; i < n; i++) {
                all[i] = i;
            }
            return all;
        }
        return Projector.sample(n, SAMPLED_QUERIES, 7);
    }

    private static double squared(float[] a, float[] b) {
        double s = 0;
        for (int d = 0; d < a.length; d++) {
            double diff = a[d] - b[d];
            s += diff * diff;
        }
        return s;
    }

    /**
     * The photos the map puts nearer to the query than its true neighbours: mapped photos that
     * are not among {@code trueNeighbours} (gallery indices, its top-k in the full space) and lie
     * closer to the query's map position than the farthest true neighbour on the map. Gallery
     * indices, nearest on the map first; {@code exclude} (the query itself, or -1) is left out.
     */
    public static List<Integer> mapIntruders(Projection map, float[] queryOnMap, List<Integer> trueNeighbours, int exclude) {
        double reach = 0;
        Set<Integer> neighbours = new HashSet<>(trueNeighbours);
        for (int index : trueNeighbours) {
            int p = map.pointOf(index);
            if (p >= 0) {
                reach = Math.max(reach, dist2(map, p, queryOnMap));
            }
        }
        List<long[]> found = new ArrayList<>();
        for (int p = 0; p < map.size(); p++) {
            int index = map.galleryIndex(p);
            if (index == exclude || neighbours.contains(index)) {
                continue;
            }
            double d = dist2(map, p, queryOnMap);
            if (d < reach) {
                found.add(new long[] {Double.doubleToLongBits(d), index});
            }
        }
        found.sort((a, b) -> {
            int c = Double.compare(Double.longBitsToDouble(a[0]), Double.longBitsToDouble(b[0]));
            return c != 0 ? c : Long.compare(a[1], b[1]);
        });
        List<Integer> out = new ArrayList<>(found.size());
        for (long[] f : found) {
            out.add((int) f[1]);
        }
        return out;
    }

    private static double dist2(Projection map, int p, float[] q) {
        double dx = map.x(p) - q[0];
        double dy = map.y(p) - q[1];
        return dx * dx + dy * dy;
    }

    /** The mapped photos' vectors, point by point (for {@link #trustworthiness}). */
    public static VectorIndex mappedVectors(VectorIndex gallery, Projection map) {
        float[] data = new float[map.size() * gallery.dimension()];
        for (int p = 0; p < map.size(); p++) {
            System.arraycopy(gallery.vector(map.galleryIndex(p)), 0, data, p * gallery.dimension(), gallery.dimension());
        }
        return VectorIndex.wrap(gallery.dimension(), data);
    }

}
