package org.visualsearch.core.comparison;

/** One category's mean P@k under both models. */
public record CategoryRow(String category, int queries, double precisionA, double precisionB) {
    /** B minus A: positive when model B does better. */
    public double difference() {
        return precisionB - precisionA;
    }
}
