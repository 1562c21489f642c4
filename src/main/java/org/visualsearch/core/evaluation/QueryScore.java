package org.visualsearch.core.evaluation;

import java.util.List;
import org.visualsearch.core.search.GalleryEntry;

/**
 * One scored query: a labelled gallery photo searched against all the others.
 *
 * @param index     its position in the gallery
 * @param entry     the photo
 * @param precision its P@k (see {@link org.visualsearch.core.metrics.PrecisionAtK})
 * @param cutoff    how many results the precision is taken over: {@code min(n_q, k)}, where
 *                  {@code n_q} is the number of other photos of its category
 * @param top       its k nearest other photos, closest first (itself left out)
 */
public record QueryScore(int index, GalleryEntry entry, double precision, int cutoff, List<Match> top) {

    public QueryScore {
        top = List.copyOf(top);
    }

    public String category() {
        return entry.category();
    }

    /** How many of its top-k have another category. */
    public long wrongCount() {
        return top.stream().filter(m -> !m.correct()).count();
    }
}
