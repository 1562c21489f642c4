package org.visualsearch.ui.evaluate;

import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.controlsfx.control.GridCell;
import org.controlsfx.control.GridView;
import org.visualsearch.core.evaluation.ConfusionMatrix;
import org.visualsearch.core.evaluation.ConfusionPair;
import org.visualsearch.core.evaluation.GalleryEvaluation;
import org.visualsearch.ui.gallery.ThumbnailCache;

/**
 * The confusion matrix of the Evaluate view and, beside it, the (query, result) pairs of the
 * clicked cell; clicking a pair selects its query.
 */
final class ConfusionSection {
    private final EvaluateViewModel vm;
    private final ThumbnailCache thumbnails;
    private final ConfusionMatrixCanvas matrix;

    ConfusionSection(EvaluateViewModel vm, ThumbnailCache thumbnails) {
        this.vm = vm;
        this.thumbnails = thumbnails;
        matrix = new ConfusionMatrixCanvas(this::cellClicked);
        matrix.setId("evalConfusion");
        vm.evaluationProperty().addListener((o, a, e) -> matrix.setMatrix(e == null ? null : e.confusion()));
        matrix.setMatrix(vm.evaluationProperty().get() == null ? null : vm.evaluationProperty().get().confusion());
        vm.selectedCellProperty().addListener((o, a, cell) -> {
            GalleryEvaluation e = vm.evaluationProperty().get();
            if (cell == null || e == null) {
                matrix.select(-1, -1);
            } else {
                matrix.select(e.confusion().rowOf(cell.queryCategory()), e.confusion().columnOf(cell.resultCategory()));
            }
        });
    }

    Node matrixSection() {
        Label hint = new Label("Rows: the query's category · columns: its results'");
        hint.getStyleClass().add("eval-hint");
        hint.setWrapText(true);
        hint.setMinHeight(Region.USE_PREF_SIZE);
        hint.maxWidthProperty().bind(Bindings.max(380, Bindings.min(520, matrix.widthProperty())));
        ScrollPane scroll = new ScrollPane(new StackPane(matrix));
        scroll.getStyleClass().add("edge-to-edge");
        // As large as the matrix up to 560 x 340; a larger one (many categories) scrolls.
        scroll.prefViewportWidthProperty().bind(Bindings.min(560, matrix.widthProperty()));
        scroll.prefViewportHeightProperty().bind(Bindings.min(340, matrix.heightProperty()));
        scroll.minViewportWidthProperty().bind(scroll.prefViewportWidthProperty());
        scroll.minViewportHeightProperty().bind(scroll.prefViewportHeightProperty());
        scroll.setMaxWidth(Region.USE_PREF_SIZE);
        VBox box = new VBox(6, hint, scroll);
        return box;
    }

    private void cellClicked(int row, int column) {
        GalleryEvaluation e = vm.evaluationProperty().get();
        if (e == null) {
            return;
        }
        ConfusionMatrix m = e.confusion();
        vm.selectedCellProperty().set(new EvaluateViewModel.Cell(m.rows().get(row), m.columns().get(column)));
    }

    Node pairsSection() {
        Label title = new Label("Click a cell of the matrix to see its photos");
        title.setId("evalPairsTitle");
        title.getStyleClass().add("section-title");
        title.setWrapText(true);
        title.setMinHeight(Region.USE_PREF_SIZE);
        vm.selectedCellProperty().addListener((o, a, cell) -> title.setText(cell == null
                ? "Click a cell of the matrix to see its photos"
                : String.format("%s queries → %s results: %,d pairs", cell.queryCategory(),
                        ConfusionMatrixCanvas.label(cell.resultCategory()), vm.cellPairs().size())));
        GridView<ConfusionPair> grid = new GridView<>(vm.cellPairs());
        grid.setId("evalPairs");
        grid.setCellWidth(2 * 62 + 14);
        grid.setCellHeight(62 + 30);
        grid.setHorizontalCellSpacing(4);
        grid.setVerticalCellSpacing(6);
        grid.setCellFactory(g -> new PairCell());
        grid.setMinWidth(200);
        grid.setPrefWidth(340);
        VBox.setVgrow(grid, Priority.ALWAYS);
        VBox box = new VBox(8, title, grid);
        box.setMinWidth(200);
        box.setPrefWidth(340);
        return box;
    }

    /** One (query, result) pair: both thumbnails, the result's rank and distance. */
    private final class PairCell extends GridCell<ConfusionPair> {
        private final ImageView query = thumb();
        private final ImageView result = thumb();
        private final Label caption = new Label();
        private final VBox box;
        private ConfusionPair shown;

        PairCell() {
            Label arrow = new Label("→");
            arrow.getStyleClass().add("eval-arrow");
            HBox pictures = new HBox(2, frame(query), arrow, frame(result));
            pictures.setAlignment(Pos.CENTER);
            caption.getStyleClass().add("eval-pair-caption");
            box = new VBox(2, pictures, caption);
            box.setAlignment(Pos.CENTER);
            getStyleClass().add("eval-pair");
        }

        private ImageView thumb() {
            ImageView v = new ImageView();
            v.setFitWidth(58);
            v.setFitHeight(58);
            v.setPreserveRatio(true);
            return v;
        }

        private StackPane frame(ImageView v) {
            StackPane p = new StackPane(v);
            p.setMinSize(62, 62);
            p.setPrefSize(62, 62);
            p.getStyleClass().add("eval-frame");
            return p;
        }

        @Override
        protected void updateItem(ConfusionPair pair, boolean empty) {
            super.updateItem(pair, empty);
            shown = pair;
            if (empty || pair == null) {
                setGraphic(null);
                return;
            }
            caption.setText(String.format(Locale.ROOT, "#%d, distance %.3f", pair.result().rank(), pair.result().distance()));
            query.setImage(null);
            result.setImage(null);
            thumbnails.request(pair.query().entry(), img -> {
                if (shown == pair) {
                    query.setImage(img);
                }
            });
            thumbnails.request(pair.result().entry(), img -> {
                if (shown == pair) {
                    result.setImage(img);
                }
            });
            setTooltip(new Tooltip(pair.query().entry().path().getFileName() + " → " + pair.result().entry().path().getFileName()));
            setOnMouseClicked(e -> vm.selectedQueryProperty().set(pair.query()));
            setGraphic(box);
        }
    }
}
