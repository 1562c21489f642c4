package org.visualsearch.core.comparison;

import org.visualsearch.core.search.GalleryEntry;

/** One leave-one-out query's P@k under both models; {@code index} is into the compared gallery. */
public record QueryScore(int index, GalleryEntry entry, double precisionA, double precisionB) {
    /** B minus A. */
    public double change() {
        return precisionB - precisionA;
    }
}
