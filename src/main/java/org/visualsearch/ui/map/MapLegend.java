package org.visualsearch.ui.map;

import java.util.TreeSet;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.paint.Color;
import org.visualsearch.core.search.GalleryEntry;
import org.visualsearch.core.search.IndexedGallery;
import org.visualsearch.ui.gallery.CategoryColors;

/**
 * Above the map: the categories' colours and what the query's marks mean, and one line saying
 * how much the map distorts the query's neighbourhood.
 */
final class MapLegend {
    private final MapViewModel vm;
    private final FlowPane legend = new FlowPane(8, 6);
    private final Label distortionText = new Label();

    MapLegend(MapViewModel vm) {
        this.vm = vm;
        legend.setId("mapLegend");
        distortionText.setId("mapDistortionText");
        distortionText.setWrapText(true);
        distortionText.getStyleClass().add("map-distortion");
    }

    FlowPane legend() {
        return legend;
    }

    Label distortionText() {
        return distortionText;
    }

    /** The categories of the gallery on the map (at most 16), then the keys. */
    void rebuild() {
        legend.getChildren().clear();
        IndexedGallery g = vm.projectedGalleryProperty().get();
        if (g == null) {
            return;
        }
        TreeSet<String> categories = new TreeSet<>();
        boolean unlabelled = false;
        for (GalleryEntry e : g.entries()) {
            if (e.category() == null) {
                unlabelled = true;
            } else if (categories.size() < 16) {
                categories.add(e.category());
            }
        }
        for (String c : categories) {
            legend.getChildren().add(CategoryColors.chip(c));
        }
        if (unlabelled) {
            legend.getChildren().add(CategoryColors.chip(null));
        }
        legend.getChildren().addAll(key(MapPainter.QUERY, "query", Mark.DOT),
                key(MapPainter.LINE, "line: one of its true top 5 (full space)", Mark.LINE),
                key(Color.web("#57606a"), "dashed: the circle its true top 5 span on the map", Mark.DASHED),
                key(MapPainter.INTRUDER, "ringed: inside that circle, yet not in the true top 5", Mark.RING));
        if (vm.highlightedProperty().get() != null) {
            legend.getChildren().add(key(MapPainter.HIGHLIGHT, "thick ring: the photo you picked (kept when you switch A/B)", Mark.THICK));
        }
    }

    private enum Mark { DOT, LINE, DASHED, RING, THICK }

    private static Label key(Color color, String text, Mark mark) {
        Canvas icon = new Canvas(16, 16);
        GraphicsContext g = icon.getGraphicsContext2D();
        g.setStroke(color);
        switch (mark) {
            case DOT -> {
                g.setFill(color);
                g.fillOval(2, 2, 12, 12);
                g.setStroke(Color.BLACK);
                g.strokeOval(2, 2, 12, 12);
            }
            case DASHED -> {
                g.setLineDashes(3, 2);
                g.strokeOval(1, 1, 14, 14);
            }
            case LINE -> {
                g.setLineWidth(2);
                g.strokeLine(1, 13, 15, 3);
            }
            case RING -> {
                g.setLineWidth(2.5);
                g.strokeOval(2, 2, 12, 12);
            }
            case THICK -> {
                g.setLineWidth(3.5);
                g.strokeOval(2.5, 2.5, 11, 11);
            }
        }
        Label label = new Label(text, icon);
        label.getStyleClass().add("map-key");
        return label;
    }

    void updateDistortionText() {
        if (vm.queryOnMapProperty().get() == null) {
            distortionText.setText(vm.sideProperty().get() == MapViewModel.Side.B
                    ? "Under model B the map places a photo you pick (click one, or pick a query in Compare) with its true top 5 under B."
                    : "Search with a photo (or click one here) to see its true top 5 on the map.");
            return;
        }
        int n = vm.intruders().size();
        String underB = vm.sideProperty().get() == MapViewModel.Side.B
                ? "Model B: the picked photo is the query, with lines to its true top 5 under B. " : "";
        distortionText.setText(underB + (n == 0
                ? "No photo looks nearer to the query on this map than its true top 5: here the map keeps that neighbourhood."
                : String.format("%,d photo%s look%s nearer to the query on this map than its true top 5 (ringed): "
                        + "the map squeezes %,d-dimensional distances into 2, so nearness on it is only a hint.",
                        n, n == 1 ? "" : "s", n == 1 ? "s" : "", dimension())));
    }

    private int dimension() {
        IndexedGallery g = vm.projectedGalleryProperty().get();
        return g == null ? 0 : g.vectors().dimension();
    }
}
