package org.visualsearch.core.occlusion;

import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * The heat painted over the query: red where hiding the square moved the photo away from its
 * match (the stronger, the more opaque), blue where it brought it closer, nothing where it
 * changed nothing; the strongest square outlined.
 */
public final class HeatmapOverlay {
    /** Away from the match: the squares that made the two neighbours. */
    public static final Color AWAY = new Color(220, 20, 40);
    /** Closer to the match. */
    public static final Color CLOSER = new Color(30, 100, 230);
    /** Opacity of the strongest square. */
    static final float MAX_ALPHA = 0.72f;

    private HeatmapOverlay() {
    }

    /** A new picture: {@code query} (the one the heatmap was computed on) with the heat over it. */
    public static BufferedImage paint(BufferedImage query, SimilarityHeatmap heatmap) {
        if (query.getWidth() != heatmap.width() || query.getHeight() != heatmap.height()) {
            throw new IllegalArgumentException("the heatmap is for a " + heatmap.width() + " x " + heatmap.height()
                    + " picture, not " + query.getWidth() + " x " + query.getHeight());
        }
        BufferedImage out = new BufferedImage(query.getWidth(), query.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.drawImage(query, 0, 0, null);
            double[] heat = heatmap.normalised();
            for (int i = 0; i < heat.length; i++) {
                float alpha = alpha(heat[i]);
                if (alpha < 0.02f) {
                    continue;
                }
                g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, alpha));
                g.setColor(heat[i] > 0 ? AWAY : CLOSER);
                Rectangle cell = heatmap.cells().get(i).cell();
                g.fillRect(cell.x, cell.y, cell.width, cell.height);
            }
            int strongest = heatmap.strongest();
            if (strongest >= 0) {
                Rectangle cell = heatmap.cells().get(strongest).cell();
                float stroke = Math.max(2, Math.min(query.getWidth(), query.getHeight()) / 120f);
                g.setComposite(AlphaComposite.SrcOver);
                g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
                g.setStroke(new BasicStroke(stroke));
                g.setColor(Color.WHITE);
                g.drawRect(cell.x, cell.y, cell.width - 1, cell.height - 1);
            }
        } finally {
            g.dispose();
        }
        return out;
    }

    /**
     * The opacity of a square: its heat to the power 1.5, so the few squares that matter stand out
     * from the many that moved the photo a little (hiding anything moves it a little).
     */
    static float alpha(double heat) {
        return (float) Math.pow(Math.min(1, Math.abs(heat)), 1.5) * MAX_ALPHA;
    }

    /** The colour and opacity of one square's normalised heat (-1..1), as painted. */
    public static Color colour(double heat) {
        int alpha = Math.round(alpha(heat) * 255);
        Color base = heat >= 0 ? AWAY : CLOSER;
        return new Color(base.getRed(), base.getGreen(), base.getBlue(), alpha);
    }
}
