package org.visualsearch.core.evaluation;

/**
 * A category's share of the score.
 *
 * @param category      the category
 * @param queries       its scored queries
 * @param meanPrecision their mean P@k
 */
public record CategoryScore(String category, int queries, double meanPrecision) {
}
