package org.visualsearch.ui.evaluate;

import java.util.Locale;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.visualsearch.core.evaluation.QueryScore;
import org.visualsearch.ui.gallery.CategoryColors;
import org.visualsearch.ui.gallery.ThumbnailCache;

/**
 * The Evaluate view's queries, worst first, each with its thumbnail, P@5 and category; its
 * selection and the view-model's selected query follow each other.
 */
final class QueryList {
    private final EvaluateViewModel vm;
    private final ThumbnailCache thumbnails;

    QueryList(EvaluateViewModel vm, ThumbnailCache thumbnails) {
        this.vm = vm;
        this.thumbnails = thumbnails;
    }

    Node build() {
        ListView<QueryScore> list = new ListView<>();
        list.setId("evalQueries");
        list.setCellFactory(l -> new QueryCell());
        vm.worstFirstProperty().addListener((o, a, queries) -> list.setItems(FXCollections.observableList(queries)));
        list.setItems(FXCollections.observableList(vm.worstFirstProperty().get()));
        list.getSelectionModel().selectedItemProperty().addListener((o, a, q) -> {
            if (q != null && !q.equals(vm.selectedQueryProperty().get())) {
                vm.selectedQueryProperty().set(q);
            }
        });
        vm.selectedQueryProperty().addListener((o, a, q) -> {
            if (q != null && !q.equals(list.getSelectionModel().getSelectedItem())) {
                int at = list.getItems().indexOf(q);
                if (at >= 0 && at < 2000) { // indexOf walks the list: fine near the top, where selections come from
                    list.getSelectionModel().select(at);
                }
            }
        });
        list.setPrefWidth(390);
        list.setMinWidth(390);
        list.setPrefHeight(200);
        VBox.setVgrow(list, Priority.ALWAYS);
        return EvaluateView.section("Queries, worst first", "evalQueriesTitle", list);
    }

    private final class QueryCell extends ListCell<QueryScore> {
        private final ImageView image = new ImageView();
        private final Label chip = CategoryColors.chip(null);
        private final Label precision = new Label();
        private final Label name = new Label();
        private final HBox box;
        private QueryScore shown;

        QueryCell() {
            image.setFitWidth(56);
            image.setFitHeight(42);
            image.setPreserveRatio(true);
            StackPane frame = new StackPane(image);
            frame.setMinSize(58, 44);
            precision.getStyleClass().add("eval-number");
            precision.setMinWidth(Region.USE_PREF_SIZE);
            chip.setMinWidth(Region.USE_PREF_SIZE);
            name.setMinWidth(0);
            name.getStyleClass().add("eval-name");
            // the file name on a line of its own: beside the score and the chip it was cut to "landmark-..."
            HBox scoreLine = new HBox(10, precision, chip);
            scoreLine.setAlignment(Pos.CENTER_LEFT);
            VBox text = new VBox(2, scoreLine, name);
            text.setMinWidth(0);
            box = new HBox(10, frame, text);
            box.setAlignment(Pos.CENTER_LEFT);
            setPrefWidth(0); // as wide as the list: long names are shortened, no sideways scrolling
        }

        @Override
        protected void updateItem(QueryScore q, boolean empty) {
            super.updateItem(q, empty);
            shown = q;
            if (empty || q == null) {
                setGraphic(null);
                return;
            }
            precision.setText(String.format(Locale.ROOT, "P@5 %.2f", q.precision()));
            CategoryColors.setChip(chip, q.category());
            name.setText(String.valueOf(q.entry().path().getFileName()));
            image.setImage(null);
            thumbnails.request(q.entry(), img -> {
                if (shown == q) {
                    image.setImage(img);
                }
            });
            setGraphic(box);
        }
    }
}
