package org.visualsearch.ui.map;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.canvas.Canvas;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import org.visualsearch.core.projection.Projection;

/**
 * What the mouse does on the map: drag pans, the wheel zooms, Shift+drag selects a box, a click
 * on a photo searches with it (a click beside every photo clears the selection), hovering shows
 * the photo's card.
 */
final class MapMouse {
    private final Canvas canvas;
    private final MapViewport viewport;
    private final MapPainter painter;
    private final MapViewModel vm;
    private final MapHoverCard card;
    private final Runnable redraw;
    private double pressX;
    private double pressY;
    private double lastX;
    private double lastY;
    private boolean boxSelecting;
    private double[] box;
    private int hovered = -1;

    MapMouse(Canvas canvas, MapViewport viewport, MapPainter painter, MapViewModel vm, MapHoverCard card, Runnable redraw) {
        this.canvas = canvas;
        this.viewport = viewport;
        this.painter = painter;
        this.vm = vm;
        this.card = card;
        this.redraw = redraw;
        install();
    }

    private void install() {
        canvas.addEventHandler(ScrollEvent.SCROLL, e -> {
            if (e.getDeltaY() != 0) {
                viewport.zoomAt(vm.projectionProperty().get(), e.getX(), e.getY(), Math.pow(1.0015, e.getDeltaY()));
                redraw.run();
            }
            e.consume();
        });
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            pressX = lastX = e.getX();
            pressY = lastY = e.getY();
            boxSelecting = e.isShiftDown() && e.getButton() == MouseButton.PRIMARY;
            box = null;
        });
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            hideHover();
            if (boxSelecting) {
                box = new double[] {Math.min(pressX, e.getX()), Math.min(pressY, e.getY()),
                    Math.max(pressX, e.getX()), Math.max(pressY, e.getY())};
            } else {
                viewport.panBy(vm.projectionProperty().get(), e.getX() - lastX, e.getY() - lastY);
            }
            redraw.run();
            lastX = e.getX();
            lastY = e.getY();
        });
        canvas.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> {
            boolean click = Math.abs(e.getX() - pressX) < 4 && Math.abs(e.getY() - pressY) < 4;
            if (boxSelecting && box != null && !click) {
                vm.select(pointsIn(box));
            } else if (click && e.getButton() == MouseButton.PRIMARY) {
                int point = pointAt(e.getX(), e.getY());
                if (point >= 0) {
                    vm.queryWithPoint(point);
                } else if (!vm.selection().isEmpty()) {
                    vm.select(List.of());
                }
            }
            boxSelecting = false;
            box = null;
            redraw.run();
        });
        canvas.addEventHandler(MouseEvent.MOUSE_MOVED, e -> hover(e.getX(), e.getY()));
        canvas.addEventHandler(MouseEvent.MOUSE_EXITED, e -> hideHover());
    }

    private void hover(double x, double y) {
        int point = pointAt(x, y);
        if (point < 0) {
            hideHover();
            return;
        }
        if (point != hovered) {
            hovered = point;
            redraw.run();
        }
        card.show(vm.entryOf(point), x, y, canvas.getWidth(), canvas.getHeight());
    }

    void hideHover() {
        if (hovered >= 0) {
            hovered = -1;
            redraw.run();
        }
        card.hide();
    }

    /** A new map: the hovered point is gone. */
    void reset() {
        hovered = -1;
        card.hide();
    }

    int hovered() {
        return hovered;
    }

    double[] box() {
        return box;
    }

    /** The map point drawn nearest to (x, y) within its dot (at least 8 px), or -1. */
    int pointAt(double x, double y) {
        Projection p = vm.projectionProperty().get();
        if (p == null) {
            return -1;
        }
        double reach = painter.pickRadius(p.size());
        double best = reach * reach;
        int found = -1;
        for (int i = 0; i < p.size(); i++) {
            double dx = viewport.sx(p.x(i)) - x;
            double dy = viewport.sy(p.y(i)) - y;
            double d = dx * dx + dy * dy;
            if (d <= best) {
                best = d;
                found = i;
            }
        }
        return found;
    }

    private List<Integer> pointsIn(double[] r) {
        Projection p = vm.projectionProperty().get();
        List<Integer> inside = new ArrayList<>();
        if (p != null) {
            for (int i = 0; i < p.size(); i++) {
                double x = viewport.sx(p.x(i));
                double y = viewport.sy(p.y(i));
                if (x >= r[0] && x <= r[2] && y >= r[1] && y <= r[3]) {
                    inside.add(i);
                }
            }
        }
        return inside;
    }
}
