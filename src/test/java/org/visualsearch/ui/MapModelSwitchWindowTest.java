package org.visualsearch.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.visualsearch.ui.FxThread.fx;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.scene.Scene;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import org.visualsearch.app.ModelChoice;
import org.visualsearch.core.comparison.ModelComparison;
import org.visualsearch.core.model.ColorHistogramEmbedder;
import org.visualsearch.core.projection.ProjectionCache;
import org.visualsearch.core.search.GalleryEntry;
import org.visualsearch.core.search.IndexedGallery;
import org.visualsearch.ui.compare.CompareViewModel;
import org.visualsearch.ui.gallery.ThumbnailCache;
import org.visualsearch.ui.map.MapView;
import org.visualsearch.ui.map.MapViewModel;

/** The map switches between the comparison's models A and B, and the picked photo stays marked. */
class MapModelSwitchWindowTest {
    @TempDir
    static Path dir;
    static Path root;
    static IndexedGallery galleryA;

    private final FxRobot robot = new FxRobot();
    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    private final ExecutorService thumbs = Executors.newFixedThreadPool(2);
    private Stage stage;

    @BeforeAll
    static void setUp() throws Exception {
        FxToolkit.registerPrimaryStage();
        root = TestGalleries.writeGallery(dir.resolve("gallery"), 8);
        galleryA = TestGalleries.index(root, new ColorHistogramEmbedder(), null);
    }

    @AfterEach
    void close() throws Exception {
        if (stage != null) {
            fx(stage::close);
        }
        executor.shutdownNow();
        thumbs.shutdownNow();
    }

    @Test
    void switchingToModelBKeepsThePickedPhotoMarkedAndDrawsItsTopFiveUnderB() throws Exception {
        ModelChoice a = new ModelChoice("histogram", "Colour histogram (baseline)");
        ModelChoice b = new ModelChoice("mean", "Mean colour");
        AtomicInteger searches = new AtomicInteger();
        List<Integer> searched = new ArrayList<>();
        SimpleObjectProperty<IndexedGallery> current = new SimpleObjectProperty<>(galleryA);
        CompareViewModel compare = fx(() -> new CompareViewModel(current, new SimpleObjectProperty<>(a),
                FXCollections.observableArrayList(a, b),
                (model, progress) -> TestGalleries.index(root, new CompareWindowTest.MeanColourEmbedder(), progress), executor));
        MapViewModel vm = fx(() -> new MapViewModel(current, new SimpleObjectProperty<>(),
                FXCollections.observableArrayList(), executor, index -> {
                    searches.incrementAndGet();
                    searched.add(index);
                }, new ProjectionCache(4), compare.comparisonProperty()));
        MapView map = fx(() -> {
            VisualSearchApp.applyTheme();
            MapView view = new MapView(vm, new ThumbnailCache(thumbs, 200, 16L << 20));
            stage = new Stage();
            Scene scene = new Scene(view.root(), 1100, 760);
            scene.getStylesheets().add(VisualSearchApp.class.getResource(VisualSearchApp.STYLESHEET).toExternalForm());
            stage.setScene(scene);
            stage.show();
            return view;
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> map.drawnPoints() == galleryA.size()));
        ToggleButton toB = robot.lookup("#mapModelB").queryAs(ToggleButton.class);
        assertThat(fx(toB::isDisabled)).as("no comparison yet").isTrue();
        assertThat(fx(toB::isVisible)).isFalse();
        assertThat(fx(() -> robot.lookup("#mapModelHint").queryLabeled().isVisible())).isTrue();

        assertThat(fx(compare::compare)).isTrue();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> fx(() -> compare.comparisonProperty().get() != null));
        ModelComparison c = fx(() -> compare.comparisonProperty().get());
        assertThat(fx(toB::isDisabled)).isFalse();
        assertThat(fx(toB::isVisible)).isTrue();
        assertThat(fx(() -> robot.lookup("#mapModelHint").queryLabeled().isVisible())).isFalse();
        assertThat(fx(toB::getText)).isEqualTo("B: Mean colour");

        // pick a photo on A's map: it is searched with and marked
        int point = fx(() -> loneliest(map, galleryA.size()));
        GalleryEntry picked = fx(() -> vm.entryOf(point));
        double[] at = fx(() -> map.screenOf(point));
        robot.moveTo(fx(() -> map.canvas().localToScreen(at[0], at[1]))).clickOn(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> fx(() -> map.drewHighlight()));
        assertThat(searches.get()).isEqualTo(1);
        assertThat(galleryA.entries().get(searched.get(0))).isEqualTo(picked);
        assertThat(fx(() -> vm.highlightedProperty().get())).isEqualTo(picked);

        robot.clickOn("#mapModelB");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> vm.projectedGalleryProperty().get() == c.galleryB()
                && map.drawnNeighbourLines() == 5 && map.drewHighlight()));
        int inB = c.galleryB().entries().indexOf(picked);
        assertThat(fx(() -> vm.highlightedIndexProperty().get())).isEqualTo(inB);
        // the lines go to the picked photo's true top 5 under B, itself left out
        List<Integer> topUnderB = c.galleryB().vectors().nearest(c.galleryB().vectors().vector(inB), 5, inB).stream()
                .map(n -> n.index()).toList();
        assertThat(fx(() -> List.copyOf(vm.neighbours()))).isEqualTo(topUnderB);
        assertThat(fx(() -> robot.lookup("#mapLegend").queryAs(javafx.scene.layout.FlowPane.class).getChildren().size()))
                .isEqualTo(5 + 5); // the categories, the four query keys and the picked photo's
        WindowTestSupport.screenshot(stage.getScene(), "map-switch-model-b");

        // back to A: the same photo is still marked
        robot.clickOn("#mapModelA");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> vm.projectedGalleryProperty().get() == galleryA
                && map.drewHighlight()));
        assertThat(fx(() -> vm.highlightedIndexProperty().get())).isEqualTo(galleryA.entries().indexOf(picked));
        WindowTestSupport.screenshot(stage.getScene(), "map-switch-model-a");

        // picking another query in the comparison moves the mark (as the window wires it)
        fx(() -> compare.queryProperty().addListener((o, was, now) -> {
            if (now != null) {
                vm.highlight(now.query());
            }
        }));
        int other = (inB + 1) % c.galleryA().size();
        fx(() -> compare.selectQuery(other));
        assertThat(fx(() -> vm.highlightedProperty().get())).isEqualTo(c.galleryA().entries().get(other));

        // on B, a new current gallery ends the comparison: the map goes back to A and B is disabled
        fx(() -> vm.sideProperty().set(MapViewModel.Side.B));
        // (another model's vectors: a record equal to the old one would not be a change)
        IndexedGallery reloaded = new IndexedGallery(new org.visualsearch.core.model.ModelInfo("other", "Other",
                galleryA.model().dimension()), galleryA.entries(), galleryA.vectors());
        fx(() -> current.set(reloaded));
        assertThat(fx(() -> vm.sideProperty().get())).isEqualTo(MapViewModel.Side.A);
        assertThat(fx(toB::isDisabled)).isTrue();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> vm.projectedGalleryProperty().get() == reloaded));
        assertThat(fx(() -> vm.highlightedIndexProperty().get())).isEqualTo(other);
    }

    /** The point farthest on screen from any other, so a click cannot hit a neighbour. */
    private static int loneliest(MapView map, int n) {
        int best = 0;
        double bestGap = -1;
        for (int i = 0; i < n; i++) {
            double gap = Double.MAX_VALUE;
            for (int j = 0; j < n; j++) {
                if (j != i) {
                    gap = Math.min(gap, Math.hypot(map.screenOf(i)[0] - map.screenOf(j)[0], map.screenOf(i)[1] - map.screenOf(j)[1]));
                }
            }
            if (gap > bestGap) {
                bestGap = gap;
                best = i;
            }
        }
        return best;
    }
}
