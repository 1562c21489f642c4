package org.visualsearch.ui.gallery;

import java.util.Locale;
import org.visualsearch.core.search.GalleryEntry;

/**
 * One tile of the gallery grid.
 *
 * @param index    the entry's position in the indexed gallery
 * @param rank     1-based rank by distance to the query, or 0 when no query is shown
 * @param distance Euclidean distance to the query, or NaN when no query is shown
 */
public record GalleryTile(int index, GalleryEntry entry, int rank, float distance) {

    public static GalleryTile unranked(int index, GalleryEntry entry) {
        return new GalleryTile(index, entry, 0, Float.NaN);
    }

    public boolean ranked() {
        return rank > 0;
    }

    /** The distance to three decimals, as everywhere in the app. */
    public String distanceText() {
        return ranked() ? formatDistance(distance) : "";
    }

    public static String formatDistance(float distance) {
        return String.format(Locale.ROOT, "%.3f", distance);
    }
}
