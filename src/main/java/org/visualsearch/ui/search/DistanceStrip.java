package org.visualsearch.ui.search;

import java.util.List;
import java.util.Locale;
import javafx.collections.ListChangeListener;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.visualsearch.ui.gallery.CategoryColors;
import org.visualsearch.ui.gallery.GalleryTile;

/**
 * Every gallery photo's distance to the query, by rank: one bar per photo coloured by its
 * category, the rank-5 cut marked. Beyond the first {@value #DENSE} ranks an even subsample is
 * drawn (and the caption says so), so a 100,000-photo gallery redraws as fast as a small one.
 */
final class DistanceStrip extends VBox {
    static final int DENSE = 300;
    static final int SAMPLED = 300;
    private static final double HEIGHT = 44;

    private final SearchViewModel search;
    private final Canvas canvas = new Canvas();
    private final Label caption = new Label();

    DistanceStrip(SearchViewModel search) {
        this.search = search;
        setId("distanceStrip");
        getStyleClass().add("distance-strip");
        caption.setId("distanceStripCaption");
        caption.getStyleClass().add("distance-strip-caption");
        caption.setMinWidth(0);
        Pane holder = new Pane(canvas);
        holder.setMinHeight(HEIGHT);
        holder.setPrefHeight(HEIGHT);
        canvas.widthProperty().bind(holder.widthProperty());
        canvas.setHeight(HEIGHT);
        canvas.widthProperty().addListener((o, old, now) -> redraw());
        setSpacing(2);
        getChildren().addAll(caption, holder);
        visibleProperty().bind(search.rankedProperty());
        managedProperty().bind(visibleProperty());
        search.tiles().addListener((ListChangeListener<GalleryTile>) change -> redraw());
        search.rankedProperty().addListener((o, was, now) -> redraw());
        redraw();
    }

    /** Positions (0-based ranks) drawn for a ranking of {@code size}: all of the first {@link #DENSE}, then an even subsample. */
    static int[] sampledRanks(int size) {
        if (size <= DENSE + SAMPLED) {
            int[] all = new int[size];
            for (int i = 0; i < size; i++) {
                all[i] = i;
            }
            return all;
        }
        int[] ranks = new int[DENSE + SAMPLED];
        for (int i = 0; i < DENSE; i++) {
            ranks[i] = i;
        }
        double step = (double) (size - DENSE) / SAMPLED;
        for (int i = 0; i < SAMPLED; i++) {
            ranks[DENSE + i] = DENSE + (int) Math.min(size - 1 - DENSE, Math.round((i + 1) * step) - 1);
        }
        return ranks;
    }

    /** The caption's text for the shown ranking (for tests, too). */
    String captionText() {
        return caption.getText();
    }

    private void redraw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.clearRect(0, 0, w, h);
        List<GalleryTile> tiles = search.tiles();
        if (!search.rankedProperty().get() || tiles.isEmpty() || !tiles.get(0).ranked() || w <= 0) {
            caption.setText("");
            return;
        }
        int size = tiles.size();
        int[] ranks = sampledRanks(size);
        float max = 0;
        for (int rank : ranks) {
            max = Math.max(max, tiles.get(rank).distance());
        }
        double barWidth = w / ranks.length;
        for (int i = 0; i < ranks.length; i++) {
            GalleryTile tile = tiles.get(ranks[i]);
            double barHeight = max == 0 ? 0 : Math.max(1, tile.distance() / max * (h - 2));
            g.setFill(Color.web(CategoryColors.colorOf(tile.entry().category())));
            g.fillRect(i * barWidth, h - barHeight, Math.max(1, barWidth - (barWidth > 3 ? 1 : 0)), barHeight);
        }
        int cut = Math.min(SearchViewModel.TOP_K, size);
        double cutX = cut * barWidth;
        g.setStroke(Color.web("#d1242f"));
        g.setLineWidth(2);
        g.strokeLine(cutX, 0, cutX, h);
        StringBuilder text = new StringBuilder("Distance by rank (bars coloured by category; red line: the top-5 cut)");
        if (size > SearchViewModel.TOP_K) {
            float gap = tiles.get(SearchViewModel.TOP_K).distance() - tiles.get(SearchViewModel.TOP_K - 1).distance();
            text.append(String.format(Locale.ROOT, " · gap #5→#6: %.3f", gap));
        }
        if (ranks.length < size) {
            text.append(String.format(Locale.ROOT, " · ranks %,d–%,d: %,d of %,d drawn",
                    DENSE + 1, size, SAMPLED, size - DENSE));
        }
        caption.setText(text.toString());
    }
}
