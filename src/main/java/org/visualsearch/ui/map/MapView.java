package org.visualsearch.ui.map;

import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.visualsearch.core.projection.Projection;
import org.visualsearch.ui.gallery.ThumbnailCache;

/**
 * The embedding map: every photo a dot in its category's colour on one Canvas (not one node per
 * point), drawn in one pass; large maps are stamped into a pixel buffer, so 100,000 points pan
 * smoothly. Zoomed in far enough, the dots become thumbnails. Drag pans, the wheel zooms,
 * Shift+drag selects, hovering shows the photo, a click searches with it. The current query is
 * drawn with lines to its true top-5, and the photos the map puts nearer than those are ringed.
 *
 * <p>This class puts the parts together: {@link MapControls} (toolbar, status), {@link MapLegend},
 * {@link MapViewport} (pan and zoom), {@link MapPainter} (the frame), {@link MapMouse} and
 * {@link MapHoverCard}.
 */
public final class MapView {
    /** Above this many visible points dots are stamped into a pixel buffer instead of drawn one by one. */
    static final int VECTOR_DOTS_UP_TO = 4_000;
    /** Thumbnails replace dots when at most this many photos are in view and the map is zoomed in. */
    static final int THUMBNAILS_UP_TO = 150;

    private final MapViewModel vm;
    private final BorderPane root = new BorderPane();
    private final Pane holder = new Pane();
    private final Canvas canvas = new Canvas();
    private final MapViewport viewport = new MapViewport(canvas);
    private final MapLegend legend;
    private final MapPainter painter;
    private final MapMouse mouse;
    private boolean redrawQueued;
    private long lastFrameNanos;

    public MapView(MapViewModel vm, ThumbnailCache thumbnails) {
        this.vm = vm;
        this.legend = new MapLegend(vm);
        this.painter = new MapPainter(canvas, viewport, vm, thumbnails, this::requestRedraw);
        MapHoverCard card = new MapHoverCard(thumbnails);
        this.mouse = new MapMouse(canvas, viewport, painter, vm, card, this::requestRedraw);
        MapControls controls = new MapControls(vm);
        root.setId("mapView");
        root.getProperties().put(MapView.class, this); // tests and the frame-time bench find the view by its node
        root.getStyleClass().add("map-view");
        root.setTop(new VBox(8, controls.toolbar(this::fitAgain, this::zoomToQuery), legend.legend(), legend.distortionText()));
        BorderPane.setMargin(root.getTop(), new Insets(12, 16, 8, 16));
        holder.getChildren().addAll(canvas, card.node());
        holder.setMinSize(200, 160);
        holder.setId("mapCanvasHolder");
        canvas.setId("mapCanvas");
        canvas.widthProperty().bind(holder.widthProperty());
        canvas.heightProperty().bind(holder.heightProperty());
        canvas.widthProperty().addListener((o, a, b) -> sizeChanged());
        canvas.heightProperty().addListener((o, a, b) -> sizeChanged());
        root.setCenter(holder);
        root.setBottom(controls.status());
        vm.projectionProperty().addListener((o, a, p) -> {
            viewport.refit();
            mouse.reset();
            painter.recolour(p, vm.projectedGalleryProperty().get());
            legend.rebuild();
            requestRedraw();
        });
        vm.queryOnMapProperty().addListener((o, a, b) -> {
            legend.updateDistortionText();
            requestRedraw();
        });
        vm.intruders().addListener((ListChangeListener<Integer>) c -> {
            legend.updateDistortionText();
            requestRedraw();
        });
        vm.neighbours().addListener((ListChangeListener<Integer>) c -> requestRedraw());
        vm.selection().addListener((ListChangeListener<Integer>) c -> requestRedraw());
        vm.highlightedIndexProperty().addListener((o, a, b) -> requestRedraw());
        vm.highlightedProperty().addListener((o, a, b) -> legend.rebuild());
        vm.sideProperty().addListener((o, a, b) -> legend.updateDistortionText());
        painter.recolour(vm.projectionProperty().get(), vm.projectedGalleryProperty().get());
        legend.rebuild();
        legend.updateDistortionText();
    }

    public Parent root() {
        return root;
    }

    /** Opens the map in its own window beside the main one. */
    public static Stage show(Window owner, MapView view) {
        Stage stage = new Stage();
        stage.setTitle("Embedding map — Visual Search Simulator");
        if (owner != null) {
            stage.initOwner(owner);
        }
        Scene scene = new Scene(view.root(), 1100, 760);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        stage.setScene(scene);
        stage.show();
        return stage;
    }

    private void sizeChanged() {
        if (canvas.getWidth() > 0 && canvas.getHeight() > 0) {
            vm.setActive(true); // laid out: the map has been shown
        }
        viewport.canvasResized(); // fit again until the user pans or zooms
        requestRedraw();
    }

    private void fitAgain() {
        viewport.refit();
        requestRedraw();
    }

    /** Moves the view by a screen offset (a drag). */
    public void panBy(double dx, double dy) {
        viewport.panBy(vm.projectionProperty().get(), dx, dy);
        requestRedraw();
    }

    /** Zooms by {@code factor} keeping the map point under (x, y) in place. */
    public void zoomAt(double x, double y, double factor) {
        viewport.zoomAt(vm.projectionProperty().get(), x, y, factor);
        requestRedraw();
    }

    /** Centres the query and zooms so its true top 5 fill about the middle third of the view. */
    public void zoomToQuery() {
        Projection p = vm.projectionProperty().get();
        float[] q = vm.queryOnMapProperty().get();
        if (p == null || q == null) {
            return;
        }
        double reach = 0;
        for (int index : vm.neighbours()) {
            int point = p.pointOf(index);
            if (point >= 0) {
                reach = Math.max(reach, Math.hypot(p.x(point) - q[0], p.y(point) - q[1]));
            }
        }
        viewport.centreOn(p, q[0], q[1], reach);
        requestRedraw();
    }

    /** How far in the view is zoomed, relative to the whole map fitting. */
    public double zoom() {
        return viewport.zoom();
    }

    /** The map point drawn nearest to (x, y) within its dot (at least 8 px), or -1. */
    public int pointAt(double x, double y) {
        return mouse.pointAt(x, y);
    }

    /** Screen position (canvas coordinates) of map point {@code point}, for tests. */
    public double[] screenOf(int point) {
        Projection p = vm.projectionProperty().get();
        return new double[] {viewport.sx(p.x(point)), viewport.sy(p.y(point))};
    }

    /** Asks for one redraw on the next pulse; several requests make one frame. */
    public void requestRedraw() {
        if (!redrawQueued) {
            redrawQueued = true;
            Platform.runLater(() -> {
                if (redrawQueued) { // not drawn meanwhile
                    drawNow();
                }
            });
        }
    }

    /** Draws one frame now; returns how long it took, in nanoseconds. Call on the FX thread. */
    public long drawNow() {
        long start = System.nanoTime();
        redrawQueued = false;
        painter.draw(mouse.hovered(), mouse.box());
        lastFrameNanos = System.nanoTime() - start;
        return lastFrameNanos;
    }

    // ---- for tests and the frame-time bench ----------------------------------------------------

    /** Points drawn in the last frame. */
    public int drawnPoints() {
        return painter.drawnPoints();
    }

    /** Query-to-neighbour lines drawn in the last frame. */
    public int drawnNeighbourLines() {
        return painter.drawnLines();
    }

    /** Whether the last frame marked the highlighted photo. */
    public boolean drewHighlight() {
        return painter.drewHighlight();
    }

    public long lastFrameNanos() {
        return lastFrameNanos;
    }

    public Canvas canvas() {
        return canvas;
    }
}
