package org.visualsearch.ui.search;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The search view: the query and its top 5 side by side, the gallery below. */
public final class SearchView {
    private final VBox root;

    /**
     * @param belowQuery shown under the query (the lesson step's title and note, the guess-first tally)
     * @param galleryShown whether the gallery shows now (guess first covers it until the top 5 are out)
     */
    public SearchView(QueryPaneView query, Node belowQuery, TopMatchesPanel topMatches, Node gallery,
                      javafx.beans.value.ObservableBooleanValue galleryShown) {
        VBox queryColumn = new VBox(8, query.root(), belowQuery);
        VBox.setVgrow(query.root(), Priority.ALWAYS);
        queryColumn.minWidthProperty().bind(query.pane().minWidthProperty());
        queryColumn.maxWidthProperty().bind(query.pane().maxWidthProperty());
        HBox searchRow = new HBox(20, queryColumn, topMatches);
        HBox.setHgrow(topMatches, Priority.ALWAYS);
        query.pane().prefWidthProperty().bind(Bindings.createDoubleBinding(() -> Math.max(query.pane().getMinWidth(),
                Math.min(QueryPaneView.MAX_WIDTH, searchRow.getWidth() * 0.29)), searchRow.widthProperty(),
                query.pane().minWidthProperty()));
        javafx.scene.control.Label covered = new javafx.scene.control.Label("The ranked gallery shows after the last of the top 5");
        covered.setId("galleryCovered");
        covered.getStyleClass().add("gallery-covered");
        covered.visibleProperty().bind(Bindings.not(galleryShown));
        gallery.visibleProperty().bind(galleryShown);
        javafx.scene.layout.StackPane galleryArea = new javafx.scene.layout.StackPane(gallery, covered);
        galleryArea.setMinHeight(0);
        root = new VBox(12, searchRow, galleryArea);
        VBox.setVgrow(galleryArea, Priority.ALWAYS);
        root.setPadding(new Insets(16, 20, 12, 20));
        root.setId("searchView");
    }

    public Node root() {
        return root;
    }
}
