package org.visualsearch.core.metrics;

import java.util.List;
import java.util.Objects;

/**
 * Precision@k as the Google Universal Image Embedding challenge scores one query.
 *
 * <p>For a query with label {@code L}, let {@code n_q} be the number of <em>other</em> gallery
 * images labelled {@code L}. Then
 * <pre>
 *   P@k = (1 / min(n_q, k)) * (number of the first min(n_q, k) results labelled L)
 * </pre>
 * so a query whose label has only two other members is judged on its first two results and can
 * still reach 1.0. A query with {@code n_q = 0} has nothing to find and has no score: callers skip
 * it (this class rejects it).
 */
public final class PrecisionAtK {

    /** The challenge's k. */
    public static final int CHALLENGE_K = 5;

    private PrecisionAtK() {
    }

    /**
     * Scores one query.
     *
     * @param queryLabel    the query's label, not null
     * @param rankedLabels  labels of the results, closest first (the query itself left out);
     *                      {@code null} elements are unlabelled results and never relevant. It
     *                      may hold more or fewer than {@code k} results; missing results count
     *                      as not relevant
     * @param othersWithLabel {@code n_q}: how many other gallery images carry {@code queryLabel}
     * @param k             the cut-off, positive
     * @return the precision in [0, 1]
     * @throws IllegalArgumentException if {@code othersWithLabel <= 0} (such queries are skipped)
     *                                  or {@code k <= 0}
     */
    public static double precision(String queryLabel, List<String> rankedLabels, int othersWithLabel, int k) {
        Objects.requireNonNull(queryLabel, "queryLabel");
        if (k <= 0) {
            throw new IllegalArgumentException("k must be positive: " + k);
        }
        if (othersWithLabel <= 0) {
            throw new IllegalArgumentException(
                    "query label '" + queryLabel + "' has no other gallery member: the query has no score");
        }
        int cutoff = Math.min(othersWithLabel, k);
        int relevant = 0;
        int limit = Math.min(cutoff, rankedLabels.size());
        for (int j = 0; j < limit; j++) {
            if (queryLabel.equals(rankedLabels.get(j))) {
                relevant++;
            }
        }
        return (double) relevant / cutoff;
    }
}
