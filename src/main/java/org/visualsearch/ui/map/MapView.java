package org.visualsearch.ui.map;

import java.nio.IntBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.visualsearch.core.search.GalleryEntry;
import org.visualsearch.core.search.IndexedGallery;
import org.visualsearch.core.projection.CategoryPalette;
import org.visualsearch.core.projection.Projection;
import org.visualsearch.core.projection.ProjectionMethod;
import org.visualsearch.ui.gallery.CategoryColors;
import org.visualsearch.ui.gallery.ThumbnailCache;

/**
 * The embedding map: every photo a dot in its category's colour on one Canvas (not one node per
 * point), drawn in one pass; large maps are stamped into a pixel buffer, so 100,000 points pan
 * smoothly. Zoomed in far enough, the dots become thumbnails. Drag pans, the wheel zooms,
 * Shift+drag selects, hovering shows the photo, a click searches with it. The current query is
 * drawn with lines to its true top-5, and the photos the map puts nearer than those are ringed.
 */
public final class MapView {
    private static final Color BACKGROUND = Color.web("#fbfbfc");
    private static final Color QUERY = Color.web("#facc15");
    private static final Color LINE = Color.web("#111827");
    private static final Color INTRUDER = Color.web("#f97316");
    private static final double MARGIN = 44;
    /** Above this many visible points dots are stamped into a pixel buffer instead of drawn one by one. */
    static final int VECTOR_DOTS_UP_TO = 4_000;
    /** Thumbnails replace dots when at most this many photos are in view and the map is zoomed in. */
    static final int THUMBNAILS_UP_TO = 150;

    private final MapViewModel vm;
    private final ThumbnailCache thumbnails;
    private final BorderPane root = new BorderPane();
    private final Pane holder = new Pane();
    private final Canvas canvas = new Canvas();
    private final VBox hoverCard = new VBox(4);
    private final ImageView hoverImage = new ImageView();
    private final Label hoverName = new Label();
    private final Label hoverCategory = new Label();
    private final FlowPane legend = new FlowPane(8, 6);
    private final Label distortionText = new Label();
    private Label help;

    private double scale = 1;
    private double fitScale = 1;
    private double centreX;
    private double centreY;
    private boolean fitted;
    private boolean userMoved;
    private boolean redrawQueued;
    private int[] argb = new int[0];
    private WritableImage frame;
    private IntBuffer frameBuffer;
    private PixelBuffer<IntBuffer> pixelBuffer;
    private int[] pixels = new int[0];
    private int drawnPoints;
    private int drawnLines;
    private boolean drewThumbnails;
    private long lastFrameNanos;
    private double pressX;
    private double pressY;
    private double lastX;
    private double lastY;
    private boolean boxSelecting;
    private double[] box;
    private int hovered = -1;
    private final Map<GalleryEntry, Image> shownThumbs = new HashMap<>();

    public MapView(MapViewModel vm, ThumbnailCache thumbnails) {
        this.vm = vm;
        this.thumbnails = thumbnails;
        root.setId("mapView");
        root.getProperties().put(MapView.class, this); // tests and the frame-time bench find the view by its node
        root.getStyleClass().add("map-view");
        root.setTop(new VBox(8, buildToolbar(), legend, distortionText));
        BorderPane.setMargin(root.getTop(), new Insets(12, 16, 8, 16));
        legend.setId("mapLegend");
        distortionText.setId("mapDistortionText");
        distortionText.setWrapText(true);
        distortionText.getStyleClass().add("map-distortion");
        holder.getChildren().addAll(canvas, buildHoverCard());
        holder.setMinSize(200, 160);
        holder.setId("mapCanvasHolder");
        canvas.setId("mapCanvas");
        canvas.widthProperty().bind(holder.widthProperty());
        canvas.heightProperty().bind(holder.heightProperty());
        canvas.widthProperty().addListener((o, a, b) -> sizeChanged());
        canvas.heightProperty().addListener((o, a, b) -> sizeChanged());
        root.setCenter(holder);
        root.setBottom(buildStatus());
        installMouse();
        vm.projectionProperty().addListener((o, a, p) -> {
            fitted = false;
            userMoved = false;
            argb = colours(p, vm.projectedGalleryProperty().get());
            shownThumbs.clear();
            rebuildLegend();
            requestRedraw();
        });
        vm.queryOnMapProperty().addListener((o, a, b) -> requestRedraw());
        vm.intruders().addListener((ListChangeListener<Integer>) c -> {
            updateDistortionText();
            requestRedraw();
        });
        vm.neighbours().addListener((ListChangeListener<Integer>) c -> requestRedraw());
        vm.selection().addListener((ListChangeListener<Integer>) c -> requestRedraw());
        argb = colours(vm.projectionProperty().get(), vm.projectedGalleryProperty().get());
        rebuildLegend();
        updateDistortionText();
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

    // ---- controls ------------------------------------------------------------------------------

    private Region buildToolbar() {
        Label title = new Label("Embedding map");
        title.getStyleClass().add("section-title");
        title.setMinWidth(Region.USE_PREF_SIZE);
        ComboBox<ProjectionMethod> method = new ComboBox<>();
        method.setId("mapMethod");
        method.getItems().setAll(ProjectionMethod.values());
        method.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(ProjectionMethod m) {
                return m == null ? "" : switch (m) {
                    case PCA -> "PCA (exact: real distances along 2 axes)";
                    case TSNE -> "t-SNE (keeps neighbours, not distances)";
                    case UMAP -> "UMAP (keeps neighbours, not distances)";
                };
            }

            @Override
            public ProjectionMethod fromString(String s) {
                return null;
            }
        });
        method.valueProperty().bindBidirectional(vm.methodProperty());
        method.setMinWidth(Region.USE_PREF_SIZE);
        Button fit = new Button("Fit");
        fit.setId("mapFit");
        fit.setOnAction(e -> {
            fitted = false;
            userMoved = false;
            requestRedraw();
        });
        fit.setMinWidth(Region.USE_PREF_SIZE);
        Button toQuery = new Button("Zoom to query");
        toQuery.setId("mapZoomToQuery");
        toQuery.setOnAction(e -> zoomToQuery());
        toQuery.disableProperty().bind(vm.queryOnMapProperty().isNull());
        toQuery.setMinWidth(Region.USE_PREF_SIZE);
        Label help = new Label("Drag: pan · wheel: zoom · Shift+drag: select · click: search with it");
        help.getStyleClass().add("map-help");
        help.setMinWidth(0);
        HBox bar = new HBox(12, title, method, fit, toQuery);
        this.help = help;
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private Region buildStatus() {
        Label description = new Label();
        description.setId("mapDescription");
        description.textProperty().bind(vm.descriptionProperty());
        description.setMinWidth(0);
        description.setWrapText(true);
        description.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(description, Priority.ALWAYS);
        Label selection = new Label();
        selection.setId("mapSelection");
        selection.textProperty().bind(vm.selectionTextProperty());
        selection.setMinWidth(Region.USE_PREF_SIZE);
        ProgressBar bar = new ProgressBar();
        bar.setId("mapProgress");
        bar.setPrefWidth(220);
        bar.progressProperty().bind(vm.progressProperty());
        Label message = new Label();
        message.setId("mapMessage");
        message.textProperty().bind(vm.messageProperty());
        message.setMinWidth(Region.USE_PREF_SIZE);
        Button cancel = new Button("Cancel");
        cancel.setId("mapCancel");
        cancel.setOnAction(e -> vm.cancel());
        HBox running = new HBox(8, bar, message, cancel);
        running.setAlignment(Pos.CENTER_LEFT);
        running.visibleProperty().bind(vm.runningProperty());
        running.managedProperty().bind(running.visibleProperty());
        help.setMinWidth(Region.USE_PREF_SIZE);
        help.getStyleClass().add("section-subtitle");
        HBox status = new HBox(16, running, description, selection, help);
        status.setAlignment(Pos.CENTER_LEFT);
        status.setPadding(new Insets(6, 16, 10, 16));
        status.getStyleClass().add("status-bar");
        return status;
    }

    private Region buildHoverCard() {
        hoverImage.setFitWidth(160);
        hoverImage.setFitHeight(120);
        hoverImage.setPreserveRatio(true);
        hoverName.getStyleClass().add("map-hover-name");
        hoverName.setMaxWidth(180);
        hoverCard.getChildren().addAll(hoverImage, hoverName, hoverCategory);
        hoverCard.setId("mapHover");
        hoverCard.setPadding(new Insets(8));
        hoverCard.setStyle("-fx-background-color: white; -fx-background-radius: 6; -fx-border-color: #d0d7de; "
                + "-fx-border-radius: 6; -fx-effect: dropshadow(gaussian, rgba(0,0,0,0.18), 8, 0, 0, 2);");
        hoverCard.setMouseTransparent(true);
        hoverCard.setVisible(false);
        hoverCard.setManaged(false);
        return hoverCard;
    }

    private void rebuildLegend() {
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
        legend.getChildren().addAll(key(QUERY, "query", true), key(LINE, "line: one of its true top 5 (full space)", false),
                key(Color.web("#57606a"), "dashed: the circle its true top 5 span on the map", false),
                key(INTRUDER, "ringed: inside that circle, yet not in the true top 5", false));
    }

    private static Label key(Color color, String text, boolean filled) {
        Canvas icon = new Canvas(16, 16);
        GraphicsContext g = icon.getGraphicsContext2D();
        if (filled) {
            g.setFill(color);
            g.fillOval(2, 2, 12, 12);
            g.setStroke(Color.BLACK);
            g.strokeOval(2, 2, 12, 12);
        } else if (color != LINE && color != INTRUDER) {
            g.setStroke(color);
            g.setLineDashes(3, 2);
            g.strokeOval(1, 1, 14, 14);
        } else if (color == LINE) {
            g.setStroke(color);
            g.setLineWidth(2);
            g.strokeLine(1, 13, 15, 3);
        } else {
            g.setStroke(color);
            g.setLineWidth(2.5);
            g.strokeOval(2, 2, 12, 12);
        }
        Label label = new Label(text, icon);
        label.getStyleClass().add("map-key");
        return label;
    }

    private void updateDistortionText() {
        if (vm.queryOnMapProperty().get() == null) {
            distortionText.setText("Search with a photo (or click one here) to see its true top 5 on the map.");
            return;
        }
        int n = vm.intruders().size();
        distortionText.setText(n == 0
                ? "No photo looks nearer to the query on this map than its true top 5: here the map keeps that neighbourhood."
                : String.format("%,d photo%s look%s nearer to the query on this map than its true top 5 (ringed): "
                        + "the map squeezes %,d-dimensional distances into 2, so nearness on it is only a hint.",
                        n, n == 1 ? "" : "s", n == 1 ? "s" : "", dimension()));
    }

    private int dimension() {
        IndexedGallery g = vm.projectedGalleryProperty().get();
        return g == null ? 0 : g.vectors().dimension();
    }

    // ---- view transform ------------------------------------------------------------------------

    private void sizeChanged() {
        if (canvas.getWidth() > 0 && canvas.getHeight() > 0) {
            vm.setActive(true); // laid out: the map has been shown
        }
        if (!userMoved) {
            fitted = false; // the window or the text above it changed size: fit again until the user pans or zooms
        }
        requestRedraw();
    }

    private void fit() {
        Projection p = vm.projectionProperty().get();
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

    private double sx(double x) {
        return (x - centreX) * scale + canvas.getWidth() / 2;
    }

    private double sy(double y) {
        return canvas.getHeight() / 2 - (y - centreY) * scale;
    }

    /** Moves the view by a screen offset (a drag). */
    public void panBy(double dx, double dy) {
        userMoved = true;
        centreX -= dx / scale;
        centreY += dy / scale;
        requestRedraw();
    }

    /** Zooms by {@code factor} keeping the map point under (x, y) in place. */
    public void zoomAt(double x, double y, double factor) {
        userMoved = true;
        double wx = (x - canvas.getWidth() / 2) / scale + centreX;
        double wy = centreY - (y - canvas.getHeight() / 2) / scale;
        scale = Math.max(fitScale * 0.2, Math.min(fitScale * 400, scale * factor));
        centreX = wx - (x - canvas.getWidth() / 2) / scale;
        centreY = wy + (y - canvas.getHeight() / 2) / scale;
        requestRedraw();
    }

    /** Centres the query and zooms so its true top 5 fill about the middle third of the view. */
    public void zoomToQuery() {
        Projection p = vm.projectionProperty().get();
        float[] q = vm.queryOnMapProperty().get();
        if (p == null || q == null) {
            return;
        }
        if (!fitted) {
            fit();
        }
        double reach = 0;
        for (int index : vm.neighbours()) {
            int point = p.pointOf(index);
            if (point >= 0) {
                reach = Math.max(reach, Math.hypot(p.x(point) - q[0], p.y(point) - q[1]));
            }
        }
        userMoved = true;
        double room = Math.min(canvas.getWidth(), canvas.getHeight()) / 3;
        scale = reach > 0 ? Math.max(fitScale, Math.min(fitScale * 400, room / reach)) : fitScale * 4;
        centreX = q[0];
        centreY = q[1];
        requestRedraw();
    }

    /** How far in the view is zoomed, relative to the whole map fitting. */
    public double zoom() {
        return scale / fitScale;
    }

    // ---- mouse ---------------------------------------------------------------------------------

    private void installMouse() {
        canvas.addEventHandler(ScrollEvent.SCROLL, e -> {
            if (e.getDeltaY() != 0) {
                zoomAt(e.getX(), e.getY(), Math.pow(1.0015, e.getDeltaY()));
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
                requestRedraw();
            } else {
                panBy(e.getX() - lastX, e.getY() - lastY);
            }
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
            requestRedraw();
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
            GalleryEntry entry = vm.entryOf(point);
            hoverName.setText(entry.path().getFileName() == null ? entry.path().toString() : entry.path().getFileName().toString());
            CategoryColors.setChip(hoverCategory, entry.category());
            hoverCategory.getStyleClass().setAll("label", "category-chip");
            hoverImage.setImage(null);
            thumbnails.request(entry, image -> {
                if (hovered == point) {
                    hoverImage.setImage(image);
                }
            });
            requestRedraw();
        }
        hoverCard.setVisible(true);
        hoverCard.autosize();
        double cw = hoverCard.prefWidth(-1);
        double ch = hoverCard.prefHeight(-1);
        double left = x + 16 + cw > canvas.getWidth() ? x - 16 - cw : x + 16;
        double top = Math.max(0, Math.min(canvas.getHeight() - ch, y - ch / 2));
        hoverCard.resizeRelocate(left, top, cw, ch);
    }

    private void hideHover() {
        if (hovered >= 0) {
            hovered = -1;
            requestRedraw();
        }
        hoverCard.setVisible(false);
    }

    /** The map point drawn nearest to (x, y) within its dot (at least 8 px), or -1. */
    public int pointAt(double x, double y) {
        Projection p = vm.projectionProperty().get();
        if (p == null) {
            return -1;
        }
        double reach = Math.max(8, drewThumbnails ? thumbSide() / 2 : dotRadius(p.size()) + 3);
        double best = reach * reach;
        int found = -1;
        for (int i = 0; i < p.size(); i++) {
            double dx = sx(p.x(i)) - x;
            double dy = sy(p.y(i)) - y;
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
                double x = sx(p.x(i));
                double y = sy(p.y(i));
                if (x >= r[0] && x <= r[2] && y >= r[1] && y <= r[3]) {
                    inside.add(i);
                }
            }
        }
        return inside;
    }

    /** Screen position (canvas coordinates) of map point {@code point}, for tests. */
    public double[] screenOf(int point) {
        Projection p = vm.projectionProperty().get();
        return new double[] {sx(p.x(point)), sy(p.y(point))};
    }

    // ---- drawing -------------------------------------------------------------------------------

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

    private double dotRadius(int n) {
        double base = n <= 300 ? 6 : n <= 3_000 ? 4 : n <= 20_000 ? 2.5 : 1.5;
        return base * Math.max(1, Math.min(2.5, Math.sqrt(Math.max(1, zoom()))));
    }

    private double thumbSide() {
        return Math.min(96, 40 * Math.sqrt(zoom()));
    }

    /** Draws one frame now; returns how long it took, in nanoseconds. Call on the FX thread. */
    public long drawNow() {
        long start = System.nanoTime();
        redrawQueued = false;
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        // a clear of the whole canvas drops the previous frames' queued drawing commands
        g.clearRect(0, 0, w, h);
        g.setFill(BACKGROUND);
        g.fillRect(0, 0, w, h);
        drawnPoints = 0;
        drawnLines = 0;
        drewThumbnails = false;
        Projection p = vm.projectionProperty().get();
        IndexedGallery gallery = vm.projectedGalleryProperty().get();
        if (p == null || gallery == null || w < 1 || h < 1) {
            lastFrameNanos = System.nanoTime() - start;
            return lastFrameNanos;
        }
        if (!fitted) {
            fit();
        }
        int visible = countVisible(p, w, h);
        if (visible <= THUMBNAILS_UP_TO && zoom() >= 2.5) {
            drawThumbnails(g, p, gallery, w, h);
        } else if (visible <= VECTOR_DOTS_UP_TO) {
            drawDots(g, p, w, h);
        } else {
            stampDots(g, p, w, h);
        }
        drawSelection(g, p);
        drawQuery(g, p);
        if (hovered >= 0 && hovered < p.size()) {
            g.setStroke(Color.BLACK);
            g.setLineWidth(2);
            double r = drewThumbnails ? thumbSide() / 2 + 3 : dotRadius(p.size()) + 4;
            g.strokeOval(sx(p.x(hovered)) - r, sy(p.y(hovered)) - r, 2 * r, 2 * r);
        }
        if (box != null) {
            g.setStroke(Color.web("#0969da"));
            g.setFill(Color.web("#0969da", 0.08));
            g.setLineWidth(1.5);
            g.fillRect(box[0], box[1], box[2] - box[0], box[3] - box[1]);
            g.strokeRect(box[0], box[1], box[2] - box[0], box[3] - box[1]);
        }
        lastFrameNanos = System.nanoTime() - start;
        return lastFrameNanos;
    }

    private int countVisible(Projection p, double w, double h) {
        int n = 0;
        for (int i = 0; i < p.size(); i++) {
            double x = sx(p.x(i));
            double y = sy(p.y(i));
            if (x >= -8 && y >= -8 && x <= w + 8 && y <= h + 8) {
                n++;
            }
        }
        return n;
    }

    /** Few points: anti-aliased circles, one fill colour change per category. */
    private void drawDots(GraphicsContext g, Projection p, double w, double h) {
        double r = dotRadius(p.size());
        Map<Integer, List<Integer>> byColour = new HashMap<>();
        for (int i = 0; i < p.size(); i++) {
            byColour.computeIfAbsent(argb[i], c -> new ArrayList<>()).add(i);
        }
        g.setStroke(Color.WHITE);
        g.setLineWidth(r > 3 ? 1 : 0.5);
        for (var group : byColour.entrySet()) {
            g.setFill(Color.rgb((group.getKey() >> 16) & 0xff, (group.getKey() >> 8) & 0xff, group.getKey() & 0xff));
            for (int i : group.getValue()) {
                double x = sx(p.x(i));
                double y = sy(p.y(i));
                if (x >= -r && y >= -r && x <= w + r && y <= h + r) {
                    g.fillOval(x - r, y - r, 2 * r, 2 * r);
                    if (r > 3) {
                        g.strokeOval(x - r, y - r, 2 * r, 2 * r);
                    }
                    drawnPoints++;
                }
            }
        }
    }

    /** Many points: square stamps written straight into a pixel buffer, shown as one image. */
    private void stampDots(GraphicsContext g, Projection p, double w, double h) {
        int iw = (int) Math.ceil(w);
        int ih = (int) Math.ceil(h);
        if (frame == null || (int) frame.getWidth() != iw || (int) frame.getHeight() != ih) {
            pixels = new int[iw * ih];
            frameBuffer = IntBuffer.wrap(pixels);
            pixelBuffer = new PixelBuffer<>(iw, ih, frameBuffer, PixelFormat.getIntArgbPreInstance());
            frame = new WritableImage(pixelBuffer);
        }
        Arrays.fill(pixels, 0); // transparent: the background shows through
        int side = Math.max(1, (int) Math.round(dotRadius(p.size()) * 2));
        int half = side / 2;
        for (int i = 0; i < p.size(); i++) {
            int x = (int) sx(p.x(i)) - half;
            int y = (int) sy(p.y(i)) - half;
            if (x + side <= 0 || y + side <= 0 || x >= iw || y >= ih) {
                continue;
            }
            int colour = 0xff000000 | argb[i];
            int x0 = Math.max(0, x);
            int x1 = Math.min(iw, x + side);
            int y1 = Math.min(ih, y + side);
            for (int yy = Math.max(0, y); yy < y1; yy++) {
                int row = yy * iw;
                for (int xx = x0; xx < x1; xx++) {
                    pixels[row + xx] = colour;
                }
            }
            drawnPoints++;
        }
        pixelBuffer.updateBuffer(b -> null);
        g.drawImage(frame, 0, 0);
    }

    private void drawThumbnails(GraphicsContext g, Projection p, IndexedGallery gallery, double w, double h) {
        drewThumbnails = true;
        double side = thumbSide();
        for (int i = 0; i < p.size(); i++) {
            double x = sx(p.x(i));
            double y = sy(p.y(i));
            if (x < -side || y < -side || x > w + side || y > h + side) {
                continue;
            }
            GalleryEntry entry = gallery.entries().get(p.galleryIndex(i));
            Image thumb = shownThumbs.get(entry);
            int colour = argb[i];
            Color border = Color.rgb((colour >> 16) & 0xff, (colour >> 8) & 0xff, colour & 0xff);
            g.setFill(border);
            g.fillRect(x - side / 2 - 3, y - side / 2 - 3, side + 6, side + 6);
            if (thumb != null) {
                double tw = thumb.getWidth();
                double th = thumb.getHeight();
                double s = side / Math.max(tw, th);
                g.setFill(Color.WHITE);
                g.fillRect(x - side / 2, y - side / 2, side, side);
                g.drawImage(thumb, x - tw * s / 2, y - th * s / 2, tw * s, th * s);
            } else {
                g.setFill(Color.web("#eaeef2"));
                g.fillRect(x - side / 2, y - side / 2, side, side);
                thumbnails.request(entry, image -> {
                    if (image != null && shownThumbs.size() < 2 * THUMBNAILS_UP_TO) {
                        shownThumbs.put(entry, image);
                        requestRedraw();
                    }
                });
            }
            drawnPoints++;
        }
    }

    private void drawSelection(GraphicsContext g, Projection p) {
        if (vm.selection().isEmpty()) {
            return;
        }
        g.setStroke(Color.web("#0969da"));
        g.setLineWidth(1.5);
        double r = (drewThumbnails ? thumbSide() / 2 : dotRadius(p.size())) + 2;
        for (int index : vm.selection()) {
            int point = p.pointOf(index);
            if (point >= 0) {
                g.strokeOval(sx(p.x(point)) - r, sy(p.y(point)) - r, 2 * r, 2 * r);
            }
        }
    }

    private void drawQuery(GraphicsContext g, Projection p) {
        float[] q = vm.queryOnMapProperty().get();
        if (q == null) {
            return;
        }
        double qx = sx(q[0]);
        double qy = sy(q[1]);
        double reach = 0;
        for (int index : vm.neighbours()) {
            int point = p.pointOf(index);
            if (point >= 0) {
                reach = Math.max(reach, Math.hypot(sx(p.x(point)) - qx, sy(p.y(point)) - qy));
            }
        }
        // the circle the true top 5 span on the map: any other photo inside it looks nearer than they are
        g.setStroke(Color.web("#57606a"));
        g.setLineWidth(1);
        g.setLineDashes(6, 5);
        g.strokeOval(qx - reach, qy - reach, 2 * reach, 2 * reach);
        g.setLineDashes();
        double r = (drewThumbnails ? thumbSide() / 2 : dotRadius(p.size())) + 4;
        g.setStroke(INTRUDER);
        g.setLineWidth(2.5);
        for (int index : vm.intruders()) {
            int point = p.pointOf(index);
            if (point >= 0) {
                g.strokeOval(sx(p.x(point)) - r, sy(p.y(point)) - r, 2 * r, 2 * r);
            }
        }
        g.setStroke(LINE);
        g.setLineWidth(2);
        g.setLineCap(StrokeLineCap.ROUND);
        int rank = 0;
        for (int index : vm.neighbours()) {
            rank++;
            int point = p.pointOf(index);
            if (point < 0) {
                continue; // not in t-SNE's sample
            }
            double nx = sx(p.x(point));
            double ny = sy(p.y(point));
            g.setStroke(LINE);
            g.strokeLine(qx, qy, nx, ny);
            drawnLines++;
            g.setFill(LINE);
            g.fillOval(nx - 8, ny - 8, 16, 16);
            g.setFill(Color.WHITE);
            g.setFont(javafx.scene.text.Font.font(null, javafx.scene.text.FontWeight.BOLD, 11));
            g.setTextAlign(javafx.scene.text.TextAlignment.CENTER);
            g.setTextBaseline(javafx.geometry.VPos.CENTER);
            g.fillText(Integer.toString(rank), nx, ny);
        }
        g.setFill(QUERY);
        g.setStroke(Color.BLACK);
        g.setLineWidth(2);
        g.fillOval(qx - 10, qy - 10, 20, 20);
        g.strokeOval(qx - 10, qy - 10, 20, 20);
        g.setFill(Color.BLACK);
        g.setFont(javafx.scene.text.Font.font(null, javafx.scene.text.FontWeight.BOLD, 13));
        g.setTextAlign(javafx.scene.text.TextAlignment.LEFT);
        g.setTextBaseline(javafx.geometry.VPos.CENTER);
        g.fillText("query", qx + 14, qy);
    }

    private static int[] colours(Projection p, IndexedGallery g) {
        if (p == null || g == null) {
            return new int[0];
        }
        int[] colours = new int[p.size()];
        Map<String, Integer> byCategory = new HashMap<>();
        for (int i = 0; i < p.size(); i++) {
            String c = g.entries().get(p.galleryIndex(i)).category();
            colours[i] = byCategory.computeIfAbsent(c == null ? "\u0000" : c,
                    k -> CategoryPalette.rgbOf(c));
        }
        return colours;
    }

    // ---- for tests and the frame-time bench ----------------------------------------------------

    /** Points drawn in the last frame. */
    public int drawnPoints() {
        return drawnPoints;
    }

    /** Query-to-neighbour lines drawn in the last frame. */
    public int drawnNeighbourLines() {
        return drawnLines;
    }

    public long lastFrameNanos() {
        return lastFrameNanos;
    }

    public Canvas canvas() {
        return canvas;
    }
}
