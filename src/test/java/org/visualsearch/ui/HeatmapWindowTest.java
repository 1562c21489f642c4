package org.visualsearch.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.visualsearch.ui.FxThread.fx;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import org.visualsearch.core.model.ColorHistogramEmbedder;
import org.visualsearch.core.model.ImageEmbedder;
import org.visualsearch.core.model.TorchScriptEmbedder;
import org.visualsearch.core.search.IndexedGallery;
import org.visualsearch.ui.classroom.ClassroomContext;
import org.visualsearch.ui.classroom.ClassroomTheme;
import org.visualsearch.ui.classroom.HeatmapViewModel;
import org.visualsearch.ui.classroom.PresentationModel;
import org.visualsearch.ui.search.SearchViewModel;

/** "Why #1?" in the real window: W in present mode, the button, Stop, and what a class sees on the sample photos. */
class HeatmapWindowTest {
    @TempDir
    static Path dir;
    static IndexedGallery gallery;

    private final FxRobot robot = new FxRobot();
    private VisualSearchApp app;

    @BeforeAll
    static void setUpGallery() throws Exception {
        FxToolkit.registerPrimaryStage();
        gallery = TestGalleries.index(TestGalleries.writeGallery(dir.resolve("gallery"), 6), new ColorHistogramEmbedder(), null);
    }

    private void open(ImageEmbedder embedder, IndexedGallery searched) throws Exception {
        Path pictures = Files.createTempDirectory(dir, "pictures");
        app = (VisualSearchApp) FxToolkit.setupApplication(() -> new VisualSearchApp(
                () -> AppServices.of(embedder, searched, null), new WindowTestSupport.ScriptedChooser())
                .withClassroom(new ClassroomContext(null, null, pictures, null)));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> fx(() -> search().readyProperty().get()));
    }

    @AfterEach
    void closeWindow() throws Exception {
        if (app != null) {
            fx(() -> {
                presentation().presentingProperty().set(false);
                presentation().heatmapShownProperty().set(false);
                presentation().themeProperty().set(ClassroomTheme.LIGHT);
            });
            FxToolkit.cleanupApplication(app);
            FxToolkit.cleanupStages();
        }
    }

    @Test
    void wInPresentModeShowsTheHeatmapInTheGallerysPlaceAndWHidesIt() throws Exception {
        open(new ColorHistogramEmbedder(), gallery);
        search(TestGalleries.writeQuery(dir.resolve("queries"), "dog", 31));
        press(KeyCode.F11);
        press(KeyCode.W);
        awaitState(HeatmapViewModel.State.DONE);
        assertThat(fx(() -> shown("#heatmapView"))).isTrue();
        // over the whole search view, not the gallery's place only (a sliver at 200% on a projector)
        assertThat(fx(() -> robot.lookup("#heatmapView").queryAs(javafx.scene.layout.Region.class).getHeight()))
                .isGreaterThan(fx(() -> robot.lookup("#searchView").queryAs(javafx.scene.layout.Region.class).getHeight()) - 1);
        ImageView overlay = robot.lookup("#heatmapOverlay").queryAs(ImageView.class);
        assertThat(fx(() -> overlay.getImage().getWidth())).isEqualTo(200.0); // the query photo's own size
        assertThat(text("#heatmapAway")).startsWith("hiding this part moved the photo away from its match by up to");
        String match = fx(() -> search().topMatches().get(0).entry().path().getFileName().toString());
        assertThat(text("#heatmapMatchCaption")).startsWith("#1 " + match);
        assertThat(text("#heatmapCost")).contains("65 embeds");
        press(KeyCode.W);
        assertThat(fx(() -> shown("#heatmapView"))).isFalse();
        assertThat(fx(() -> shown("#galleryGrid"))).isTrue();
        press(KeyCode.W);
        fx(() -> robot.lookup("#heatmapBack").queryAs(javafx.scene.control.Button.class).fire());
        assertThat(fx(() -> shown("#heatmapView"))).isFalse();

        press(KeyCode.H); // how it works and the heatmap take turns
        fx(() -> robot.lookup("#heatmapButton").queryAs(javafx.scene.control.ToggleButton.class).fire());
        assertThat(fx(() -> presentation().pipelineShownProperty().get())).isFalse();
        assertThat(fx(() -> shown("#heatmapView"))).isTrue();
    }

    @Test
    void stopEndsItBetweenTwoEmbedsAndAgainStartsOver() throws Exception {
        GatedEmbedder slow = new GatedEmbedder();
        open(slow, gallery);
        search(TestGalleries.writeQuery(dir.resolve("queries"), "food", 32));
        slow.armNextEmbedding();
        press(KeyCode.W);
        slow.awaitBlocked(); // the heatmap's first embed is running
        assertThat(fx(() -> shown("#heatmapProgress") && shown("#heatmapStop"))).isTrue();
        assertThat(text("#heatmapStatus")).contains("0 of 65 embeds");
        robot.clickOn("#heatmapStop");
        WaitForAsyncUtils.waitForFxEvents();
        slow.open();
        awaitState(HeatmapViewModel.State.CANCELLED);
        assertThat(text("#heatmapStatus")).startsWith("Stopped after 0 of 65 embeds");
        assertThat(fx(() -> shown("#heatmapAgain"))).isTrue();
        robot.clickOn("#heatmapAgain");
        awaitState(HeatmapViewModel.State.DONE);
        WindowTestSupport.screenshot(app.stage().getScene(), "heatmap-window");
    }

    /**
     * The sample photos with the default model, as the shipped lesson's step 2 shows them: the
     * cyclists, whose #1 is a bowl of fruit. Present mode at 150%, then the dark theme at 200% on
     * a 1280 x 720 projector. Skipped where the photos or the model are absent.
     */
    @Test
    void screenshotsOfTheCyclistsAndTheirBowlOfFruit() throws Exception {
        Path samples = Stream.of(Path.of("..", "shared", "sample-photos-v2"), Path.of("..", "..", "shared", "sample-photos-v2"))
                .filter(p -> Files.isRegularFile(p.resolve("vehicle").resolve("vehicle-12.jpg"))).findFirst()
                .map(p -> p.toAbsolutePath().normalize()).orElse(null);
        assumeTrue(samples != null, "the sample photos (../shared/sample-photos-v2) are not here");
        assumeTrue(Files.isRegularFile(Path.of("models", "default", "model.pt")), "no default model");
        TorchScriptEmbedder model = TorchScriptEmbedder.load(Path.of("models", "default"));
        open(model, TestGalleries.index(samples, ".jpg", model, null));
        fx(() -> presentation().setScale(1.5));
        search(samples.resolve("vehicle").resolve("vehicle-12.jpg"));
        assertThat(fx(() -> search().topMatches().get(0).entry().category())).isEqualTo("food");
        press(KeyCode.F11);
        press(KeyCode.W);
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> fx(() ->
                heatmapState() == HeatmapViewModel.State.DONE));
        awaitMatchThumbnail();
        WindowTestSupport.screenshot(app.stage().getScene(), "heatmap-present-150");
        fx(() -> {
            presentation().setScale(2.0);
            presentation().themeProperty().set(ClassroomTheme.DARK);
            app.stage().setWidth(1280);
            app.stage().setHeight(720);
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> app.stage().getScene().getWidth() == 1280));
        settleLayout();
        settleLayout();
        WindowTestSupport.screenshot(app.stage().getScene(), "heatmap-present-200-dark-1280x720");
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private HeatmapViewModel.State heatmapState() {
        return app.window().heatmap().stateProperty().get();
    }

    private void awaitState(HeatmapViewModel.State state) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> fx(() -> heatmapState() == state));
        settleLayout();
    }

    private void awaitMatchThumbnail() throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() ->
                robot.lookup("#heatmapMatch").queryAs(ImageView.class).getImage() != null));
        settleLayout();
    }

    private boolean shown(String id) {
        Node node = robot.lookup(id).query();
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return node.getScene() != null && node.localToScene(node.getBoundsInLocal()).getHeight() > 0;
    }

    private String text(String id) throws Exception {
        return fx(() -> robot.lookup(id).queryAs(Label.class).getText());
    }

    private void press(KeyCode key) {
        robot.push(key);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void search(Path query) throws Exception {
        long before = fx(() -> search().completedSearchesProperty().get());
        fx(() -> WindowTestSupport.dropFiles(robot.lookup("#queryPane").query(), List.of(query)));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(() -> search().completedSearchesProperty().get() > before));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void settleLayout() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        fx(() -> {
            javafx.scene.Parent root = app.stage().getScene().getRoot();
            root.applyCss();
            root.layout();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private PresentationModel presentation() {
        return app.window().presentation();
    }

    private SearchViewModel search() {
        return app.viewModel().search();
    }
}
