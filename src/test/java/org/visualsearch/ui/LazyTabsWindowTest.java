package org.visualsearch.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.visualsearch.ui.FxThread.fx;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import org.visualsearch.core.evaluation.GalleryEvaluator;
import org.visualsearch.core.model.ColorHistogramEmbedder;
import org.visualsearch.core.search.IndexedGallery;
import org.visualsearch.ui.map.MapView;
import org.visualsearch.ui.window.MainView;

/**
 * The window builds only the Search tab before it shows (building all five kept a warm start
 * about half a second longer); every other tab is built when it is first selected, and then
 * works as before: the Evaluate tab scores the gallery, the Map draws it, Compare and Train show
 * their controls. The help overlay and the heatmap join the window when first shown. Screenshots of each tab go to target/screenshots/lazy-tabs-*.png.
 */
class LazyTabsWindowTest {
    /** Each deferred tab and a node only its view has. */
    private static final Map<String, String> NODE_OF_TAB = Map.of(
            "evaluateTab", "#evaluateView",
            "mapTab", "#mapView",
            "compareTab", "#compareView",
            "trainTab", "#trainStart");

    @TempDir
    static Path dir;
    static IndexedGallery gallery;

    private final FxRobot robot = new FxRobot();
    private VisualSearchApp app;

    @BeforeAll
    static void setUpGallery() throws Exception {
        FxToolkit.registerPrimaryStage();
        gallery = TestGalleries.index(TestGalleries.writeGallery(dir.resolve("gallery"), 8), new ColorHistogramEmbedder(), null);
    }

    @BeforeEach
    void openWindow() throws Exception {
        app = WindowTestSupport.launchReady(gallery);
    }

    @AfterEach
    void closeWindow() throws Exception {
        WindowTestSupport.close(app);
    }

    private MainView main() {
        return app.window().mainView();
    }

    private Tab tab(String id) throws Exception {
        return fx(() -> ((TabPane) app.stage().getScene().lookup("#viewTabs")).getTabs().stream()
                .filter(t -> id.equals(t.getId())).findFirst().orElseThrow());
    }

    private boolean present(String selector) throws Exception {
        return fx(() -> app.stage().getScene().lookup(selector) != null);
    }

    @Test
    void onlyTheSearchTabIsBuiltAtStartAndEachOtherOneWhenFirstSelected() throws Exception {
        assertThat(fx(() -> main().isBuilt("searchTab"))).isTrue();
        assertThat(present("#searchView")).isTrue();
        for (Map.Entry<String, String> e : NODE_OF_TAB.entrySet()) {
            assertThat(fx(() -> main().isBuilt(e.getKey()))).as(e.getKey()).isFalse();
            assertThat(tab(e.getKey()).getContent()).as(e.getKey()).isNull();
            assertThat(present(e.getValue())).as(e.getValue()).isFalse();
        }
        Node search = tab("searchTab").getContent();
        WindowTestSupport.screenshot(app.stage().getScene(), "lazy-tabs-1-search-at-start");

        // Evaluate: built on its first selection, and it scores the gallery as the core does
        robot.clickOn("#evaluateTab");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> fx(() -> {
            Node label = app.stage().getScene().lookup("#evalScore");
            return label instanceof Label l && l.getText() != null && l.getText().startsWith("mP@5 ");
        }));
        assertThat(fx(() -> ((Label) app.stage().getScene().lookup("#evalScore")).getText()))
                .isEqualTo(String.format(Locale.ROOT, "mP@5 %.3f", GalleryEvaluator.evaluate(gallery).meanPrecision()));
        assertThat(fx(() -> main().isBuilt("evaluateTab"))).isTrue();
        assertThat(fx(() -> main().isBuilt("mapTab"))).isFalse();
        WaitForAsyncUtils.waitForFxEvents();
        WindowTestSupport.screenshot(app.stage().getScene(), "lazy-tabs-2-evaluate");

        // Map: built on its first selection, one point per photo
        robot.clickOn("#mapTab");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> present("#mapView"));
        MapView map = fx(() -> (MapView) app.stage().getScene().lookup("#mapView").getProperties().get(MapView.class));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> map.drawnPoints() == gallery.size()));
        WaitForAsyncUtils.waitForFxEvents();
        WindowTestSupport.screenshot(app.stage().getScene(), "lazy-tabs-3-map");

        // Compare and Train: their controls are there once selected
        robot.clickOn("#compareTab");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(present("#compareButton")).isTrue();
        WindowTestSupport.screenshot(app.stage().getScene(), "lazy-tabs-4-compare");
        robot.clickOn("#trainTab");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(present("#trainStart")).isTrue();
        assertThat(present("#trainAddFolder")).isTrue();
        WindowTestSupport.screenshot(app.stage().getScene(), "lazy-tabs-5-train");

        // every tab built once: going back shows the same views, not new ones
        for (String id : List.of("searchTab", "evaluateTab", "mapTab", "compareTab", "trainTab")) {
            assertThat(fx(() -> main().isBuilt(id))).as(id).isTrue();
        }
        Node evaluate = tab("evaluateTab").getContent();
        robot.clickOn("#searchTab");
        robot.clickOn("#evaluateTab");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(tab("evaluateTab").getContent()).isSameAs(evaluate);
        assertThat(tab("searchTab").getContent()).isSameAs(search);
    }

    @Test
    void theHelpAndTheHeatmapJoinTheWindowWhenFirstShown() throws Exception {
        assertThat(present("#helpOverlay")).isFalse();
        assertThat(present("#heatmapView")).isFalse();
        fx(() -> app.window().presentation().helpShownProperty().set(true));
        assertThat(fx(() -> app.stage().getScene().lookup("#helpOverlay").isVisible())).isTrue();
        fx(() -> app.window().presentation().helpShownProperty().set(false));
        assertThat(fx(() -> app.stage().getScene().lookup("#helpOverlay").isVisible())).isFalse();
        fx(() -> app.window().presentation().heatmapShownProperty().set(true));
        assertThat(fx(() -> app.stage().getScene().lookup("#heatmapView").isVisible())).isTrue();
        fx(() -> app.window().presentation().heatmapShownProperty().set(false));
        assertThat(fx(() -> app.stage().getScene().lookup("#heatmapView").isVisible())).isFalse();
    }

    @Test
    void selectingAViewByItsIdBuildsItAndPresentModeGoesBackToTheSearch() throws Exception {
        assertThat(fx(() -> main().select("compareTab"))).isTrue(); // as a head saved in the Train tab does
        assertThat(fx(() -> main().isBuilt("compareTab"))).isTrue();
        assertThat(tab("compareTab").getContent()).isNotNull();
        // in the scene once the tab pane has shown the selected tab's content
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> present("#compareButton"));
        assertThat(fx(() -> main().isBuilt("trainTab"))).isFalse();
        fx(() -> app.window().presentation().presentingProperty().set(true));
        assertThat(fx(() -> ((TabPane) app.stage().getScene().lookup("#viewTabs")).getSelectionModel().getSelectedItem().getId()))
                .isEqualTo("searchTab");
        fx(() -> app.window().presentation().presentingProperty().set(false));
    }
}
