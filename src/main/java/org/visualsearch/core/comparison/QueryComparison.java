package org.visualsearch.core.comparison;

import java.util.List;
import org.visualsearch.core.search.GalleryEntry;

/** One query's top-k under model A and under model B, each result with its rank and distance under both. */
public record QueryComparison(int queryIndex, GalleryEntry query, int k, List<ResultRow> topA, List<ResultRow> topB,
                              double precisionA, double precisionB) {
    public QueryComparison {
        topA = List.copyOf(topA);
        topB = List.copyOf(topB);
    }
}
