package org.visualsearch.core.evaluation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CancellationException;
import org.visualsearch.core.search.GalleryEntry;
import org.visualsearch.core.search.IndexedGallery;
import org.visualsearch.core.metrics.PrecisionAtK;

/**
 * Scores a labelled gallery the way the challenge scores a submission: every labelled photo in
 * turn queries all the <em>other</em> photos (leave-one-out), and its {@link PrecisionAtK} is
 * taken over its k nearest neighbours by Euclidean distance. The one implementation behind the
 * {@code eval} command, the Evaluate view and the report.
 *
 * <p>Which photos are scored:
 * <ul>
 *   <li>Unlabelled photos ({@link GalleryEntry#category()} {@code null}) are not queries. They
 *       stay in the gallery as results and are never right for any query.</li>
 *   <li>A photo whose category no other photo has ({@code n_q = 0}) is not a query either: it
 *       has nothing to find. It still appears as a result for other queries.</li>
 * </ul>
 * Both are counted in {@link GalleryEvaluation#leftOut()}. The overall mP@k is the mean over
 * scored queries (not the mean of the category means), as in the challenge.
 */
public final class GalleryEvaluator {

    /** Progress as queries finish; called from worker threads, possibly concurrently. */
    public interface Listener {
        Listener NONE = new Listener() {
        };

        default void progress(int queriesDone, int queriesTotal) {
        }

        /** Polled between batches of queries; true stops the evaluation with a {@link CancellationException}. */
        default boolean cancelled() {
            return false;
        }
    }

    private GalleryEvaluator() {
    }

    /** With the challenge's k = 5 and no progress. */
    public static GalleryEvaluation evaluate(IndexedGallery gallery) {
        return evaluate(gallery, PrecisionAtK.CHALLENGE_K, Listener.NONE);
    }

    /**
     * @throws CancellationException when the listener cancels
     */
    public static GalleryEvaluation evaluate(IndexedGallery gallery, int k, Listener listener) {
        return evaluate(gallery, k, listener, GalleryFingerprint.of(gallery));
    }

    /** With the gallery's {@link GalleryFingerprint} already computed. */
    static GalleryEvaluation evaluate(IndexedGallery gallery, int k, Listener listener, String key) {
        if (k <= 0) {
            throw new IllegalArgumentException("k must be positive: " + k);
        }
        long start = System.nanoTime();
        List<GalleryEntry> entries = gallery.entries();

        Map<String, Integer> categorySizes = new HashMap<>();
        for (GalleryEntry e : entries) {
            if (e.category() != null) {
                categorySizes.merge(e.category(), 1, Integer::sum);
            }
        }
        int unlabelled = 0;
        TreeSet<String> aloneCategories = new TreeSet<>();
        int alone = 0;
        List<Integer> scored = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            String category = entries.get(i).category();
            if (category == null) {
                unlabelled++;
            } else if (categorySizes.get(category) == 1) {
                alone++;
                aloneCategories.add(category);
            } else {
                scored.add(i);
            }
        }
        int[] queryIndex = scored.stream().mapToInt(Integer::intValue).toArray();

        LeaveOneOutNeighbours.Result found = queryIndex.length == 0
                ? new LeaveOneOutNeighbours.Result(k, new int[0], new float[0])
                : new LeaveOneOutNeighbours(gallery.vectors()).search(queryIndex, k, new LeaveOneOutNeighbours.Progress() {
                    @Override
                    public void done(int queriesDone, int queriesTotal) {
                        listener.progress(queriesDone, queriesTotal);
                    }

                    @Override
                    public boolean cancelled() {
                        return listener.cancelled();
                    }
                });

        double[] precision = new double[queryIndex.length];
        int[] cutoff = new int[queryIndex.length];
        Map<String, double[]> sums = new TreeMap<>(); // category -> {sum of P, queries}
        double total = 0;
        List<String> resultCategories = new ArrayList<>(k);
        for (int q = 0; q < queryIndex.length; q++) {
            String category = entries.get(queryIndex[q]).category();
            int others = categorySizes.get(category) - 1;
            resultCategories.clear();
            for (int r = 0; r < k; r++) {
                int n = found.indices()[q * k + r];
                if (n >= 0) {
                    resultCategories.add(entries.get(n).category());
                }
            }
            precision[q] = PrecisionAtK.precision(category, resultCategories, others, k);
            cutoff[q] = Math.min(others, k);
            double[] s = sums.computeIfAbsent(category, c -> new double[2]);
            s[0] += precision[q];
            s[1]++;
            total += precision[q];
        }
        Map<String, CategoryScore> categories = new LinkedHashMap<>();
        sums.forEach((c, s) -> categories.put(c, new CategoryScore(c, (int) s[1], s[0] / s[1])));

        ConfusionMatrix confusion = confusion(entries, queryIndex, found, new ArrayList<>(categories.keySet()));
        return new GalleryEvaluation(gallery.model(), key, k, entries, queryIndex, precision, cutoff,
                found.indices(), found.distances(), categories,
                queryIndex.length == 0 ? Double.NaN : total / queryIndex.length,
                confusion, new LeftOut(unlabelled, alone, List.copyOf(aloneCategories)), Instant.now(),
                (System.nanoTime() - start) / 1_000_000);
    }

    private static ConfusionMatrix confusion(List<GalleryEntry> entries, int[] queryIndex,
                                             LeaveOneOutNeighbours.Result found, List<String> rows) {
        int k = found.k();
        // Columns: the rows' categories first (so the diagonal is the right results), then
        // categories seen only as results, then unlabelled results.
        TreeSet<String> extra = new TreeSet<>();
        boolean anyUnlabelled = false;
        for (int n : found.indices()) {
            if (n < 0) {
                continue;
            }
            String c = entries.get(n).category();
            if (c == null) {
                anyUnlabelled = true;
            } else if (!rows.contains(c)) {
                extra.add(c);
            }
        }
        LinkedHashSet<String> columnSet = new LinkedHashSet<>(rows);
        columnSet.addAll(extra);
        List<String> columns = new ArrayList<>(columnSet);
        if (anyUnlabelled) {
            columns.add(null);
        }
        Map<String, Integer> rowOf = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            rowOf.put(rows.get(i), i);
        }
        Map<String, Integer> columnOf = new HashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            columnOf.put(columns.get(i), i);
        }
        int[][] counts = new int[rows.size()][columns.size()];
        for (int q = 0; q < queryIndex.length; q++) {
            int row = rowOf.get(entries.get(queryIndex[q]).category());
            for (int r = 0; r < k; r++) {
                int n = found.indices()[q * k + r];
                if (n >= 0) {
                    counts[row][Objects.requireNonNull(columnOf.get(entries.get(n).category()))]++;
                }
            }
        }
        return new ConfusionMatrix(rows, columns, counts);
    }
}
