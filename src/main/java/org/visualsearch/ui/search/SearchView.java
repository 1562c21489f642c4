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
     * @param belowQuery shown under the query and the top 5, the whole width (the lesson step's
     *                   title and note, the guess-first tally): a tally in the query's column wrapped
     *                   into five rows at 200%
     * @param galleryShown whether the gallery shows now (guess first covers it until the top 5 are out)
     */
    public SearchView(QueryPaneView query, Node belowQuery, TopMatchesPanel topMatches, Node gallery,
                      javafx.beans.value.ObservableBooleanValue galleryShown, Node pipeline,
                      javafx.beans.value.ObservableBooleanValue pipelineShown) {
        HBox searchRow = new HBox(20, query.root(), topMatches);
        HBox.setHgrow(topMatches, Priority.ALWAYS);
        query.pane().prefWidthProperty().bind(Bindings.createDoubleBinding(() -> Math.max(query.pane().getMinWidth(),
                Math.min(QueryPaneView.MAX_WIDTH, searchRow.getWidth() * 0.29)), searchRow.widthProperty(),
                query.pane().minWidthProperty()));
        javafx.scene.control.Label covered = new javafx.scene.control.Label("The ranked gallery shows after the last of the top 5");
        covered.setId("galleryCovered");
        covered.getStyleClass().add("gallery-covered");
        javafx.scene.layout.StackPane galleryArea = new javafx.scene.layout.StackPane();
        // the note shows only where it fits (at 200% on a small projector the area can be a sliver)
        covered.visibleProperty().bind(Bindings.not(galleryShown).and(Bindings.not(pipelineShown))
                .and(galleryArea.heightProperty().greaterThan(48)));
        gallery.visibleProperty().bind(Bindings.and(galleryShown, Bindings.not(pipelineShown)));
        pipeline.visibleProperty().bind(pipelineShown); // "how it works" takes the gallery's place
        galleryArea.getChildren().setAll(gallery, covered, pipeline);
        galleryArea.setMinHeight(0);
        // A gallery taller than the room left (a lesson note at 200%) grows downwards and is cut at
        // the area's edge; centred, as a stack pane does by default, it rose over the note above it.
        galleryArea.setAlignment(javafx.geometry.Pos.TOP_LEFT);
        javafx.scene.layout.StackPane.setAlignment(covered, javafx.geometry.Pos.CENTER);
        javafx.scene.shape.Rectangle clip = new javafx.scene.shape.Rectangle();
        clip.widthProperty().bind(galleryArea.widthProperty());
        clip.heightProperty().bind(galleryArea.heightProperty());
        galleryArea.setClip(clip);
        root = new VBox(12, searchRow, belowQuery, galleryArea);
        VBox.setVgrow(galleryArea, Priority.ALWAYS);
        root.setPadding(new Insets(16, 20, 12, 20));
        root.setId("searchView");
        root.getStyleClass().add("search-view");
        searchRow.getStyleClass().add("search-row");
    }

    public Node root() {
        return root;
    }
}
