package org.visualsearch.core.image;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;

/**
 * The one way the app resamples pixels (decoding, model input, thumbnails): bilinear, in quality
 * mode, onto a new opaque RGB canvas whose uncovered or transparent pixels are white (as viewers
 * show them), halving first on big reductions because one bilinear step aliases below half size.
 */
public final class Resampling {
    private Resampling() {
    }

    /** The image brought to exactly {@code w} x {@code h}, aspect ratio not kept. */
    public static BufferedImage scale(BufferedImage image, int w, int h) {
        return draw(halveUntilNear(image, w, h), w, h, 0, 0, w, h);
    }

    /** Halves the image while it stays at least {@code targetW} x {@code targetH}. */
    public static BufferedImage halveUntilNear(BufferedImage image, int targetW, int targetH) {
        BufferedImage current = image;
        while (current.getWidth() / 2 >= targetW && current.getHeight() / 2 >= targetH) {
            int w = current.getWidth() / 2;
            int h = current.getHeight() / 2;
            current = draw(current, w, h, 0, 0, w, h);
        }
        return current;
    }

    /** A new {@code outW} x {@code outH} image with {@code source} scaled into the given rectangle. */
    public static BufferedImage draw(BufferedImage source, int outW, int outH, int dx, int dy, int dw, int dh) {
        BufferedImage out = new BufferedImage(outW, outH, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas(out);
        try {
            g.drawImage(source, dx, dy, dw, dh, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    /** A new {@code outW} x {@code outH} image with {@code source} drawn through {@code transform}. */
    public static BufferedImage draw(BufferedImage source, int outW, int outH, AffineTransform transform) {
        BufferedImage out = new BufferedImage(outW, outH, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas(out);
        try {
            g.drawImage(source, transform, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    private static Graphics2D canvas(BufferedImage out) {
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        return g;
    }
}
