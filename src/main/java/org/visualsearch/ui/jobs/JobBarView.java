package org.visualsearch.ui.jobs;

import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;

/** The bar above the status bar while a job runs: title, progress, its line, Pause/Resume and Cancel. */
public final class JobBarView {
    private final HBox root;

    public JobBarView(JobViewModel job) {
        Label title = new Label();
        title.getStyleClass().add("job-title");
        title.textProperty().bind(job.titleProperty());
        ProgressBar bar = new ProgressBar();
        bar.setId("jobProgress");
        bar.setPrefWidth(320);
        bar.progressProperty().bind(job.progressProperty());
        Label message = new Label();
        message.setId("jobMessage");
        message.textProperty().bind(job.messageProperty());
        message.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(message, Priority.ALWAYS);
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
        root = new HBox(12, title, bar, message, pause, cancel);
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
