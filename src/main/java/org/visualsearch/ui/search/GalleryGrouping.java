package org.visualsearch.ui.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.visualsearch.core.search.GalleryEntry;
import org.visualsearch.core.search.IndexedGallery;
import org.visualsearch.ui.gallery.GalleryTile;

/**
 * The grid before any query: tiles grouped by category (by name; photos without one come last),
 * each category by path, and the categories in that order.
 *
 * <p>A stable bucketing by category keeps the gallery's order inside each category, which is
 * already by path when the gallery comes from the store, so 100,000 tiles are grouped in a few
 * milliseconds instead of a sort with string comparisons.
 */
record GalleryGrouping(List<GalleryTile> tiles, List<String> categories) {

    /** The gallery's categories by name, {@code null} last. */
    static List<String> categoriesOf(IndexedGallery g) {
        Set<String> found = new HashSet<>();
        for (GalleryEntry entry : g.entries()) {
            found.add(entry.category());
        }
        List<String> sorted = new ArrayList<>(found);
        sorted.sort(Comparator.nullsLast(Comparator.naturalOrder()));
        return Collections.unmodifiableList(sorted);
    }

    static GalleryGrouping of(IndexedGallery newGallery) {
        if (newGallery == null || newGallery.size() == 0) {
            return new GalleryGrouping(List.of(), List.of());
        }
        List<GalleryEntry> entries = newGallery.entries();
        int n = entries.size();
        Map<String, Integer> idOf = new HashMap<>();
        List<String> found = new ArrayList<>();
        int[] idOfEntry = new int[n];
        for (int i = 0; i < n; i++) {
            String category = entries.get(i).category();
            Integer id = idOf.get(category);
            if (id == null) {
                id = found.size();
                idOf.put(category, id);
                found.add(category);
            }
            idOfEntry[i] = id;
        }
        List<String> sorted = new ArrayList<>(found);
        sorted.sort(Comparator.nullsLast(Comparator.naturalOrder()));
        int[] slotOfId = new int[sorted.size()];
        for (int slot = 0; slot < sorted.size(); slot++) {
            slotOfId[idOf.get(sorted.get(slot))] = slot;
        }
        int[] next = new int[sorted.size() + 1];
        for (int id : idOfEntry) {
            next[slotOfId[id] + 1]++;
        }
        for (int slot = 0; slot < sorted.size(); slot++) {
            next[slot + 1] += next[slot];
        }
        int[] starts = next.clone();
        GalleryTile[] grouped = new GalleryTile[n];
        for (int i = 0; i < n; i++) {
            grouped[next[slotOfId[idOfEntry[i]]]++] = GalleryTile.unranked(i, entries.get(i));
        }
        Comparator<GalleryTile> byPath = Comparator.comparing(t -> t.entry().path().toString());
        for (int slot = 0; slot < sorted.size(); slot++) {
            int from = starts[slot];
            int to = starts[slot + 1];
            for (int i = from + 1; i < to; i++) {
                if (byPath.compare(grouped[i - 1], grouped[i]) > 0) {
                    Arrays.sort(grouped, from, to, byPath); // stable, like the sort it replaces
                    break;
                }
            }
        }
        return new GalleryGrouping(Arrays.asList(grouped), Collections.unmodifiableList(sorted));
    }
}
