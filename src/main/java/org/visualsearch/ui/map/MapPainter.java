package org.visualsearch.ui.map;

import java.nio.IntBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import org.visualsearch.core.projection.CategoryPalette;
import org.visualsearch.core.projection.Projection;
import org.visualsearch.core.search.GalleryEntry;
import org.visualsearch.core.search.IndexedGallery;
import org.visualsearch.ui.gallery.ThumbnailCache;

/**
 * Draws one frame of the map on its Canvas: dots (anti-aliased circles for few, square stamps in
 * a pixel buffer for many, thumbnails zoomed in), the selection, the highlighted photo, the
 * query with its lines and the photos the map puts too near, the hovered photo and the box.
 */
final class MapPainter {
    static final Color BACKGROUND = Color.web("#fbfbfc");
    static final Color QUERY = Color.web("#facc15");
    static final Color LINE = Color.web("#111827");
    static final Color INTRUDER = Color.web("#f97316");
    static final Color HIGHLIGHT = Color.web("#111827");
    private static final Color SELECTED = Color.web("#0969da");

    private final Canvas canvas;
    private final MapViewport viewport;
    private final MapViewModel vm;
    private final ThumbnailCache thumbnails;
    private final Runnable redraw;
    private final Map<GalleryEntry, Image> shownThumbs = new HashMap<>();
    private int[] argb = new int[0];
    private WritableImage frame;
    private PixelBuffer<IntBuffer> pixelBuffer;
    private int[] pixels = new int[0];
    private int drawnPoints;
    private int drawnLines;
    private boolean drewThumbnails;
    private boolean drewHighlight;

    MapPainter(Canvas canvas, MapViewport viewport, MapViewModel vm, ThumbnailCache thumbnails, Runnable redraw) {
        this.canvas = canvas;
        this.viewport = viewport;
        this.vm = vm;
        this.thumbnails = thumbnails;
        this.redraw = redraw;
    }

    /** A new map: each point's colour from its photo's category. */
    void recolour(Projection p, IndexedGallery g) {
        shownThumbs.clear();
        if (p == null || g == null) {
            argb = new int[0];
            return;
        }
        int[] colours = new int[p.size()];
        Map<String, Integer> byCategory = new HashMap<>();
        for (int i = 0; i < p.size(); i++) {
            String c = g.entries().get(p.galleryIndex(i)).category();
            colours[i] = byCategory.computeIfAbsent(c == null ? "\u0000" : c, k -> CategoryPalette.rgbOf(c));
        }
        argb = colours;
    }

    double dotRadius(int n) {
        double base = n <= 300 ? 6 : n <= 3_000 ? 4 : n <= 20_000 ? 2.5 : 1.5;
        return base * Math.max(1, Math.min(2.5, Math.sqrt(Math.max(1, viewport.zoom()))));
    }

    double thumbSide() {
        return Math.min(96, 40 * Math.sqrt(viewport.zoom()));
    }

    /** The radius a click or hover reaches around a point drawn in the last frame. */
    double pickRadius(int n) {
        return Math.max(8, drewThumbnails ? thumbSide() / 2 : dotRadius(n) + 3);
    }

    private double markRadius(Projection p) {
        return drewThumbnails ? thumbSide() / 2 : dotRadius(p.size());
    }

    /** Draws the frame: {@code hovered} is a map point or -1, {@code box} the selection rectangle or null. */
    void draw(int hovered, double[] box) {
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
        drewHighlight = false;
        Projection p = vm.projectionProperty().get();
        IndexedGallery gallery = vm.projectedGalleryProperty().get();
        if (p == null || gallery == null || w < 1 || h < 1) {
            return;
        }
        viewport.ensureFitted(p);
        int visible = countVisible(p, w, h);
        if (visible <= MapView.THUMBNAILS_UP_TO && viewport.zoom() >= 2.5) {
            drawThumbnails(g, p, gallery, w, h);
        } else if (visible <= MapView.VECTOR_DOTS_UP_TO) {
            drawDots(g, p, w, h);
        } else {
            stampDots(g, p, w, h);
        }
        drawSelection(g, p);
        drawQuery(g, p);
        drawHighlight(g, p, gallery);
        if (hovered >= 0 && hovered < p.size()) {
            g.setStroke(Color.BLACK);
            g.setLineWidth(2);
            double r = markRadius(p) + (drewThumbnails ? 3 : 4);
            g.strokeOval(viewport.sx(p.x(hovered)) - r, viewport.sy(p.y(hovered)) - r, 2 * r, 2 * r);
        }
        if (box != null) {
            g.setStroke(SELECTED);
            g.setFill(Color.web("#0969da", 0.08));
            g.setLineWidth(1.5);
            g.fillRect(box[0], box[1], box[2] - box[0], box[3] - box[1]);
            g.strokeRect(box[0], box[1], box[2] - box[0], box[3] - box[1]);
        }
    }

    private int countVisible(Projection p, double w, double h) {
        int n = 0;
        for (int i = 0; i < p.size(); i++) {
            double x = viewport.sx(p.x(i));
            double y = viewport.sy(p.y(i));
            if (x >= -8 && y >= -8 && x <= w + 8 && y <= h + 8) {
                n++;
            }
        }
        return n;
    }

    private static Color colour(int rgb) {
        return Color.rgb((rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff);
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
            g.setFill(colour(group.getKey()));
            for (int i : group.getValue()) {
                double x = viewport.sx(p.x(i));
                double y = viewport.sy(p.y(i));
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
            pixelBuffer = new PixelBuffer<>(iw, ih, IntBuffer.wrap(pixels), PixelFormat.getIntArgbPreInstance());
            frame = new WritableImage(pixelBuffer);
        }
        Arrays.fill(pixels, 0); // transparent: the background shows through
        int side = Math.max(1, (int) Math.round(dotRadius(p.size()) * 2));
        int half = side / 2;
        for (int i = 0; i < p.size(); i++) {
            int x = (int) viewport.sx(p.x(i)) - half;
            int y = (int) viewport.sy(p.y(i)) - half;
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
            double x = viewport.sx(p.x(i));
            double y = viewport.sy(p.y(i));
            if (x < -side || y < -side || x > w + side || y > h + side) {
                continue;
            }
            GalleryEntry entry = gallery.entries().get(p.galleryIndex(i));
            Image thumb = shownThumbs.get(entry);
            g.setFill(colour(argb[i]));
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
                    if (image != null && shownThumbs.size() < 2 * MapView.THUMBNAILS_UP_TO) {
                        shownThumbs.put(entry, image);
                        redraw.run();
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
        g.setStroke(SELECTED);
        g.setLineWidth(1.5);
        double r = markRadius(p) + 2;
        for (int index : vm.selection()) {
            int point = p.pointOf(index);
            if (point >= 0) {
                g.strokeOval(viewport.sx(p.x(point)) - r, viewport.sy(p.y(point)) - r, 2 * r, 2 * r);
            }
        }
    }

    /** The picked photo: a thick dark ring in a white halo and its name under it, on A's map and B's alike. */
    private void drawHighlight(GraphicsContext g, Projection p, IndexedGallery gallery) {
        int index = vm.highlightedIndexProperty().get();
        int point = index < 0 || index >= gallery.size() ? -1 : p.pointOf(index);
        if (point < 0) {
            return;
        }
        double x = viewport.sx(p.x(point));
        double y = viewport.sy(p.y(point));
        double r = markRadius(p) + 8;
        g.setStroke(Color.WHITE);
        g.setLineWidth(8);
        g.strokeOval(x - r, y - r, 2 * r, 2 * r);
        g.setStroke(HIGHLIGHT);
        g.setLineWidth(4);
        g.strokeOval(x - r, y - r, 2 * r, 2 * r);
        GalleryEntry entry = gallery.entries().get(index);
        String name = entry.path().getFileName() == null ? entry.path().toString() : entry.path().getFileName().toString();
        g.setFont(Font.font(null, FontWeight.BOLD, 13));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        g.setStroke(Color.WHITE);
        g.setLineWidth(4);
        g.strokeText(name, x, y + r + 6); // under it: the query's label is on its right
        g.setFill(HIGHLIGHT);
        g.fillText(name, x, y + r + 6);
        drewHighlight = true;
    }

    private void drawQuery(GraphicsContext g, Projection p) {
        float[] q = vm.queryOnMapProperty().get();
        if (q == null) {
            return;
        }
        double qx = viewport.sx(q[0]);
        double qy = viewport.sy(q[1]);
        double reach = 0;
        for (int index : vm.neighbours()) {
            int point = p.pointOf(index);
            if (point >= 0) {
                reach = Math.max(reach, Math.hypot(viewport.sx(p.x(point)) - qx, viewport.sy(p.y(point)) - qy));
            }
        }
        // the circle the true top 5 span on the map: any other photo inside it looks nearer than they are
        g.setStroke(Color.web("#57606a"));
        g.setLineWidth(1);
        g.setLineDashes(6, 5);
        g.strokeOval(qx - reach, qy - reach, 2 * reach, 2 * reach);
        g.setLineDashes();
        double r = markRadius(p) + 4;
        g.setStroke(INTRUDER);
        g.setLineWidth(2.5);
        for (int index : vm.intruders()) {
            int point = p.pointOf(index);
            if (point >= 0) {
                g.strokeOval(viewport.sx(p.x(point)) - r, viewport.sy(p.y(point)) - r, 2 * r, 2 * r);
            }
        }
        g.setLineWidth(2);
        g.setLineCap(StrokeLineCap.ROUND);
        int rank = 0;
        for (int index : vm.neighbours()) {
            rank++;
            int point = p.pointOf(index);
            if (point < 0) {
                continue; // not in the sample
            }
            double nx = viewport.sx(p.x(point));
            double ny = viewport.sy(p.y(point));
            g.setStroke(LINE);
            g.strokeLine(qx, qy, nx, ny);
            drawnLines++;
            g.setFill(LINE);
            g.fillOval(nx - 8, ny - 8, 16, 16);
            g.setFill(Color.WHITE);
            g.setFont(Font.font(null, FontWeight.BOLD, 11));
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.fillText(Integer.toString(rank), nx, ny);
        }
        g.setFill(QUERY);
        g.setStroke(Color.BLACK);
        g.setLineWidth(2);
        g.fillOval(qx - 10, qy - 10, 20, 20);
        g.strokeOval(qx - 10, qy - 10, 20, 20);
        g.setFont(Font.font(null, FontWeight.BOLD, 13));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        double labelX = qx + markRadius(p) + 14; // clear of the picked photo's ring, which may circle the query
        g.setStroke(Color.WHITE);
        g.setLineWidth(4);
        g.strokeText("query", labelX, qy);
        g.setFill(Color.BLACK);
        g.fillText("query", labelX, qy);
    }

    int drawnPoints() {
        return drawnPoints;
    }

    int drawnLines() {
        return drawnLines;
    }

    boolean drewThumbnails() {
        return drewThumbnails;
    }

    boolean drewHighlight() {
        return drewHighlight;
    }
}
