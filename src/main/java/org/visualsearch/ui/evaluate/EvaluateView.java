package org.visualsearch.ui.evaluate;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.controlsfx.control.GridCell;
import org.controlsfx.control.GridView;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.visualsearch.core.evaluation.CategoryScore;
import org.visualsearch.core.evaluation.ConfusionMatrix;
import org.visualsearch.core.evaluation.ConfusionPair;
import org.visualsearch.core.evaluation.GalleryEvaluation;
import org.visualsearch.core.evaluation.Match;
import org.visualsearch.core.evaluation.QueryScore;
import org.visualsearch.core.evaluation.ReferenceScores;
import org.visualsearch.ui.gallery.CategoryColors;
import org.visualsearch.ui.gallery.ThumbnailCache;

/**
 * The Evaluate view: the model's mP@5 on the gallery with the published scores for context, the
 * per-category table, the confusion matrix whose cells open their (query, result) pairs, the
 * queries worst first, and the selected query's top-5 with wrong results marked. Thin: all
 * state is in {@link EvaluateViewModel}.
 */
public final class EvaluateView {
    static final double CARD_SIDE = 84;
    private static final String STYLESHEET = "/org/visualsearch/ui/evaluate/evaluate.css";

    private final EvaluateViewModel vm;
    private final ThumbnailCache thumbnails;
    private final Function<Window, Optional<Path>> saveAs;
    private final BorderPane root = new BorderPane();
    private final ConfusionMatrixCanvas matrix;
    private final Label exportMessage = new Label();

    /**
     * @param saveAs asks where to save the report (a file chooser in the app, scripted in tests)
     */
    public EvaluateView(EvaluateViewModel vm, ThumbnailCache thumbnails, Function<Window, Optional<Path>> saveAs) {
        this.vm = vm;
        this.thumbnails = thumbnails;
        this.saveAs = saveAs;
        root.setId("evaluateView");
        root.getProperties().put(EvaluateViewModel.class, vm); // for tests that find the view in a window
        root.getStyleClass().add("evaluate-view");
        root.getStylesheets().add(EvaluateView.class.getResource(STYLESHEET).toExternalForm());
        matrix = new ConfusionMatrixCanvas(this::cellClicked);
        matrix.setId("evalConfusion");

        root.setTop(buildHeader());
        // Left: the table and the queries; right: the matrix with its pairs, and the selected
        // query's top 5 below it (fits a 1280 x 800 window without scrolling).
        Node queries = buildQueries();
        VBox left = new VBox(10, section("Per category", "evalCategoriesTitle", buildCategories()), queries);
        VBox.setVgrow(queries, Priority.ALWAYS);
        Node pairs = buildPairs();
        HBox matrixAndPairs = new HBox(20, section("Confusion matrix", "evalConfusionTitle", buildConfusion()), pairs);
        HBox.setHgrow(pairs, Priority.ALWAYS);
        VBox right = new VBox(6, matrixAndPairs, buildSelected());
        HBox.setHgrow(right, Priority.ALWAYS);
        HBox center = new HBox(20, left, right);
        center.setPadding(new Insets(8, 20, 8, 20));
        ScrollPane scroll = new ScrollPane(center);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.getStyleClass().add("edge-to-edge");
        root.setCenter(scroll);

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

    public Parent root() {
        return root;
    }

    public EvaluateViewModel viewModel() {
        return vm;
    }

    // ---- header: score, references, progress ------------------------------------------------

    private Node buildHeader() {
        Label title = new Label();
        title.setId("evalTitle");
        title.getStyleClass().add("eval-title");
        title.textProperty().bind(Bindings.createStringBinding(() -> {
            GalleryEvaluation e = vm.evaluationProperty().get();
            return e == null ? "Evaluate the model on the gallery"
                    : String.format("%s · %s · %,d photos, %,d queries", e.model().name(), vm.galleryDescription(),
                            e.gallerySize(), e.queryCount());
        }, vm.evaluationProperty()));
        title.setMinWidth(0);

        Label score = new Label();
        score.setId("evalScore");
        score.getStyleClass().add("eval-score");
        score.textProperty().bind(Bindings.createStringBinding(() -> {
            GalleryEvaluation e = vm.evaluationProperty().get();
            return e == null || !e.hasScore() ? "mP@5 –" : String.format(Locale.ROOT, "mP@5 %.3f", e.meanPrecision());
        }, vm.evaluationProperty()));
        score.setMinWidth(Region.USE_PREF_SIZE);
        score.setTooltip(new Tooltip("Each labelled photo in turn is the query and all the others the gallery; P@5 is the "
                + "share of its 5 nearest photos in its category; mP@5 is the mean over all queries, as the challenge scores it."));

        Label references = new Label();
        references.setId("evalReferences");
        references.getStyleClass().add("eval-references");
        references.setWrapText(true);
        references.textProperty().bind(Bindings.createStringBinding(() -> {
            StringBuilder sb = new StringBuilder("For context, on a different test set (the challenge's): ");
            for (int i = 0; i < ReferenceScores.PUBLISHED.size(); i++) {
                ReferenceScores.Reference r = ReferenceScores.PUBLISHED.get(i);
                sb.append(i == 0 ? "" : " · ").append(r.label()).append(String.format(Locale.ROOT, " %.3f", r.meanPrecision()));
            }
            double baseline = vm.baselineProperty().get();
            if (!Double.isNaN(baseline)) {
                sb.append(String.format(Locale.ROOT, ".  On this gallery: colour-histogram baseline %.3f", baseline));
            }
            return sb.toString();
        }, vm.baselineProperty()));

        Label leftOut = new Label();
        leftOut.setId("evalLeftOut");
        leftOut.getStyleClass().add("eval-left-out");
        leftOut.setWrapText(true);
        leftOut.textProperty().bind(Bindings.createStringBinding(() -> {
            GalleryEvaluation e = vm.evaluationProperty().get();
            return e == null ? "" : e.leftOut().describe();
        }, vm.evaluationProperty()));
        leftOut.visibleProperty().bind(leftOut.textProperty().isNotEmpty());
        leftOut.managedProperty().bind(leftOut.visibleProperty());

        ProgressBar bar = new ProgressBar();
        bar.setId("evalProgress");
        bar.setPrefWidth(260);
        bar.progressProperty().bind(vm.progressProperty());
        bar.visibleProperty().bind(vm.runningProperty());
        bar.managedProperty().bind(bar.visibleProperty());
        Label message = new Label();
        message.setId("evalMessage");
        message.getStyleClass().add("eval-message");
        message.textProperty().bind(vm.messageProperty());
        message.setMinWidth(0);
        Button cancel = new Button("Cancel", new FontIcon(MaterialDesignC.CLOSE_CIRCLE_OUTLINE));
        cancel.setId("evalCancel");
        cancel.setOnAction(e -> vm.cancel());
        cancel.visibleProperty().bind(vm.runningProperty());
        cancel.managedProperty().bind(cancel.visibleProperty());
        Button again = new Button("Evaluate", new FontIcon(MaterialDesignC.CHART_BAR));
        again.setId("evalRun");
        again.setOnAction(e -> vm.evaluate());
        again.visibleProperty().bind(vm.runningProperty().not().and(vm.evaluationProperty().isNull()));
        again.managedProperty().bind(again.visibleProperty());
        Button export = new Button("Export report…", new FontIcon(MaterialDesignF.FILE_EXPORT_OUTLINE));
        export.setId("evalExport");
        export.disableProperty().bind(vm.evaluationProperty().isNull().or(vm.runningProperty()));
        export.setOnAction(e -> exportReport());
        for (Button b : List.of(cancel, again, export)) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        exportMessage.setId("evalExportMessage");
        exportMessage.getStyleClass().add("eval-message");
        exportMessage.setMinWidth(0);

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox status = new HBox(12, leftOut, bar, message, cancel, exportMessage);
        status.setAlignment(Pos.CENTER_LEFT);
        leftOut.setMinWidth(0);
        VBox text = new VBox(4, title, references);
        text.setMinWidth(0);
        HBox.setHgrow(text, Priority.ALWAYS);
        HBox top = new HBox(20, score, text, spacer, again, export);
        top.setAlignment(Pos.CENTER_LEFT);
        spacer.setMinWidth(0);
        HBox.setHgrow(spacer, Priority.NEVER);
        VBox header = new VBox(6, top, status);
        header.getStyleClass().add("eval-header");
        return header;
    }

    private void exportReport() {
        Window window = root.getScene() == null ? null : root.getScene().getWindow();
        saveAs.apply(window).ifPresent(file -> {
            exportMessage.setText("Writing the report…");
            vm.exportReport(file, exportMessage::setText);
        });
    }

    // ---- per category ---------------------------------------------------------------------------

    private Node buildCategories() {
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

    // ---- confusion matrix and its pairs ---------------------------------------------------------

    private Node buildConfusion() {
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

    private Node buildPairs() {
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

    // ---- queries, worst first, and the selected one --------------------------------------------

    private Node buildQueries() {
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
        return section("Queries, worst first", "evalQueriesTitle", list);
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
            box = new HBox(10, frame, precision, chip, name);
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

    private Node buildSelected() {
        Label title = new Label("Select a query");
        title.setId("evalSelectedTitle");
        title.getStyleClass().add("section-title");
        HBox cards = new HBox(10);
        cards.setId("evalSelected");
        ResultCard query = new ResultCard(thumbnails, CARD_SIDE);
        query.setId("eval-query");
        List<ResultCard> results = new java.util.ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            ResultCard card = new ResultCard(thumbnails, CARD_SIDE);
            results.add(card);
        }
        Label arrow = new Label("→");
        arrow.getStyleClass().add("eval-arrow-large");
        cards.getChildren().add(query);
        cards.getChildren().add(arrow);
        cards.getChildren().addAll(results);
        cards.setAlignment(Pos.TOP_LEFT);
        Runnable refresh = () -> {
            QueryScore q = vm.selectedQueryProperty().get();
            cards.setVisible(q != null);
            if (q == null) {
                title.setText("Select a query");
                return;
            }
            title.setText(String.format(Locale.ROOT, "Its top 5 · P@5 %.2f%s", q.precision(),
                    q.cutoff() < 5 ? " (judged on the first " + q.cutoff() + ": its category has only " + q.cutoff() + " other photos)" : ""));
            query.showQuery(q.entry(), String.format(Locale.ROOT, "P@5 %.2f", q.precision()));
            for (int i = 0; i < 5; i++) {
                ResultCard card = results.get(i);
                card.setId("eval-match-" + (i + 1));
                if (i < q.top().size()) {
                    Match m = q.top().get(i);
                    card.showMatch(m);
                    card.setId("eval-match-" + (i + 1));
                    card.setVisible(true);
                } else {
                    card.setVisible(false);
                }
            }
        };
        vm.selectedQueryProperty().addListener((o, a, b) -> refresh.run());
        refresh.run();
        return new VBox(6, title, cards);
    }

    private static Node section(String title, String id, Node content) {
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
