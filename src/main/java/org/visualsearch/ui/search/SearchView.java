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

    public SearchView(QueryPaneView query, TopMatchesPanel topMatches, Node gallery) {
        HBox searchRow = new HBox(20, query.root(), topMatches);
        HBox.setHgrow(topMatches, Priority.ALWAYS);
        query.pane().prefWidthProperty().bind(Bindings.createDoubleBinding(() -> Math.max(QueryPaneView.MIN_WIDTH,
                Math.min(QueryPaneView.MAX_WIDTH, searchRow.getWidth() * 0.29)), searchRow.widthProperty()));
        root = new VBox(12, searchRow, gallery);
        VBox.setVgrow(gallery, Priority.ALWAYS);
        root.setPadding(new Insets(16, 20, 12, 20));
        root.setId("searchView");
    }

    public Node root() {
        return root;
    }
}
