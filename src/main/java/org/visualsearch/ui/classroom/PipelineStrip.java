package org.visualsearch.ui.classroom;

import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.ImageView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;

/**
 * The pipeline strip: photo → what the model receives → the vector as a heat strip (one cell per
 * number: blue below zero, red above), the top 5's vectors under it, each with its distance.
 */
public final class PipelineStrip {
    private static final double MAX_INPUT_SIDE = 256;
    private final HBox root = new HBox(16);
    private final PipelineViewModel model;

    public PipelineStrip(PipelineViewModel model) {
        this.model = model;
        root.setId("pipelineStrip");
        root.getStyleClass().add("pipeline-strip");
        root.setAlignment(Pos.TOP_LEFT);
        model.pipelineProperty().addListener((obs, old, now) -> show(now));
        show(model.pipelineProperty().get());
    }

    private void show(PipelineViewModel.Pipeline p) {
        root.getChildren().clear();
        if (p == null) {
            Label wait = new Label("Search for a photo to see how it becomes a vector");
            wait.getStyleClass().add("pipeline-caption");
            root.getChildren().add(wait);
            return;
        }
        ImageView decoded = new ImageView(p.decoded());
        decoded.setPreserveRatio(true);
        decoded.setFitHeight(160);
        decoded.setFitWidth(220);
        ImageView input = new ImageView(p.input());
        input.setId("pipelineInput");
        if (p.input() != null && Math.max(p.input().getWidth(), p.input().getHeight()) > MAX_INPUT_SIDE) {
            input.setPreserveRatio(true); // a GUIE input can be 512 px: shown smaller, its size in the caption
            input.setFitWidth(MAX_INPUT_SIDE);
            input.setFitHeight(MAX_INPUT_SIDE);
        }
        root.getChildren().addAll(
                stage("1. The photo, decoded", decoded, p.decodedText()), arrow(),
                stage("2. What the model receives", input, p.inputText()), arrow(),
                vectors(p));
    }

    private static Node stage(String title, Node picture, String caption) {
        Label t = new Label(title);
        t.getStyleClass().add("pipeline-title");
        Label c = new Label(caption);
        c.getStyleClass().add("pipeline-caption");
        c.setWrapText(true);
        c.setMaxWidth(260);
        VBox box = new VBox(6, t, picture, c);
        box.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return box;
    }

    private static Node arrow() {
        FontIcon icon = new FontIcon(MaterialDesignA.ARROW_RIGHT_BOLD);
        icon.getStyleClass().add("pipeline-arrow");
        VBox box = new VBox(icon);
        box.setAlignment(Pos.CENTER);
        return box;
    }

    private Node vectors(PipelineViewModel.Pipeline p) {
        float maxAbs = 1e-6f;
        for (PipelineViewModel.VectorRow row : p.rows()) {
            for (float v : row.values()) {
                maxAbs = Math.max(maxAbs, Math.abs(v));
            }
        }
        GridPane grid = new GridPane();
        grid.setId("pipelineVectors");
        grid.setHgap(10);
        grid.setVgap(4);
        int dimension = p.rows().get(0).values().length;
        int r = 0;
        for (PipelineViewModel.VectorRow row : p.rows()) {
            Label name = new Label(row.label());
            name.getStyleClass().add("pipeline-row-label");
            Label distance = new Label(Double.isNaN(row.distance()) ? "distance"
                    : String.format(Locale.ROOT, "%.3f", row.distance()));
            distance.getStyleClass().add(Double.isNaN(row.distance()) ? "pipeline-caption" : "pipeline-distance");
            name.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            distance.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            // the distance before the strip: a narrow window may cut the strip's end, never the number
            grid.addRow(r++, name, distance, heat(row.values(), maxAbs));
        }
        Label t = new Label("3. The " + dimension + " numbers the model gives back");
        t.getStyleClass().add("pipeline-title");
        Label c = new Label("one cell per number: blue below 0, red above. The distance is the length of the"
                + " difference between two rows: √Σ(qᵢ − gᵢ)²");
        c.getStyleClass().add("pipeline-caption");
        c.setWrapText(true);
        VBox box = new VBox(6, t, grid, c);
        HBox.setHgrow(box, Priority.ALWAYS);
        box.setMinWidth(0);
        return box;
    }

    /** A row of cells, one per number, coloured on a blue-white-red scale. */
    private static Node heat(float[] values, float maxAbs) {
        HBox cells = new HBox(0);
        cells.getStyleClass().add("heat-strip");
        double cell = values.length <= 64 ? 6 : Math.max(1, 384.0 / values.length);
        for (float v : values) {
            Rectangle r = new Rectangle(cell, 22, color(v / maxAbs));
            cells.getChildren().add(r);
        }
        return cells;
    }

    static Color color(double t) {
        double a = Math.max(-1, Math.min(1, t));
        return a < 0 ? Color.WHITE.interpolate(Color.rgb(33, 102, 172), -a) : Color.WHITE.interpolate(Color.rgb(178, 24, 43), a);
    }

    public Node root() {
        ScrollPane scroll = new ScrollPane(root);
        scroll.setFitToWidth(true);
        scroll.setId("pipelineScroll");
        return scroll;
    }
}
