package org.visualsearch.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.visualsearch.ui.FxThread.fx;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.controlsfx.control.GridView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import org.visualsearch.core.evaluation.CategoryScore;
import org.visualsearch.core.evaluation.ConfusionMatrix;
import org.visualsearch.core.evaluation.ConfusionPair;
import org.visualsearch.core.evaluation.GalleryEvaluation;
import org.visualsearch.core.evaluation.GalleryEvaluator;
import org.visualsearch.core.evaluation.Match;
import org.visualsearch.core.evaluation.QueryScore;
import org.visualsearch.core.search.IndexedGallery;
import org.visualsearch.core.model.ColorHistogramEmbedder;
import org.visualsearch.ui.evaluate.EvaluateViewModel;

/**
 * The Evaluate window on a labelled test gallery, headless: its numbers are the core's, the worst
 * query shows its wrong results marked, a confusion cell opens its pairs. Two dog-coloured photos
 * filed under vehicle make sure there are wrong results to show; one photo lies outside any
 * category folder and must be reported as left out.
 */
class EvaluateWindowTest {
    @TempDir
    static Path dir;
    static IndexedGallery gallery;
    static GalleryEvaluation expected;

    private final FxRobot robot = new FxRobot();
    private VisualSearchApp app;

    @BeforeAll
    static void setUpGallery() throws Exception {
        FxToolkit.registerPrimaryStage();
        Path root = TestGalleries.writeGallery(dir.resolve("gallery"), 8);
        Random random = new Random(5);
        TestGalleries.writePhoto(root.resolve("vehicle/misfiled-dog-1.png"), TestGalleries.CATEGORIES.get("dog"), random);
        TestGalleries.writePhoto(root.resolve("vehicle/misfiled-dog-2.png"), TestGalleries.CATEGORIES.get("dog"), random);
        TestGalleries.writePhoto(root.resolve("loose.png"), TestGalleries.CATEGORIES.get("food"), random);
        gallery = TestGalleries.index(root, new ColorHistogramEmbedder(), null);
        expected = GalleryEvaluator.evaluate(gallery);
    }

    @BeforeEach
    void openWindow() throws Exception {
        app = WindowTestSupport.launch(gallery);
        // the Evaluate view is built when its tab is first selected, as a user does below
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> app.stage().getScene().lookup("#viewTabs") != null
                && !((javafx.scene.control.TabPane) app.stage().getScene().lookup("#viewTabs")).getTabs().isEmpty()));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> search().galleryProperty().get() != null));
        robot.clickOn("#evaluateTab");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> fx(() -> viewModel() != null && viewModel().evaluationProperty().get() != null));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void closeWindow() throws Exception {
        WindowTestSupport.close(app);
    }

    private Stage evaluateStage() {
        return app.stage();
    }

    private org.visualsearch.ui.search.SearchViewModel search() {
        return app.viewModel().search();
    }

    private EvaluateViewModel viewModel() {
        Node view = evaluateStage().getScene().lookup("#evaluateView");
        return view == null ? null : (EvaluateViewModel) view.getProperties().get(EvaluateViewModel.class);
    }

    private <T extends Node> T find(String id) {
        return robot.from(evaluateStage().getScene().getRoot()).lookup(id).query();
    }

    @Test
    void theNumbersAreTheCoresAndLeftOutPhotosAreCounted() throws Exception {
        GalleryEvaluation shown = fx(() -> viewModel().evaluationProperty().get());
        assertThat(shown.galleryKey()).isEqualTo(expected.galleryKey());
        assertThat(fx(() -> ((Label) find("#evalScore")).getText()))
                .isEqualTo(String.format(Locale.ROOT, "mP@5 %.3f", expected.meanPrecision()));
        for (CategoryScore s : expected.categories().values()) {
            Node row = find("#category-" + s.category());
            String texts = fx(() -> String.join(" ", row.lookupAll(".label").stream().map(n -> ((Label) n).getText()).toList()));
            assertThat(texts).contains(s.category(), String.valueOf(s.queries()), String.format(Locale.ROOT, "%.3f", s.meanPrecision()));
        }
        assertThat(fx(() -> ((Label) find("#evalLeftOut")).getText())).contains("1 photo without a category", "not scored");
        String references = fx(() -> ((Label) find("#evalReferences")).getText());
        assertThat(references).contains("different test set", "0.728", "0.678");
        ListView<QueryScore> list = find("#evalQueries");
        assertThat(fx(() -> list.getItems().size())).isEqualTo(expected.queryCount());
        assertThat(fx(() -> list.getItems().get(0).precision())).isEqualTo(expected.worstFirst().get(0).precision());
        WindowTestSupport.screenshot(evaluateStage().getScene(), "evaluate-view");
    }

    @Test
    void theWorstQueryShowsItsTopFiveWithWrongResultsMarked() throws Exception {
        QueryScore worst = expected.worstFirst().get(0);
        assertThat(worst.entry().path().getFileName().toString()).startsWith("misfiled-dog");
        assertThat(worst.wrongCount()).isPositive();
        ListView<QueryScore> list = find("#evalQueries");
        // Select another query, then the worst one again, as a user would.
        fx(() -> list.getSelectionModel().select(3));
        Node firstCell = fx(() -> list.lookupAll(".list-cell").stream()
                .filter(n -> n instanceof javafx.scene.control.ListCell<?> c && c.getIndex() == 0).findFirst().orElseThrow());
        robot.clickOn(firstCell);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> viewModel().selectedQueryProperty().get())).isEqualTo(worst);

        for (Match m : worst.top()) {
            Node card = find("#eval-match-" + m.rank());
            assertThat(fx(() -> card.getStyleClass().contains("wrong"))).as("card #%d", m.rank()).isEqualTo(!m.correct());
            String texts = fx(() -> String.join(" ", card.lookupAll(".label").stream().map(n -> ((Label) n).getText()).toList()));
            assertThat(texts).contains(m.entry().categoryOrUnlabelled(), String.format(Locale.ROOT, "%.3f", m.distance()));
            assertThat(texts).contains(m.correct() ? "✓ right" : "✗ wrong");
        }
        awaitThumbnails();
        WindowTestSupport.screenshot(evaluateStage().getScene(), "evaluate-worst-query");
    }

    @Test
    void clickingAConfusionCellShowsItsPairs() throws Exception {
        ConfusionMatrix m = expected.confusion();
        int row = m.rowOf("vehicle");
        int column = m.columnOf("dog");
        assertThat(m.count(row, column)).isPositive();
        Canvas canvas = find("#evalConfusion");
        Point2D target = fx(() -> {
            double[] c = cellCentre(canvas, row, column);
            return canvas.localToScreen(c[0], c[1]);
        });
        robot.clickOn(target);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(fx(() -> viewModel().selectedCellProperty().get())).isEqualTo(new EvaluateViewModel.Cell("vehicle", "dog"));
        List<ConfusionPair> pairs = expected.pairs("vehicle", "dog");
        GridView<ConfusionPair> grid = find("#evalPairs");
        assertThat(fx(() -> List.copyOf(grid.getItems()))).isEqualTo(pairs);
        assertThat(pairs).allSatisfy(p -> {
            assertThat(p.query().category()).isEqualTo("vehicle");
            assertThat(p.result().entry().category()).isEqualTo("dog");
        });
        assertThat(fx(() -> ((Label) find("#evalPairsTitle")).getText())).isEqualTo("vehicle queries → dog results: " + pairs.size() + " pairs");
        awaitThumbnails();
        WindowTestSupport.screenshot(evaluateStage().getScene(), "evaluate-confusion-drilldown");
    }

    @Test
    void reopeningIsInstantFromTheCache() throws Exception {
        GalleryEvaluation first = fx(() -> viewModel().evaluationProperty().get());
        robot.clickOn("#searchTab");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> viewModel().activeProperty().get())).isFalse();
        robot.clickOn("#evaluateTab");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> viewModel().evaluationProperty().get())).isSameAs(first);
        assertThat(fx(() -> viewModel().runningProperty().get())).isFalse();
    }

    @Test
    void exportWritesTheReportChosenInTheSaveDialog() throws Exception {
        Path file = dir.resolve("exported-report.html");
        Files.deleteIfExists(file);
        fx(() -> viewModel().exportReport(file, message -> { }));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Files.exists(file));
        String html = Files.readString(file);
        assertThat(html).contains(String.format(Locale.ROOT, "%.3f", expected.meanPrecision()), "id=\"worst\"", "misfiled-dog");
    }

    private static double[] cellCentre(Canvas canvas, int row, int column) throws Exception {
        var method = canvas.getClass().getDeclaredMethod("cellCentre", int.class, int.class);
        method.setAccessible(true);
        return (double[]) method.invoke(canvas, row, column);
    }

    /** Thumbnails load on background threads: wait until the visible cards have theirs. */
    private void awaitThumbnails() throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> evaluateStage().getScene().getRoot()
                .lookupAll("#evalSelected .image-view").stream()
                .allMatch(n -> ((javafx.scene.image.ImageView) n).getImage() != null || !n.isVisible())));
        WaitForAsyncUtils.waitForFxEvents();
    }
}
