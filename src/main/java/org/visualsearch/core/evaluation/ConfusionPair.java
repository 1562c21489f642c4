package org.visualsearch.core.evaluation;

/** A query and one of its top-k results: what one count of a confusion-matrix cell stands for. */
public record ConfusionPair(QueryScore query, Match result) {
}
