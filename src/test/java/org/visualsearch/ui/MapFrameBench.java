package org.visualsearch.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.visualsearch.core.search.GalleryEntry;
import org.visualsearch.core.search.IndexedGallery;
import org.visualsearch.core.model.ModelInfo;
import org.visualsearch.core.search.VectorIndex;
import org.visualsearch.ui.gallery.ThumbnailCache;
import org.visualsearch.ui.map.MapView;
import org.visualsearch.ui.map.MapViewModel;

/**
 * The map's frame time while panning at N points (default 100,000), headless (Monocle, software
 * rendering, as the tests run): the time of {@link MapView#drawNow()} per frame, and the time
 * between pulses while the view pans every pulse (drawing plus JavaFX putting it on screen).
 * Prints medians and 95th percentiles. Not a test: run its main with the test classpath.
 */
public final class MapFrameBench {

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int frames = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        System.setProperty("headless.geometry", "1920x1080-32");
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        IndexedGallery gallery = synthetic(n);
        var executor = Executors.newSingleThreadExecutor();
        CountDownLatch projected = new CountDownLatch(1);
        MapView[] view = new MapView[1];
        Platform.runLater(() -> {
            MapViewModel vm = new MapViewModel(new SimpleObjectProperty<>(gallery), new SimpleObjectProperty<>(gallery.vectors().vector(0)),
                    FXCollections.observableArrayList(gallery.nearest(gallery.vectors().vector(0), 5)), executor, i -> { },
                    new org.visualsearch.core.projection.ProjectionCache(2));
            view[0] = new MapView(vm, new ThumbnailCache(executor, 10, 1 << 20));
            Stage stage = new Stage();
            stage.setScene(new Scene(view[0].root(), 1280, 800));
            stage.show();
            vm.projectionProperty().addListener((o, a, b) -> projected.countDown());
        });
        projected.await(60, TimeUnit.SECONDS);
        long[] draw = new long[frames];
        long[] pulse = new long[frames];
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> new AnimationTimer() {
            private int frame = -20; // warm-up
            private long last;

            @Override
            public void handle(long now) {
                view[0].panBy(frame % 200 < 100 ? 3 : -3, 1.5 * Math.sin(frame / 10.0));
                long d = view[0].drawNow();
                if (frame >= 0 && frame < frames) {
                    draw[frame] = d;
                    pulse[frame] = now - last;
                }
                last = now;
                if (++frame >= frames) {
                    stop();
                    done.countDown();
                }
            }
        }.start());
        done.await(120, TimeUnit.SECONDS);
        int drawn = view[0].drawnPoints();
        System.out.printf("map, %,d points (%,d drawn in view), %d frames while panning:%n", n, drawn, frames);
        System.out.printf("  drawNow: median %.2f ms, p95 %.2f ms%n", median(draw), p95(draw));
        System.out.printf("  pulse to pulse: median %.2f ms, p95 %.2f ms (the pulse is capped at 60 Hz, 16.7 ms)%n",
                median(pulse), p95(pulse));
        executor.shutdownNow();
        Platform.exit();
    }

    private static double median(long[] v) {
        long[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2] / 1e6;
    }

    private static double p95(long[] v) {
        long[] s = v.clone();
        Arrays.sort(s);
        return s[(int) (s.length * 0.95)] / 1e6;
    }

    static IndexedGallery synthetic(int n) {
        VectorIndex v = org.visualsearch.core.projection.ProjectionBenchAccess.vectors(n);
        List<GalleryEntry> entries = new ArrayList<>(n);
        String[] categories = {"dog", "vehicle", "food", "landmark", "clothes"};
        for (int i = 0; i < n; i++) {
            entries.add(new GalleryEntry(Path.of("synthetic-" + i + ".jpg"), categories[i % 5], "h" + i));
        }
        return new IndexedGallery(new ModelInfo("synthetic", "synthetic 64-d", 64), entries, v);
    }
}
