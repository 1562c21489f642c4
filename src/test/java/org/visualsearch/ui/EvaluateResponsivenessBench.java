package org.visualsearch.ui;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.visualsearch.core.evaluation.EvaluationCache;
import org.visualsearch.core.evaluation.PhotoCredits;
import org.visualsearch.core.search.IndexedGallery;
import org.visualsearch.ui.evaluate.EvaluateView;
import org.visualsearch.ui.evaluate.EvaluateViewModel;
import org.visualsearch.ui.gallery.ThumbnailCache;

/**
 * How responsive the Evaluate view stays while it scores an N-photo gallery (default 100,000),
 * headless (Monocle, software rendering, as the tests run). An animation timer notes every
 * pulse from "Evaluate" to the finished tables on screen; the bench prints the evaluation's wall
 * time and the gaps between frames (median, 99th percentile, longest), and the longest gap while
 * the result is put on screen. A gap is how long the FX thread could not draw: a frozen window
 * shows as a gap of seconds. Not a test: run its main with the test class path, e.g. after
 * {@code mvn -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt}:
 * {@code java -cp target/test-classes:target/classes:$(cat target/cp.txt)
 * org.visualsearch.ui.EvaluateResponsivenessBench 100000}.
 */
public final class EvaluateResponsivenessBench {

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        System.setProperty("headless.geometry", "1920x1080-32");
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        IndexedGallery gallery = MapFrameBench.synthetic(n);
        ExecutorService executor = Executors.newSingleThreadExecutor();
        long[] gaps = new long[1 << 16];
        int[] count = new int[1];
        long[] finishGap = new long[1];
        long[] startedAt = new long[1];
        long[] finishedAt = new long[1];
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            javafx.application.Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
            EvaluateViewModel vm = new EvaluateViewModel(new SimpleObjectProperty<>(gallery), executor,
                    new EvaluationCache(2), entry -> Optional.empty(), PhotoCredits.none(), g -> OptionalDouble.empty());
            EvaluateView view = new EvaluateView(vm, new ThumbnailCache(executor, 10, 1 << 20), w -> Optional.<Path>empty());
            Stage stage = new Stage();
            Scene scene = new Scene(view.root(), 1280, 800);
            scene.getStylesheets().add(VisualSearchApp.class.getResource(VisualSearchApp.STYLESHEET).toExternalForm());
            stage.setScene(scene);
            stage.show();
            AnimationTimer frames = new AnimationTimer() {
                private long last;
                private boolean finishing;

                @Override
                public void handle(long now) {
                    long gap = last == 0 ? 0 : now - last;
                    last = now;
                    if (gap > 0 && count[0] < gaps.length) {
                        gaps[count[0]++] = gap;
                    }
                    if (finishing) {
                        // The first frame after the result arrived: its gap holds the tables' build.
                        finishGap[0] = gap;
                        stop();
                        done.countDown();
                    }
                    if (!finishing && vm.evaluationProperty().get() != null) {
                        finishing = true;
                    }
                }
            };
            vm.evaluationProperty().addListener((o, was, now) -> finishedAt[0] = System.nanoTime());
            frames.start();
            startedAt[0] = System.nanoTime();
            vm.activeProperty().set(true); // what opening the tab does
        });
        if (!done.await(30, TimeUnit.MINUTES)) {
            throw new IllegalStateException("the evaluation did not finish in 30 minutes");
        }
        long[] sorted = Arrays.copyOf(gaps, count[0]);
        Arrays.sort(sorted);
        System.out.printf("evaluate view, %,d photos: scored and shown in %.1f s, %,d frames%n", n,
                (finishedAt[0] - startedAt[0]) / 1e9, sorted.length);
        System.out.printf("  frame gap: median %.1f ms, p99 %.1f ms, longest %.1f ms; "
                        + "gap of the frame that put the result on screen %.1f ms%n",
                sorted[sorted.length / 2] / 1e6, sorted[(int) (sorted.length * 0.99)] / 1e6,
                sorted[sorted.length - 1] / 1e6, finishGap[0] / 1e6);
        executor.shutdownNow();
        Platform.exit();
    }
}
