package org.visualsearch.core.evaluation;

import org.visualsearch.core.search.GalleryEntry;

/**
 * One of a query's top-k in a leave-one-out evaluation.
 *
 * @param rank     1 for the closest
 * @param index    the result's position in the gallery
 * @param entry    the result
 * @param distance Euclidean distance to the query
 * @param correct  whether it has the query's category (a wrong result is what the view marks)
 */
public record Match(int rank, int index, GalleryEntry entry, float distance, boolean correct) {
}
