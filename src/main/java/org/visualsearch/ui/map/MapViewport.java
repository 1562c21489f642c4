package org.visualsearch.ui.map;

import javafx.scene.canvas.Canvas;
import org.visualsearch.core.projection.Projection;

/**
 * Where the map sits on the canvas: a scale and the map point at the canvas centre. Fits the
 * whole map until the user pans or zooms; zoom stays between 0.2x and 400x of the fit.
 */
final class MapViewport {
    private static final double MARGIN = 44;
    private final Canvas canvas;
    private double scale = 1;
    private double fitScale = 1;
    private double centreX;
    private double centreY;
    private boolean fitted;
    private boolean userMoved;

    MapViewport(Canvas canvas) {
        this.canvas = canvas;
    }

    /** Fit the whole map again (a new map, or the Fit button). */
    void refit() {
        fitted = false;
        userMoved = false;
    }

    /** The canvas changed size: fit again, unless the user has moved the view. */
    void canvasResized() {
        if (!userMoved) {
            fitted = false;
        }
    }

    void ensureFitted(Projection p) {
        if (!fitted) {
            fit(p);
        }
    }

    private void fit(Projection p) {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        if (p == null || w <= 2 * MARGIN || h <= 2 * MARGIN) {
            return;
        }
        float[] b = p.bounds();
        double spanX = Math.max(1e-9, b[2] - b[0]);
        double spanY = Math.max(1e-9, b[3] - b[1]);
        fitScale = Math.min((w - 2 * MARGIN) / spanX, (h - 2 * MARGIN) / spanY);
        scale = fitScale;
        centreX = (b[0] + b[2]) / 2.0;
        centreY = (b[1] + b[3]) / 2.0;
        fitted = true;
    }

    double sx(double x) {
        return (x - centreX) * scale + canvas.getWidth() / 2;
    }

    double sy(double y) {
        return canvas.getHeight() / 2 - (y - centreY) * scale;
    }

    /** Moves the view of map {@code p} by a screen offset, from its fit when it was not drawn yet. */
    void panBy(Projection p, double dx, double dy) {
        ensureFitted(p); // else the next drawing's fit would undo the move
        userMoved = true;
        centreX -= dx / scale;
        centreY += dy / scale;
    }

    /** Zooms the view of map {@code p} about (x, y), from its fit when it was not drawn yet. */
    void zoomAt(Projection p, double x, double y, double factor) {
        ensureFitted(p); // else the next drawing's fit would undo the zoom
        userMoved = true;
        double wx = (x - canvas.getWidth() / 2) / scale + centreX;
        double wy = centreY - (y - canvas.getHeight() / 2) / scale;
        scale = Math.max(fitScale * 0.2, Math.min(fitScale * 400, scale * factor));
        centreX = wx - (x - canvas.getWidth() / 2) / scale;
        centreY = wy + (y - canvas.getHeight() / 2) / scale;
    }

    /** Centres map point (x, y) and zooms so a circle of map radius {@code reach} fills about a third of the view. */
    void centreOn(Projection p, double x, double y, double reach) {
        ensureFitted(p);
        userMoved = true;
        double room = Math.min(canvas.getWidth(), canvas.getHeight()) / 3;
        scale = reach > 0 ? Math.max(fitScale, Math.min(fitScale * 400, room / reach)) : fitScale * 4;
        centreX = x;
        centreY = y;
    }

    /** How far in the view is zoomed, relative to the whole map fitting. */
    double zoom() {
        return scale / fitScale;
    }
}
