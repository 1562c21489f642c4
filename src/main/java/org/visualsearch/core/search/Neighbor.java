package org.visualsearch.core.search;

/**
 * A search hit.
 *
 * @param index    position of the hit in the searched collection
 * @param distance Euclidean distance from the query
 */
public record Neighbor(int index, float distance) {
}
