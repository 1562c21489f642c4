package org.visualsearch.ui.gallery;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.ObservableList;

/** What the gallery's header says: how many photos, and how they are ordered. */
public final class GalleryPaneModel {
    private final ObservableList<GalleryTile> tiles;
    private final ObservableList<String> categories;
    private final StringBinding subtitle;

    /**
     * @param tiles      the grid's tiles
     * @param ranked     whether they are ranked by distance to a query (else grouped by category)
     * @param categories the gallery's categories, for the legend
     */
    public GalleryPaneModel(ObservableList<GalleryTile> tiles, ObservableBooleanValue ranked,
                            ObservableList<String> categories) {
        this.tiles = tiles;
        this.categories = categories;
        subtitle = Bindings.createStringBinding(() -> subtitle(tiles.size(), ranked.get()), tiles, ranked);
    }

    static String subtitle(int n, boolean ranked) {
        String photos = String.format("%,d photo%s", n, n == 1 ? "" : "s");
        return ranked
                ? photos + " · ranked by distance to the query"
                : n == 0 ? photos : photos + " · grouped by category · double-click one to search with it";
    }

    public StringBinding subtitle() {
        return subtitle;
    }

    public ObservableList<GalleryTile> tiles() {
        return tiles;
    }

    /** The categories the legend shows: the first ten. */
    public ObservableList<String> categories() {
        return categories;
    }
}
