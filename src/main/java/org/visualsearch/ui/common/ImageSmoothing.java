package org.visualsearch.ui.common;

import javafx.beans.InvalidationListener;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;

/**
 * Smooth scaling where it helps: shrinking a photo, or enlarging it a little. A tiny image blown
 * up (a 1x1 photo on a 118-pixel tile) is drawn with sharp pixels instead, which is what it is;
 * smoothed, a single pixel became a gradient.
 */
public final class ImageSmoothing {
    /** Enlargements beyond this draw pixels as blocks. */
    static final double MAX_SMOOTH_ENLARGEMENT = 2.0;

    private ImageSmoothing() {
    }

    /** Keeps {@code view}'s smooth flag right for whatever image and fit size it gets. */
    public static void install(ImageView view) {
        InvalidationListener update = o -> view.setSmooth(
                smooth(view.getImage(), view.getFitWidth(), view.getFitHeight()));
        view.imageProperty().addListener(update);
        view.fitWidthProperty().addListener(update);
        view.fitHeightProperty().addListener(update);
        update.invalidated(null);
    }

    /** Whether an image shown in a fit box (0 = no fit on that side) should be smoothed. */
    public static boolean smooth(Image image, double fitWidth, double fitHeight) {
        if (image == null || image.getWidth() <= 0 || image.getHeight() <= 0) {
            return true;
        }
        double scaleX = fitWidth > 0 ? fitWidth / image.getWidth() : Double.POSITIVE_INFINITY;
        double scaleY = fitHeight > 0 ? fitHeight / image.getHeight() : Double.POSITIVE_INFINITY;
        double scale = Math.min(scaleX, scaleY);
        return Double.isInfinite(scale) || scale <= MAX_SMOOTH_ENLARGEMENT;
    }
}
