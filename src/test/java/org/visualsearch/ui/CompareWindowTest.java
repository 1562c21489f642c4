package org.visualsearch.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.visualsearch.ui.FxThread.fx;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import org.visualsearch.core.comparison.ModelComparison;
import org.visualsearch.core.search.IndexedGallery;
import org.visualsearch.core.model.ColorHistogramEmbedder;
import org.visualsearch.core.model.EmbeddingException;
import org.visualsearch.core.model.ImageEmbedder;
import org.visualsearch.core.model.ModelInfo;
import org.visualsearch.ui.compare.CompareView;
import org.visualsearch.ui.compare.CompareViewModel;
import org.visualsearch.ui.gallery.ThumbnailCache;
import org.visualsearch.app.ModelChoice;

/** The comparison window on plain inputs: model A the histogram, model B the photos' mean colour. */
class CompareWindowTest {
    @TempDir
    static Path dir;
    static Path root;
    static IndexedGallery galleryA;

    private final FxRobot robot = new FxRobot();
    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    private final ExecutorService thumbs = Executors.newFixedThreadPool(2);
    private Stage stage;

    /** A second tiny "model": an image's mean red, green and blue. */
    static final class MeanColourEmbedder implements ImageEmbedder {
        @Override
        public ModelInfo info() {
            return new ModelInfo("mean-colour", "Mean colour", 3);
        }

        @Override
        public float[] embed(BufferedImage image) throws EmbeddingException {
            double r = 0;
            double g = 0;
            double b = 0;
            for (int y = 0; y < image.getHeight(); y++) {
                for (int x = 0; x < image.getWidth(); x++) {
                    int rgb = image.getRGB(x, y);
                    r += (rgb >> 16) & 0xff;
                    g += (rgb >> 8) & 0xff;
                    b += rgb & 0xff;
                }
            }
            double n = 255.0 * image.getWidth() * image.getHeight();
            return new float[] {(float) (r / n), (float) (g / n), (float) (b / n)};
        }

        @Override
        public void close() {
        }
    }

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

    private CompareViewModel open(CompareViewModel.GalleryLoader loader) throws Exception {
        ModelChoice a = new ModelChoice("histogram", "Colour histogram (baseline)");
        ModelChoice b = new ModelChoice("mean", "Mean colour");
        CompareViewModel vm = fx(() -> new CompareViewModel(new SimpleObjectProperty<>(galleryA), new SimpleObjectProperty<>(a),
                FXCollections.observableArrayList(a, b), loader, executor));
        fx(() -> {
            VisualSearchApp.applyTheme(); // the window's AtlantaFX theme, as in the app
            CompareView view = new CompareView(vm, new ThumbnailCache(thumbs, 200, 16L << 20));
            stage = new Stage();
            ScrollPane scroll = new ScrollPane(view.root());
            scroll.setFitToWidth(true);
            Scene scene = new Scene(scroll, 1240, 1000);
            scene.getStylesheets().add(VisualSearchApp.class.getResource(VisualSearchApp.STYLESHEET).toExternalForm());
            stage.setScene(scene);
            stage.show();
        });
        return vm;
    }

    @Test
    void comparingShowsBothScoresTheTableAndTwoTopFiveRowsForOneQuery() throws Exception {
        AtomicInteger loads = new AtomicInteger();
        CompareViewModel vm = open((model, progress) -> {
            loads.incrementAndGet();
            return TestGalleries.index(root, new MeanColourEmbedder(), progress);
        });
        assertThat(fx(() -> vm.modelBProperty().get().label())).isEqualTo("Mean colour");
        robot.clickOn("#compareButton");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> fx(() -> vm.comparisonProperty().get() != null));
        ModelComparison c = fx(() -> vm.comparisonProperty().get());
        assertThat(loads.get()).isEqualTo(1);
        assertThat(fx(() -> robot.lookup("#compareScoreA").queryAs(Label.class).getText()))
                .contains(String.format(java.util.Locale.ROOT, "%.3f", c.meanPrecisionA()));
        assertThat(fx(() -> robot.lookup("#compareScoreB").queryAs(Label.class).getText()))
                .contains(String.format(java.util.Locale.ROOT, "%.3f", c.meanPrecisionB()));
        assertThat(fx(() -> robot.lookup("#compareTable").queryTableView().getItems().size())).isEqualTo(5);

        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> fx(() -> vm.queryProperty().get() != null));
        HBox rowA = robot.lookup("#compareRowA").queryAs(HBox.class);
        HBox rowB = robot.lookup("#compareRowB").queryAs(HBox.class);
        assertThat(fx(() -> rowA.getChildren().size())).isEqualTo(5);
        assertThat(fx(() -> rowB.getChildren().size())).isEqualTo(5);
        var q = fx(() -> vm.queryProperty().get());
        // each card of A's row says where B ranks that photo
        for (int rank = 1; rank <= 5; rank++) {
            String badge = fx(robot.lookup("#compare-a-badge-" + rank).queryAs(Label.class)::getText);
            assertThat(badge).contains("B").contains("#" + q.topA().get(rank - 1).otherRank() + " · ");
        }
        // picking another changed query shows its rows
        if (fx(() -> vm.changedMost().size()) > 1) {
            int second = fx(() -> vm.changedMost().get(1).index());
            fx(() -> robot.lookup("#compareChanged").queryListView().getSelectionModel().select(1));
            assertThat(fx(() -> vm.queryProperty().get().queryIndex())).isEqualTo(second);
        }
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS); // thumbnails arrive on the FX thread: a settled picture
        WindowTestSupport.screenshot(stage.getScene(), "compare-histogram-vs-mean-colour");
    }

    @Test
    void aLongEmbeddingCanBeCancelledAndNothingIsShown() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CompareViewModel vm = open((model, progress) -> {
            started.countDown();
            while (!progress.isCancelled()) {
                Thread.onSpinWait();
            }
            throw new java.util.concurrent.CancellationException();
        });
        robot.clickOn("#compareButton");
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(fx(() -> vm.runningProperty().get())).isTrue();
        robot.clickOn("#compareCancel");
        assertThat(fx(() -> vm.runningProperty().get())).isFalse();
        assertThat(fx(() -> vm.comparisonProperty().get())).isNull();
        assertThat(fx(() -> robot.lookup("#compareMessage").queryAs(Label.class).getText())).contains("Cancelled");
    }

}
