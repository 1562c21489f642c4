package org.visualsearch.ui.window;

import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignB;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;
import org.visualsearch.ui.common.Controls;

/** The bottom line of the window: model, gallery size, index state, problems (a button), last search time. */
public final class StatusBarView {
    private final HBox root;

    /** @param showProblems opens the problems list */
    public StatusBarView(StatusBarModel model, Runnable showProblems) {
        Label modelLabel = Controls.iconLabel("statusModel", MaterialDesignB.BRAIN);
        modelLabel.textProperty().bind(model.modelText());
        Label count = Controls.iconLabel("statusCount", MaterialDesignI.IMAGE_MULTIPLE_OUTLINE);
        count.textProperty().bind(model.countText());
        Label index = Controls.iconLabel("statusIndex", MaterialDesignD.DATABASE_OUTLINE);
        index.textProperty().bind(model.indexState());
        Label timing = Controls.iconLabel("statusTiming", MaterialDesignI.IMAGE_SEARCH_OUTLINE);
        timing.textProperty().bind(model.timingText());
        Button problems = new Button("", new FontIcon(MaterialDesignA.ALERT_OUTLINE));
        problems.setId("statusProblems");
        problems.getStyleClass().addAll("flat", "status-problems");
        problems.textProperty().bind(model.problemsText());
        problems.setTooltip(new Tooltip("Files that could not be indexed, and why"));
        problems.setOnAction(e -> showProblems.run());
        problems.visibleProperty().bind(model.hasProblems());
        problems.managedProperty().bind(problems.visibleProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        root = new HBox(18, modelLabel, new Separator(Orientation.VERTICAL), count,
                new Separator(Orientation.VERTICAL), index, problems, spacer, timing);
        root.setId("statusBar");
        root.getStyleClass().add("status-bar");
        root.setAlignment(Pos.CENTER_LEFT);
    }

    public Node root() {
        return root;
    }
}
