package org.visualsearch.ui.evaluate;

import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.visualsearch.core.evaluation.CategoryScore;
import org.visualsearch.ui.gallery.CategoryColors;

/**
 * The per-category table of the Evaluate view: each category's queries and P@5, with a bar in
 * its colour.
 */
final class CategoryTable {
    private CategoryTable() {
    }

    static Node build(EvaluateViewModel vm) {
        VBox rows = new VBox(2);
        rows.setId("evalCategories");
        Runnable refresh = () -> {
            rows.getChildren().clear();
            HBox header = categoryRow(new Label("Category"), new Label("Queries"), new Label("P@5"), new Region());
            header.getStyleClass().add("eval-table-header");
            rows.getChildren().add(header);
            for (CategoryScore s : vm.categories()) {
                Label chip = CategoryColors.chip(s.category());
                Label queries = new Label(String.format("%,d", s.queries()));
                Label p = new Label(String.format(Locale.ROOT, "%.3f", s.meanPrecision()));
                p.getStyleClass().add("eval-number");
                Region fill = new Region();
                fill.getStyleClass().add("eval-bar-fill");
                fill.setStyle("-fx-background-color: " + CategoryColors.colorOf(s.category()) + ";");
                fill.setMaxWidth(Region.USE_PREF_SIZE);
                fill.setPrefWidth(116 * s.meanPrecision());
                StackPane bar = new StackPane(fill);
                bar.getStyleClass().add("eval-bar");
                StackPane.setAlignment(fill, Pos.CENTER_LEFT);
                HBox row = categoryRow(chip, queries, p, bar);
                row.setId("category-" + s.category());
                rows.getChildren().add(row);
            }
        };
        vm.categories().addListener((javafx.collections.ListChangeListener<CategoryScore>) c -> refresh.run());
        refresh.run();
        ScrollPane scroll = new ScrollPane(rows);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        scroll.setPrefViewportHeight(5 * 28 + 30);
        scroll.setMaxHeight(Region.USE_PREF_SIZE);
        scroll.setMinWidth(390);
        scroll.setPrefWidth(390);
        return scroll;
    }

    private static HBox categoryRow(Label category, Label queries, Label precision, Region bar) {
        category.setMaxWidth(110);
        HBox cellA = new HBox(category);
        cellA.setMinWidth(112);
        cellA.setPrefWidth(112);
        queries.setMinWidth(64);
        queries.setAlignment(Pos.CENTER_RIGHT);
        precision.setMinWidth(56);
        precision.setAlignment(Pos.CENTER_RIGHT);
        bar.setMinWidth(120);
        bar.setPrefWidth(120);
        bar.setMaxHeight(16);
        HBox row = new HBox(12, cellA, queries, precision, bar);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().add("eval-category-row");
        return row;
    }
}
