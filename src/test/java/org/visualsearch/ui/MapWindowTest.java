package org.visualsearch.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.visualsearch.ui.FxThread.fx;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import org.visualsearch.core.search.IndexedGallery;
import org.visualsearch.core.model.ColorHistogramEmbedder;
import org.visualsearch.core.projection.ProjectionMethod;
import org.visualsearch.ui.map.MapView;
import org.visualsearch.ui.search.SearchViewModel;

/** The map tab of the main window: points, clicks, neighbour lines, t-SNE, a screenshot. */
class MapWindowTest {
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

    private SearchViewModel search() {
        return app.viewModel().search();
    }

    private MapView openMap() throws Exception {
        fx(() -> ((javafx.scene.control.TabPane) robot.lookup("#viewTabs").query()).getTabs().stream()
                .filter(t -> "mapTab".equals(t.getId())).findFirst().orElseThrow().getTabPane().getSelectionModel()
                .select(((javafx.scene.control.TabPane) robot.lookup("#viewTabs").query()).getTabs().stream()
                        .filter(t -> "mapTab".equals(t.getId())).findFirst().orElseThrow()));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> robot.lookup("#mapView").tryQuery().isPresent()));
        MapView map = fx(() -> (MapView) robot.lookup("#mapView").query().getProperties().get(MapView.class));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> map.drawnPoints() > 0));
        // the tab's view is built when it is first selected, and its first layouts can still move the
        // points after the first drawing: wait until they stay put, as a user sees them before clicking
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> {
            double[] before = fx(() -> map.screenOf(0));
            WaitForAsyncUtils.waitForFxEvents();
            return java.util.Arrays.equals(before, fx(() -> map.screenOf(0)));
        });
        return map;
    }

    @Test
    void theMapShowsOnePointPerPhoto() throws Exception {
        MapView map = openMap();
        assertThat(fx(map::drawnPoints)).isEqualTo(gallery.size());
        assertThat(fx(() -> robot.lookup("#mapDescription").queryLabeled().getText())).startsWith("PCA of 40 photos");
        assertThat(fx(() -> robot.lookup("#mapLegend").queryAs(javafx.scene.layout.FlowPane.class).getChildren().size()))
                .isEqualTo(5 + 4); // five categories, then the query, line, circle and ring keys
    }

    @Test
    void aZoomBeforeTheNextDrawingIsKept() throws Exception {
        MapView map = openMap();
        double zoom = fx(() -> {
            robot.lookup("#mapFit").queryButton().fire(); // fit again at the next drawing, as a new map does
            Node canvas = map.canvas();
            map.zoomAt(canvas.getLayoutBounds().getWidth() / 2, canvas.getLayoutBounds().getHeight() / 2, 4);
            map.drawNow();
            return map.zoom();
        });
        assertThat(zoom).isCloseTo(4.0, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void clickingAPointSearchesWithThatPhotoAndDrawsLinesToItsTopFive() throws Exception {
        MapView map = openMap();
        int point = fx(() -> loneliest(map));
        double[] at = fx(() -> map.screenOf(point));
        Node canvas = fx(map::canvas);
        javafx.geometry.Point2D screen = fx(() -> canvas.localToScreen(at[0], at[1]));
        int picked = fx(() -> map.pointAt(at[0], at[1]));
        assertThat(picked).isEqualTo(point);
        robot.moveTo(screen).clickOn(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> search().completedSearchesProperty().get() == 1));
        String name = gallery.entries().get(picked).path().getFileName().toString();
        assertThat(fx(() -> search().queryNameProperty().get())).isEqualTo("More like " + name);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> fx(() -> map.drawnNeighbourLines() == 5));
        assertThat(fx(() -> robot.lookup("#mapDistortionText").queryLabeled().getText())).contains("true top 5");
    }

    /** The point farthest on screen from any other, so a click cannot hit a neighbour. */
    private static int loneliest(MapView map) {
        int best = 0;
        double bestGap = -1;
        for (int i = 0; i < gallery.size(); i++) {
            double gap = Double.MAX_VALUE;
            for (int j = 0; j < gallery.size(); j++) {
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

    @Test
    void aQueryFromAFileIsPlacedWithFiveLinesAndTheScreenshotShowsThem() throws Exception {
        MapView map = openMap();
        Path query = TestGalleries.writeQuery(dir.resolve("queries"), "food", 3);
        Node root = robot.lookup("#mainWindow").query();
        assertThat(fx(() -> WindowTestSupport.dropFiles(root, List.of(query)))).isTrue();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> search().completedSearchesProperty().get() == 1));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> fx(() -> map.drawnNeighbourLines() == 5));
        robot.clickOn("#mapZoomToQuery");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> fx(() -> map.zoom() > 1 && map.drawnNeighbourLines() == 5));
        Window mapWindow = fx(() -> robot.lookup("#mapView").query().getScene().getWindow());
        WindowTestSupport.screenshot(mapWindow.getScene(), "map-query-lines");
    }

    @Test
    void tsneRunsOffTheFxThreadAndZoomingInShowsThumbnails() throws Exception {
        MapView map = openMap();
        fx(() -> ((javafx.scene.control.ComboBox<ProjectionMethod>) robot.lookup("#mapMethod").query()).setValue(ProjectionMethod.TSNE));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(() ->
                robot.lookup("#mapDescription").queryLabeled().getText().startsWith("t-SNE of 40 photos")));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> fx(() -> map.drawnPoints() == 40));
        fx(() -> {
            Node canvas = map.canvas();
            map.zoomAt(canvas.getLayoutBounds().getWidth() / 2, canvas.getLayoutBounds().getHeight() / 2, 4);
            map.drawNow();
        });
        Stage stage = (Stage) fx(() -> robot.lookup("#mapView").query().getScene().getWindow());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> fx(() -> {
            map.drawNow();
            return map.drawnPoints() > 0 && map.zoom() >= 2.5;
        }));
        WindowTestSupport.screenshot(stage.getScene(), "map-tsne-zoomed");
        assertThat(fx(map::zoom)).isGreaterThanOrEqualTo(2.5);
    }
}
