package org.visualsearch.ui.search;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.visualsearch.core.metrics.QueryInGallery;
import org.visualsearch.core.search.IndexedGallery;
import org.visualsearch.ui.gallery.GalleryTile;

/**
 * What the search screen shows of the gallery and the query's score: the gallery on screen, its
 * categories and tiles (grouped, or ranked once a query is shown), the top 5, the query as the
 * challenge sees it and its P@5. Changed by {@link SearchViewModel} on the FX thread only.
 */
final class RankingState {
    final ObjectProperty<IndexedGallery> gallery = new SimpleObjectProperty<>();
    final ObservableList<IndexedGallery.Hit> topMatches = FXCollections.observableArrayList();
    final TileList tiles = new TileList();
    final ObservableList<String> categories = FXCollections.observableArrayList();
    // Read-only views made once: a wrapper made per call only weakly listens to its list and
    // would be collected together with the listeners added to it.
    final ObservableList<IndexedGallery.Hit> topMatchesView = FXCollections.unmodifiableObservableList(topMatches);
    final ObservableList<GalleryTile> tilesView = FXCollections.unmodifiableObservableList(tiles);
    final ObservableList<String> categoriesView = FXCollections.unmodifiableObservableList(categories);
    final BooleanProperty ranked = new SimpleBooleanProperty(false);
    final ObjectProperty<QueryInGallery> queryContext = new SimpleObjectProperty<>(QueryInGallery.UNKNOWN);
    final ObjectProperty<Double> precisionAt5 = new SimpleObjectProperty<>();

    /** Shows {@code newGallery} grouped by category (its ranking, if any, is cleared separately). */
    void showGrouped(IndexedGallery newGallery) {
        GalleryGrouping grouping = GalleryGrouping.of(newGallery);
        categories.setAll(grouping.categories());
        gallery.set(newGallery);
        tiles.replaceAll(grouping.tiles());
    }

    /** Shows a query's ranking of {@code target}, with its score. */
    void showRanking(IndexedGallery target, QuerySearch.Ranking ranking) {
        if (ranking.categories() != null) {
            categories.setAll(ranking.categories());
        }
        gallery.set(target);
        queryContext.set(ranking.query());
        precisionAt5.set(ranking.precisionAt5());
        topMatches.setAll(ranking.top());
        tiles.replaceAll(ranking.tiles());
        ranked.set(true);
    }

    /** No top 5, the grid not ranked. */
    void clearRanking() {
        topMatches.clear();
        ranked.set(false);
    }

    /** No query to score. */
    void clearScore() {
        queryContext.set(QueryInGallery.UNKNOWN);
        precisionAt5.set(null);
    }
}
