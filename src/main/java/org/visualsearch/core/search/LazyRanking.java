package org.visualsearch.core.search;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.RandomAccess;

/**
 * A whole-gallery ranking, closest first, sorted only as far as it has been read. Reading entry
 * {@code i} sorts the prefix up to the next block boundary past it: the unsorted rest is
 * partitioned around that boundary (quickselect, linear time) and only the block is sorted.
 * Blocks double, so reading the first screen costs one partition and a sort of a few hundred
 * keys, and reading everything costs about what one full sort does.
 *
 * <p>Keys are (squared-distance float bits &lt;&lt; 32 | index): non-negative float bits order
 * like their values, and the index breaks ties. Unmodifiable; safe to read from several threads
 * (extending the sorted prefix is synchronised).
 */
final class LazyRanking extends AbstractList<Neighbor> implements RandomAccess {

    /** Entries sorted by the first read: a screenful of tiles and then some. */
    static final int FIRST_BLOCK = 512;

    private final long[] keys;
    /** keys[0, sorted) are in final order; every key after them is not smaller. */
    private volatile int sorted;

    LazyRanking(long[] keys) {
        this.keys = keys;
    }

    @Override
    public Neighbor get(int i) {
        if (i < 0 || i >= keys.length) {
            throw new IndexOutOfBoundsException("index " + i + ", size " + keys.length);
        }
        if (i >= sorted) {
            sortThrough(i);
        }
        return neighbor(keys[i]);
    }

    @Override
    public int size() {
        return keys.length;
    }

    /** How many leading entries are in their final order (for tests and the benchmark). */
    int sortedPrefix() {
        return sorted;
    }

    private synchronized void sortThrough(int i) {
        int from = sorted;
        if (i < from) {
            return;
        }
        int end = Math.max(FIRST_BLOCK, from * 2);
        while (end <= i) {
            end *= 2;
        }
        end = (int) Math.min(end, keys.length);
        if (end < keys.length) {
            select(keys, from, keys.length - 1, end - 1);
        }
        Arrays.sort(keys, from, end);
        sorted = end;
    }

    static Neighbor neighbor(long key) {
        float squared = Float.intBitsToFloat((int) (key >>> 32));
        return new Neighbor((int) key, (float) Math.sqrt(squared));
    }

    /**
     * Rearranges a[lo..hi] so that a[nth] holds the key a sort would put there, every key before
     * it is not larger and every key after it not smaller (Hoare partition, median-of-three
     * pivot; keys are distinct because each holds its index).
     */
    static void select(long[] a, int lo, int hi, int nth) {
        while (hi > lo) {
            int mid = (lo + hi) >>> 1;
            // median of three into a[mid]
            if (a[mid] < a[lo]) {
                swap(a, mid, lo);
            }
            if (a[hi] < a[lo]) {
                swap(a, hi, lo);
            }
            if (a[hi] < a[mid]) {
                swap(a, hi, mid);
            }
            long pivot = a[mid];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (a[i] < pivot) {
                    i++;
                }
                while (a[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    swap(a, i++, j--);
                }
            }
            // now a[lo..j] <= pivot <= a[i..hi], and j < i
            if (nth <= j) {
                hi = j;
            } else if (nth >= i) {
                lo = i;
            } else {
                return; // a[j+1..i-1] equals the pivot: in place
            }
        }
    }

    private static void swap(long[] a, int i, int j) {
        long t = a[i];
        a[i] = a[j];
        a[j] = t;
    }
}
