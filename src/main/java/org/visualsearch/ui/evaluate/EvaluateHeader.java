package org.visualsearch.ui.evaluate;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.visualsearch.core.evaluation.GalleryEvaluation;
import org.visualsearch.core.evaluation.ReferenceScores;

/**
 * The Evaluate view's header: the score beside the published references and the baseline, the
 * photos left out, the run's progress with Cancel, Evaluate and Export report….
 */
final class EvaluateHeader {
    private final EvaluateViewModel vm;
    private final Function<Window, Optional<Path>> saveAs;
    private final Node owner;
    private final Label exportMessage = new Label();

    /** @param owner the view whose window owns the save dialog */
    EvaluateHeader(EvaluateViewModel vm, Function<Window, Optional<Path>> saveAs, Node owner) {
        this.vm = vm;
        this.saveAs = saveAs;
        this.owner = owner;
    }

    Node build() {
        Label title = new Label();
        title.setId("evalTitle");
        title.getStyleClass().add("eval-title");
        title.textProperty().bind(Bindings.createStringBinding(() -> {
            GalleryEvaluation e = vm.evaluationProperty().get();
            return e == null ? "Evaluate the model on the gallery"
                    : e.model().name() + " · " + vm.galleryDescription(); // the counts are in the line under the score
        }, vm.evaluationProperty()));
        title.setMinWidth(0);
        title.setWrapText(true); // a long model name takes two lines rather than being cut off

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
        Window window = owner.getScene() == null ? null : owner.getScene().getWindow();
        saveAs.apply(window).ifPresent(file -> {
            exportMessage.setText("Writing the report…");
            vm.exportReport(file, exportMessage::setText);
        });
    }
}
