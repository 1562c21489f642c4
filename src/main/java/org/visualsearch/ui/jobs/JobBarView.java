package org.visualsearch.ui.jobs;

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
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;

/**
 * The bar above the status bar while a job runs: the title over its line, the progress bar,
 * Pause/Resume and Cancel. The title and buttons are never cut short; the line has the rest of
 * the row (and a tooltip).
 */
public final class JobBarView {
    private final HBox root;

    public JobBarView(JobViewModel job) {
        Label title = new Label();
        title.getStyleClass().add("job-title");
        title.setId("jobTitle");
        title.textProperty().bind(job.titleProperty());
        title.setMinWidth(Region.USE_PREF_SIZE); // "Switching to Colour histogram (baseline)", whole
        ProgressBar bar = new ProgressBar();
        bar.setId("jobProgress");
        bar.setPrefWidth(240);
        bar.setMinWidth(80); // the bar gives way on a narrow window, not the words
        bar.progressProperty().bind(job.progressProperty());
        Label message = new Label();
        message.setId("jobMessage");
        message.textProperty().bind(job.messageProperty());
        message.setMaxWidth(Double.MAX_VALUE);
        message.setMinWidth(0);
        VBox words = new VBox(2, title, message); // the title over its line: each gets the row's free width
        words.setAlignment(Pos.CENTER_LEFT);
        words.setMinWidth(0);
        HBox.setHgrow(words, Priority.ALWAYS);
        Tooltip full = new Tooltip();
        full.textProperty().bind(job.messageProperty());
        message.setTooltip(full);
        Button pause = new Button();
        pause.setId("jobPause");
        pause.textProperty().bind(Bindings.when(job.pausedProperty()).then("Resume").otherwise("Pause"));
        pause.graphicProperty().bind(Bindings.createObjectBinding(() -> new FontIcon(job.pausedProperty().get()
                ? MaterialDesignP.PLAY_CIRCLE_OUTLINE : MaterialDesignP.PAUSE_CIRCLE_OUTLINE), job.pausedProperty()));
        pause.setOnAction(e -> job.togglePause());
        pause.visibleProperty().bind(job.pausableProperty());
        pause.managedProperty().bind(pause.visibleProperty());
        Button cancel = new Button("Cancel", new FontIcon(MaterialDesignC.CLOSE_CIRCLE_OUTLINE));
        cancel.setId("jobCancel");
        cancel.setOnAction(e -> job.cancel());
        pause.setMinWidth(Region.USE_PREF_SIZE); // never "P…" and "Ca…"
        cancel.setMinWidth(Region.USE_PREF_SIZE);
        root = new HBox(12, words, bar, pause, cancel);
        root.setId("jobBar");
        root.getStyleClass().add("job-bar");
        root.setAlignment(Pos.CENTER_LEFT);
        root.visibleProperty().bind(job.runningProperty());
        root.managedProperty().bind(root.visibleProperty());
    }

    public Node root() {
        return root;
    }
}
