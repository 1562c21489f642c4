package org.visualsearch.ui.compare;

import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.visualsearch.core.comparison.CategoryRow;
import org.visualsearch.core.comparison.ModelComparison;
import org.visualsearch.core.comparison.QueryComparison;
import org.visualsearch.core.comparison.QueryScore;
import org.visualsearch.core.comparison.ResultRow;
import org.visualsearch.core.search.GalleryEntry;
import org.visualsearch.ui.gallery.CategoryColors;
import org.visualsearch.ui.gallery.ThumbnailCache;
import org.visualsearch.app.ModelChoice;

/**
 * Two models side by side on the same photos: both mP@5, the per-category table with the
 * difference, the queries whose P@5 changed most, and one query's top-5 under A and under B,
 * each result with its rank and distance under both and a badge for how it moved.
 */
public final class CompareView {
    private static final double THUMB = 100;

    private final CompareViewModel vm;
    private final ThumbnailCache thumbnails;
    private final VBox root = new VBox(12);
    private final Label scoreA = new Label();
    private final Label scoreB = new Label();
    private final Label scoreDiff = new Label();
    private final TableView<CategoryRow> table = new TableView<>();
    private final ListView<QueryScore> changed = new ListView<>();
    private final Label queryTitle = new Label();
    private final ImageView queryImage = new ImageView();
    private final HBox rowA = new HBox(10);
    private final HBox rowB = new HBox(10);
    private final Label rowATitle = new Label();
    private final Label rowBTitle = new Label();

    public CompareView(CompareViewModel vm, ThumbnailCache thumbnails) {
        this.vm = vm;
        this.thumbnails = thumbnails;
        root.setId("compareView");
        root.setPadding(new Insets(14, 18, 14, 18));
        root.getChildren().addAll(buildHeader(), buildScores(), buildTables(), buildQuery());
        vm.comparisonProperty().addListener((o, a, c) -> showComparison(c));
        vm.queryProperty().addListener((o, a, q) -> showQuery(q));
        showComparison(vm.comparisonProperty().get());
        showQuery(vm.queryProperty().get());
    }

    public Parent root() {
        return root;
    }

    /** The view in a vertical scroll pane: it is taller than a small window. */
    public Parent scrollableRoot() {
        ScrollPane scroll = new ScrollPane(root);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        return scroll;
    }

    public static Stage show(Window owner, CompareView view) {
        Stage stage = new Stage();
        stage.setTitle("Compare two models — Visual Search Simulator");
        if (owner != null) {
            stage.initOwner(owner);
        }
        ScrollPane scroll = new ScrollPane(view.root());
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        Scene scene = new Scene(scroll, 1240, 1000);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        stage.setScene(scene);
        stage.show();
        return stage;
    }

    // ---- header: the two models, Compare, progress --------------------------------------------

    private Region buildHeader() {
        Label title = new Label("Compare two models");
        title.getStyleClass().add("section-title");
        title.setMinWidth(Region.USE_PREF_SIZE);
        Label a = new Label();
        a.setId("compareModelA");
        a.textProperty().bind(Bindings.createStringBinding(() -> "A: " + label(vm.modelAProperty().getValue()),
                vm.modelAProperty()));
        a.setMinWidth(Region.USE_PREF_SIZE);
        a.getStyleClass().add("compare-model");
        Label vs = new Label("versus  B:");
        vs.setMinWidth(Region.USE_PREF_SIZE);
        ComboBox<ModelChoice> b = new ComboBox<>(vm.choicesForB());
        b.setId("compareModelB");
        b.valueProperty().bindBidirectional(vm.modelBProperty());
        b.setMinWidth(Region.USE_PREF_SIZE);
        Button compare = new Button("Compare");
        compare.setId("compareButton");
        compare.getStyleClass().add("accent");
        compare.setOnAction(e -> vm.compare());
        compare.disableProperty().bind(vm.runningProperty().or(vm.modelBProperty().isNull()));
        compare.setMinWidth(Region.USE_PREF_SIZE);
        ProgressBar bar = new ProgressBar();
        bar.setId("compareProgress");
        bar.setPrefWidth(200);
        bar.progressProperty().bind(vm.progressProperty());
        Label message = new Label();
        message.setId("compareMessage");
        message.textProperty().bind(vm.messageProperty());
        message.setMinWidth(0);
        Button cancel = new Button("Cancel");
        cancel.setId("compareCancel");
        cancel.setOnAction(e -> vm.cancel());
        cancel.visibleProperty().bind(vm.runningProperty());
        bar.visibleProperty().bind(vm.runningProperty());
        cancel.managedProperty().bind(cancel.visibleProperty());
        bar.managedProperty().bind(bar.visibleProperty());
        HBox header = new HBox(12, title, a, vs, b, compare, bar, message, cancel);
        header.setMinWidth(0);
        header.setAlignment(Pos.CENTER_LEFT);
        Label problem = new Label();
        problem.setId("compareProblem");
        problem.textProperty().bind(vm.problemProperty());
        problem.getStyleClass().add("compare-problem");
        problem.setStyle("-fx-text-fill: -color-danger-fg;");
        problem.visibleProperty().bind(vm.problemProperty().isNotNull());
        problem.managedProperty().bind(problem.visibleProperty());
        problem.setWrapText(true);
        return new VBox(6, header, problem);
    }

    private static String label(ModelChoice choice) {
        return choice == null ? "(no model)" : choice.label();
    }

    // ---- scores ------------------------------------------------------------------------------

    private Region buildScores() {
        scoreA.setId("compareScoreA");
        scoreB.setId("compareScoreB");
        scoreDiff.setId("compareScoreDiff");
        for (Label l : List.of(scoreA, scoreB, scoreDiff)) {
            l.setStyle("-fx-font-size: 20px; -fx-font-weight: bold;");
            l.setMinWidth(Region.USE_PREF_SIZE);
        }
        Label hint = new Label("mP@5: each photo in turn searches the others (leave-one-out); P@5 is the share of its "
                + "5 nearest that are of its category; the mean over all photos is the challenge's score.");
        hint.setWrapText(true);
        hint.setMinWidth(0);
        hint.getStyleClass().add("section-subtitle");
        // wraps onto two lines in a narrow window rather than pushing "B − A" off screen
        javafx.scene.layout.FlowPane scores = new javafx.scene.layout.FlowPane(32, 4, scoreA, scoreB, scoreDiff);
        scores.setAlignment(Pos.CENTER_LEFT);
        return new VBox(4, scores, hint);
    }

    private Region buildTables() {
        table.setId("compareTable");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(textColumn("Category", CategoryRow::category, 140));
        table.getColumns().add(textColumn("Queries", r -> Integer.toString(r.queries()), 95));
        table.getColumns().add(textColumn("A  P@5", r -> fmt(r.precisionA()), 90));
        table.getColumns().add(textColumn("B  P@5", r -> fmt(r.precisionB()), 90));
        TableColumn<CategoryRow, String> diff = textColumn("B − A", r -> signed(r.difference()), 90);
        diff.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setStyle(empty || item == null ? "" : item.startsWith("+") ? "-fx-text-fill: #1a7f37; -fx-font-weight: bold;"
                        : item.startsWith("−") ? "-fx-text-fill: #cf222e; -fx-font-weight: bold;" : "");
            }
        });
        table.getColumns().add(diff);
        table.setFixedCellSize(36);
        // every category in view without scrolling, up to ten
        table.prefHeightProperty().bind(Bindings.createDoubleBinding(
                () -> 44.0 + 36.0 * Math.max(3, Math.min(10, table.getItems().size())), table.getItems()));
        table.setMinHeight(Region.USE_PREF_SIZE);
        table.setPrefWidth(540);
        table.setMinWidth(460);
        table.setPlaceholder(new Label("Pick model B and press Compare."));

        changed.setId("compareChanged");
        changed.prefHeightProperty().bind(table.prefHeightProperty());
        changed.setPlaceholder(new Label("The queries whose P@5 changed most appear here."));
        changed.setCellFactory(l -> new ChangedCell());
        changed.getSelectionModel().selectedItemProperty().addListener((o, a, q) -> {
            if (q != null) {
                vm.selectQuery(q.index());
            }
        });
        Bindings.bindContent(changed.getItems(), vm.changedMost());
        Label tableTitle = new Label("Per category");
        tableTitle.getStyleClass().add("compare-subtitle");
        tableTitle.setStyle("-fx-font-weight: bold; -fx-font-size: 15px;");
        Label changedTitle = new Label("The " + CompareViewModel.CHANGED_SHOWN
                + " queries whose P@5 changed most (click one to see both top 5s)");
        changedTitle.setStyle("-fx-font-weight: bold; -fx-font-size: 15px;");
        VBox left = new VBox(6, tableTitle, table);
        VBox right = new VBox(6, changedTitle, changed);
        HBox.setHgrow(right, Priority.ALWAYS);
        return new HBox(18, left, right);
    }

    private static TableColumn<CategoryRow, String> textColumn(String title, java.util.function.Function<CategoryRow, String> value,
                                                             double width) {
        TableColumn<CategoryRow, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        column.setPrefWidth(width);
        column.setSortable(false);
        return column;
    }

    private final class ChangedCell extends ListCell<QueryScore> {
        private final ImageView thumb = new ImageView();
        private final Label name = new Label();
        private final Label chip = CategoryColors.chip(null);
        private final Label scores = new Label();
        private final HBox box = new HBox(10, thumb, name, chip, scores);

        ChangedCell() {
            thumb.setFitWidth(44);
            thumb.setFitHeight(33);
            thumb.setPreserveRatio(true);
            box.setAlignment(Pos.CENTER_LEFT);
            name.setMinWidth(120);
            name.setMaxWidth(220);
            name.setTextOverrun(OverrunStyle.CENTER_ELLIPSIS);
            scores.setStyle("-fx-font-family: monospace; -fx-font-size: 14px;");
            scores.setMinWidth(Region.USE_PREF_SIZE);
        }

        @Override
        protected void updateItem(QueryScore q, boolean empty) {
            super.updateItem(q, empty);
            if (empty || q == null) {
                setGraphic(null);
                return;
            }
            name.setText(fileName(q.entry()));
            CategoryColors.setChip(chip, q.entry().category());
            scores.setText(String.format(Locale.ROOT, "A %.2f → B %.2f  (%s)", q.precisionA(), q.precisionB(), signed(q.change())));
            thumb.setImage(null);
            GalleryEntry entry = q.entry();
            thumbnails.request(entry, image -> {
                if (getItem() != null && getItem().entry().equals(entry)) {
                    thumb.setImage(image);
                }
            });
            setGraphic(box);
        }
    }

    // ---- one query under both models -----------------------------------------------------------

    private Region buildQuery() {
        queryTitle.setId("compareQueryTitle");
        queryTitle.setStyle("-fx-font-size: 17px; -fx-font-weight: bold;");
        queryTitle.setWrapText(true);
        queryImage.setFitWidth(150);
        queryImage.setFitHeight(150);
        queryImage.setPreserveRatio(true);
        rowA.setId("compareRowA");
        rowB.setId("compareRowB");
        rowATitle.setStyle("-fx-font-weight: bold; -fx-font-size: 15px;");
        rowBTitle.setStyle("-fx-font-weight: bold; -fx-font-size: 15px;");
        VBox rows = new VBox(8, rowATitle, rowA, rowBTitle, rowB);
        StackPane query = new StackPane(queryImage);
        query.setMinWidth(160);
        query.setAlignment(Pos.TOP_CENTER);
        Label queryCaption = new Label("Query");
        queryCaption.setStyle("-fx-font-weight: bold; -fx-font-size: 15px;");
        HBox body = new HBox(16, new VBox(8, queryCaption, query), rows);
        Label badgeHelp = new Label("Under each result: its rank (#) and distance under the other model, which ranks it "
                + "higher (▲), lower (▼), the same (=) or outside its top 5 (✕). ✓ same category as the query, ✗ another.");
        badgeHelp.setWrapText(true);
        badgeHelp.setMinWidth(0);
        badgeHelp.getStyleClass().add("section-subtitle");
        VBox box = new VBox(8, queryTitle, body, badgeHelp);
        box.setId("compareQuery");
        box.visibleProperty().bind(vm.queryProperty().isNotNull());
        return box;
    }

    private void showComparison(ModelComparison c) {
        if (c == null) {
            scoreA.setText("A  mP@5 –");
            scoreB.setText("B  mP@5 –");
            scoreDiff.setText("");
            table.getItems().clear();
            return;
        }
        scoreA.setText("A · " + c.modelA().name() + "   mP@5 " + fmt(c.meanPrecisionA()));
        scoreB.setText("B · " + c.modelB().name() + "   mP@5 " + fmt(c.meanPrecisionB()));
        scoreDiff.setText("B − A  " + signed(c.difference()));
        scoreDiff.setStyle("-fx-font-size: 20px; -fx-font-weight: bold; -fx-text-fill: "
                + (c.difference() > 0 ? "#1a7f37" : c.difference() < 0 ? "#cf222e" : "-color-fg-default") + ";");
        table.getItems().setAll(c.categories());
    }

    private void showQuery(QueryComparison q) {
        rowA.getChildren().clear();
        rowB.getChildren().clear();
        if (q == null) {
            queryTitle.setText("");
            queryImage.setImage(null);
            return;
        }
        ModelComparison c = vm.comparisonProperty().get();
        queryTitle.setText(String.format(Locale.ROOT, "%s (%s): P@5 under A %s, under B %s", fileName(q.query()),
                q.query().categoryOrUnlabelled(), fmt(q.precisionA()), fmt(q.precisionB())));
        queryImage.setImage(null);
        GalleryEntry entry = q.query();
        thumbnails.request(entry, image -> {
            QueryComparison now = vm.queryProperty().get();
            if (now != null && now.query().equals(entry)) {
                queryImage.setImage(image);
            }
        });
        rowATitle.setText("Top 5 under A · " + (c == null ? "" : c.modelA().name()));
        rowBTitle.setText("Top 5 under B · " + (c == null ? "" : c.modelB().name()));
        for (ResultRow r : q.topA()) {
            rowA.getChildren().add(card(r, "a", "B", q.k()));
        }
        for (ResultRow r : q.topB()) {
            rowB.getChildren().add(card(r, "b", "A", q.k()));
        }
    }

    private Region card(ResultRow r, String row, String other, int k) {
        ImageView image = new ImageView();
        image.setFitWidth(THUMB);
        image.setFitHeight(THUMB * 0.75);
        image.setPreserveRatio(true);
        thumbnails.request(r.entry(), image::setImage);
        StackPane frame = new StackPane(image);
        frame.setPrefSize(THUMB + 8, THUMB * 0.75 + 8);
        frame.getStyleClass().add("match-frame");
        Label rank = new Label(String.format(Locale.ROOT, "#%d · %.3f", r.rank(), r.distance()));
        rank.setStyle("-fx-font-family: monospace; -fx-font-size: 16px; -fx-font-weight: bold;");
        Label chip = CategoryColors.chip(r.entry().category());
        Label mark = new Label(r.relevant() ? "✓" : "✗");
        mark.setStyle("-fx-font-size: 16px; -fx-font-weight: bold; -fx-text-fill: " + (r.relevant() ? "#1a7f37" : "#cf222e") + ";");
        HBox category = new HBox(6, mark, chip);
        category.setAlignment(Pos.CENTER_LEFT);
        Label badge = new Label(badge(r, other, k));
        badge.setId("compare-" + row + "-badge-" + r.rank());
        badge.setWrapText(true);
        badge.setMaxWidth(THUMB + 24);
        badge.setStyle("-fx-font-size: 13px; -fx-padding: 2 6 2 6; -fx-background-radius: 6; -fx-background-color: "
                + (r.otherRank() == r.rank() ? "#eaeef2" : r.otherRank() > k ? "#fff1e5" : "#ddf4ff") + ";");
        Label name = new Label(fileName(r.entry()));
        name.setMaxWidth(THUMB + 16);
        name.setTextOverrun(OverrunStyle.CENTER_ELLIPSIS);
        name.getStyleClass().add("match-name");
        VBox card = new VBox(5, frame, rank, category, badge, name);
        card.setId("compare-" + row + "-" + r.rank());
        card.getStyleClass().add("match-card");
        card.setPrefWidth(THUMB + 28);
        card.setMinWidth(THUMB + 28);
        return card;
    }

    /** How the other model placed this result. */
    static String badge(ResultRow r, String other, int k) {
        String where = String.format(Locale.ROOT, "#%d · %.3f", r.otherRank(), r.otherDistance());
        if (r.otherRank() == r.rank()) {
            return "= " + other + " too: " + where;
        }
        if (r.otherRank() > k) {
            return "✕ not in " + other + "'s top " + k + ": " + where;
        }
        return (r.otherRank() > r.rank() ? "▼ " + other + " lower: " : "▲ " + other + " higher: ") + where;
    }

    private static String fileName(GalleryEntry e) {
        return e.path().getFileName() == null ? e.path().toString() : e.path().getFileName().toString();
    }

    private static String fmt(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.3f", v);
    }

    private static String signed(double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        String s = String.format(Locale.ROOT, "%.3f", Math.abs(v));
        return v > 0.0005 ? "+" + s : v < -0.0005 ? "−" + s : "±" + s;
    }
}
