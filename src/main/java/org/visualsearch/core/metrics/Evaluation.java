package org.visualsearch.core.metrics;

import java.util.Map;

/**
 * The result of a leave-one-out evaluation.
 *
 * @param k             the cut-off used (5 for the challenge)
 * @param perLabel      per label, in label order: its scored queries and their mean P@k
 * @param meanPrecision mean P@k over all scored queries (mP@k); {@code NaN} when no query was
 *                      scored
 * @param queries       number of scored queries
 * @param skipped       gallery entries that were not scored: unlabelled ones, and labelled ones
 *                      whose label has no other member ({@code n_q = 0})
 */
public record Evaluation(int k, Map<String, LabelScore> perLabel, double meanPrecision, int queries, int skipped) {

    /**
     * @param label         the label
     * @param queries       how many of its entries were scored
     * @param meanPrecision their mean P@k
     */
    public record LabelScore(String label, int queries, double meanPrecision) {
    }

    public Evaluation {
        perLabel = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(perLabel));
    }

    /** True when at least one query was scored. */
    public boolean hasScore() {
        return queries > 0;
    }
}
