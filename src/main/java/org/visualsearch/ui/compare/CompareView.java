package org.visualsearch.ui.compare;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.visualsearch.core.comparison.ModelComparison;
import org.visualsearch.ui.gallery.ThumbnailCache;
import org.visualsearch.app.ModelChoice;
import static org.visualsearch.ui.compare.CompareText.fmt;
import static org.visualsearch.ui.compare.CompareText.signed;

/**
 * Two models side by side on the same photos: both mP@5, the per-category table with the
 * difference, the queries whose P@5 changed most, and one query's top-5 under A and under B,
 * each result with its rank and distance under both and a badge for how it moved. The header
 * and scores are here; {@link CompareTables} and {@link CompareQueryPanel} are the rest.
 */
public final class CompareView {
    private final CompareViewModel vm;
    private final VBox root = new VBox(12);
    private final Label scoreA = new Label();
    private final Label scoreB = new Label();
    private final Label scoreDiff = new Label();
    private final CompareTables tables;
    private final CompareQueryPanel query;

    public CompareView(CompareViewModel vm, ThumbnailCache thumbnails) {
        this.vm = vm;
        this.tables = new CompareTables(vm, thumbnails);
        this.query = new CompareQueryPanel(vm, thumbnails);
        root.setId("compareView");
        root.setPadding(new Insets(14, 18, 14, 18));
        root.getChildren().addAll(buildHeader(), buildScores(), tables.build(), query.build());
        vm.comparisonProperty().addListener((o, a, c) -> showComparison(c));
        vm.queryProperty().addListener((o, a, q) -> query.show(q));
        showComparison(vm.comparisonProperty().get());
        query.show(vm.queryProperty().get());
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

    // ---- one query under both models -----------------------------------------------------------

    private void showComparison(ModelComparison c) {
        if (c == null) {
            scoreA.setText("A  mP@5 –");
            scoreB.setText("B  mP@5 –");
            scoreDiff.setText("");
            tables.show(null);
            return;
        }
        scoreA.setText("A · " + c.modelA().name() + "   mP@5 " + fmt(c.meanPrecisionA()));
        scoreB.setText("B · " + c.modelB().name() + "   mP@5 " + fmt(c.meanPrecisionB()));
        scoreDiff.setText("B − A  " + signed(c.difference()));
        scoreDiff.setStyle("-fx-font-size: 20px; -fx-font-weight: bold; -fx-text-fill: "
                + (c.difference() > 0 ? "#1a7f37" : c.difference() < 0 ? "#cf222e" : "-color-fg-default") + ";");
        tables.show(c);
    }

}
