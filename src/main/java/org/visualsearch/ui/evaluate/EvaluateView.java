package org.visualsearch.ui.evaluate;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.visualsearch.ui.gallery.ThumbnailCache;

/**
 * The Evaluate view: the model's mP@5 on the gallery with the published scores for context, the
 * per-category table, the confusion matrix whose cells open their (query, result) pairs, the
 * queries worst first, and the selected query's top-5 with wrong results marked. Thin: all
 * state is in {@link EvaluateViewModel}; each region is its own small view ({@link EvaluateHeader},
 * {@link CategoryTable}, {@link ConfusionSection}, {@link QueryList}, {@link SelectedQueryCards}).
 */
public final class EvaluateView {
    static final double CARD_SIDE = 84;
    private static final String STYLESHEET = "/org/visualsearch/ui/evaluate/evaluate.css";

    private final EvaluateViewModel vm;
    private final BorderPane root = new BorderPane();

    /**
     * @param saveAs asks where to save the report (a file chooser in the app, scripted in tests)
     */
    public EvaluateView(EvaluateViewModel vm, ThumbnailCache thumbnails, Function<Window, Optional<Path>> saveAs) {
        this.vm = vm;
        root.setId("evaluateView");
        root.getProperties().put(EvaluateViewModel.class, vm); // for tests that find the view in a window
        root.getStyleClass().add("evaluate-view");
        root.getStylesheets().add(EvaluateView.class.getResource(STYLESHEET).toExternalForm());

        root.setTop(new EvaluateHeader(vm, saveAs, root).build());
        // Left: the table and the queries; right: the matrix with its pairs, and the selected
        // query's top 5 below it (fits a 1280 x 800 window without scrolling).
        Node queries = new QueryList(vm, thumbnails).build();
        VBox left = new VBox(10, section("Per category", "evalCategoriesTitle", CategoryTable.build(vm)), queries);
        VBox.setVgrow(queries, Priority.ALWAYS);
        ConfusionSection confusion = new ConfusionSection(vm, thumbnails);
        Node pairs = confusion.pairsSection();
        HBox matrixAndPairs = new HBox(20, section("Confusion matrix", "evalConfusionTitle", confusion.matrixSection()), pairs);
        HBox.setHgrow(pairs, Priority.ALWAYS);
        VBox right = new VBox(6, matrixAndPairs, SelectedQueryCards.build(vm, thumbnails));
        HBox.setHgrow(right, Priority.ALWAYS);
        HBox center = new HBox(20, left, right);
        center.setPadding(new Insets(8, 20, 8, 20));
        ScrollPane scroll = new ScrollPane(center);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.getStyleClass().add("edge-to-edge");
        root.setCenter(scroll);
    }

    public Parent root() {
        return root;
    }

    public EvaluateViewModel viewModel() {
        return vm;
    }

    /** A titled region of the view. */
    static Node section(String title, String id, Node content) {
        Label label = new Label(title);
        label.setId(id);
        label.getStyleClass().add("section-title");
        VBox box = new VBox(8, label, content);
        if (content instanceof Region r) {
            VBox.setVgrow(r, Priority.ALWAYS);
        }
        return box;
    }
}
