package org.visualsearch.ui.gallery;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
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
        this(tiles, ranked, categories, new javafx.beans.property.SimpleStringProperty());
    }

    /**
     * @param indexedLine while indexing, the job's count ("43 of 100 photos indexed"), else null:
     *                    the header says it instead of the tiles it has so far, which arrive a few
     *                    seconds behind, so that the header and the job bar give one number
     */
    public GalleryPaneModel(ObservableList<GalleryTile> tiles, ObservableBooleanValue ranked,
                            ObservableList<String> categories, ObservableStringValue indexedLine) {
        this.tiles = tiles;
        this.categories = categories;
        subtitle = Bindings.createStringBinding(() -> !ranked.get() && indexedLine.get() != null
                ? indexedLine.get() + " · more appear as they are indexed"
                : subtitle(tiles.size(), ranked.get()), tiles, ranked, indexedLine);
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
