package org.visualsearch.core.training;

/**
 * Validation mP@5 of one set of embeddings: by category, and by instance group (NaN when the
 * validation photos have no groups, or no validation split was made).
 */
public record Figures(double category, double instance) {
    public static final Figures NONE = new Figures(Double.NaN, Double.NaN);
}
