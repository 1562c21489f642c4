package org.visualsearch.core.comparison;

import org.visualsearch.core.search.GalleryEntry;

/**
 * One photo of a query's top-k under one model, with where the other model ranks it.
 *
 * @param rank          1-based, under this row's model (the query itself left out)
 * @param distance      Euclidean distance under this row's model
 * @param otherRank     its rank among the same photos under the other model
 * @param otherDistance its distance under the other model
 */
public record ResultRow(int rank, int index, GalleryEntry entry, float distance, int otherRank, float otherDistance,
                        boolean relevant) {

    /** How many places it moved from the other model to this one: positive when this one ranks it higher. */
    public int movedUp() {
        return otherRank - rank;
    }

    /** Whether the other model's top-k has it too. */
    public boolean inBothTopK(int k) {
        return otherRank <= k;
    }
}
