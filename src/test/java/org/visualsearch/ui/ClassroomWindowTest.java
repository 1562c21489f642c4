package org.visualsearch.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.visualsearch.ui.FxThread.fx;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import org.visualsearch.core.lesson.RevealOrder;
import org.visualsearch.core.model.ColorHistogramEmbedder;
import org.visualsearch.core.search.IndexedGallery;
import org.visualsearch.ui.classroom.ClassroomContext;
import org.visualsearch.ui.classroom.ClassroomTheme;
import org.visualsearch.ui.classroom.PresentationModel;
import org.visualsearch.ui.search.SearchViewModel;
import org.visualsearch.ui.search.TopMatchesPanel;

/** The classroom mode in the real window, driven by the keyboard: present, guess first, scale, theme, help, snapshot, lessons. */
class ClassroomWindowTest {
    @TempDir
    static Path dir;
    static IndexedGallery gallery;

    private final FxRobot robot = new FxRobot();
    private final WindowTestSupport.ScriptedChooser chooser = new WindowTestSupport.ScriptedChooser();
    private VisualSearchApp app;
    private Path pictures;

    @BeforeAll
    static void setUpGallery() throws Exception {
        FxToolkit.registerPrimaryStage();
        gallery = TestGalleries.index(TestGalleries.writeGallery(dir.resolve("gallery"), 8), new ColorHistogramEmbedder(), null);
    }

    @BeforeEach
    void openWindow() throws Exception {
        pictures = Files.createTempDirectory(dir, "pictures");
        ColorHistogramEmbedder embedder = new ColorHistogramEmbedder();
        app = (VisualSearchApp) FxToolkit.setupApplication(() -> new VisualSearchApp(
                () -> AppServices.of(embedder, gallery, null), chooser)
                .withClassroom(new ClassroomContext(null, null, pictures, null)));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> search().readyProperty().get()));
    }

    @AfterEach
    void closeWindow() throws Exception {
        fx(() -> {
            presentation().presentingProperty().set(false);
            presentation().themeProperty().set(ClassroomTheme.LIGHT);
        });
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }

    @Test
    void f11PresentsFullScreenWithoutChromeAndEscLeaves() throws Exception {
        assertThat(robot.lookup("#openButton").query().isVisible()).isTrue();
        press(KeyCode.F11);
        assertThat(fx(() -> presentation().presentingProperty().get())).isTrue();
        assertThat(fx(() -> app.stage().isFullScreen())).isTrue();
        assertThat(fx(() -> shown("#openButton"))).as("the header is gone").isFalse();
        assertThat(fx(() -> shown("#statusBar"))).as("the status bar is gone").isFalse();
        assertThat(fx(() -> shown("#queryPane") && shown("#top5") && shown("#galleryGrid"))).isTrue();
        press(KeyCode.ESCAPE);
        assertThat(fx(() -> presentation().presentingProperty().get())).isFalse();
        assertThat(fx(() -> app.stage().isFullScreen())).isFalse();
        assertThat(fx(() -> shown("#openButton") && shown("#statusBar"))).isTrue();
    }

    @Test
    void guessFirstUncoversTheTopFiveFromFiveToOneThenTheGallery() throws Exception {
        fx(() -> presentation().guessFirstProperty().set(true));
        search("dog", 21);
        assertThat(fx(() -> top().coveredRanks())).containsExactly(1, 2, 3, 4, 5);
        assertThat(fx(() -> shown("#galleryGrid"))).isFalse();
        assertThat(text("#revealHint")).contains("#5");
        List<List<Integer>> seen = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            press(i % 2 == 0 ? KeyCode.SPACE : KeyCode.RIGHT);
            seen.add(fx(() -> top().coveredRanks()));
        }
        assertThat(seen).containsExactly(List.of(1, 2, 3, 4), List.of(1, 2, 3), List.of(1, 2), List.of(1), List.of());
        assertThat(fx(() -> shown("#galleryGrid"))).as("the gallery waits for one more key").isFalse();
        press(KeyCode.SPACE);
        assertThat(fx(() -> shown("#galleryGrid"))).isTrue();
        assertThat(fx(() -> top().shownHits())).hasSize(5);
    }

    @Test
    void bestFirstUncoversOneToFiveAndTheTallySaysWhoGuessedRight() throws Exception {
        fx(() -> {
            presentation().guessFirstProperty().set(true);
            presentation().tallyProperty().set(true);
            presentation().revealOrderProperty().set(RevealOrder.BEST_FIRST);
        });
        search("food", 22);
        assertThat(fx(() -> top().coveredRanks())).containsExactly(1, 2, 3, 4, 5);
        List<String> categories = fx(() -> List.copyOf(presentation().categories()));
        int food = categories.indexOf("food") + 1;
        int dog = categories.indexOf("dog") + 1;
        // three hands for food, one for dog, by the digit keys (the tally's order)
        press(KeyCode.getKeyCode(Integer.toString(food)));
        press(KeyCode.getKeyCode(Integer.toString(food)));
        press(KeyCode.getKeyCode(Integer.toString(food)));
        press(KeyCode.getKeyCode(Integer.toString(dog)));
        assertThat(fx(() -> presentation().votes("food"))).isEqualTo(3);
        press(KeyCode.SPACE);
        assertThat(fx(() -> top().coveredRanks())).containsExactly(2, 3, 4, 5);
        assertThat(text("#tallySummary")).isEqualTo("#1: 3 of 4 guessed right (food)");
        WindowTestSupport.screenshot(app.stage().getScene(), "classroom-tally");
    }

    @Test
    void twoHundredPercentKeepsEveryControlInsideA1280x720And1920x1080Screen() throws Exception {
        fx(() -> {
            presentation().setScale(2.0);
            presentation().guessFirstProperty().set(true);
            presentation().tallyProperty().set(true);
        });
        search("vehicle", 23);
        press(KeyCode.F11);
        for (double[] size : new double[][] {{1920, 1080}, {1280, 720}}) {
            fx(() -> {
                app.stage().setWidth(size[0]);
                app.stage().setHeight(size[1]);
            });
            settleLayout();
            assertThat(fx(() -> app.stage().getScene().getWidth())).isEqualTo(size[0]);
            assertAllControlsInside(size[0], size[1]);
            press(KeyCode.SPACE);
            press(KeyCode.SPACE);
            press(KeyCode.SPACE);
            settleLayout();
            assertAllControlsInside(size[0], size[1]);
            WindowTestSupport.screenshot(app.stage().getScene(), "classroom-200-" + (int) size[0]);
            fx(() -> presentation().newRound());
        }
    }

    @Test
    void screenshotPresentAt150PercentHalfRevealedAndTheDarkTheme() throws Exception {
        fx(() -> {
            presentation().setScale(1.5);
            presentation().guessFirstProperty().set(true);
            presentation().tallyProperty().set(true);
        });
        search("landmark", 24);
        press(KeyCode.F11);
        press(KeyCode.SPACE);
        press(KeyCode.SPACE);
        press(KeyCode.SPACE);
        settleLayout();
        awaitThumbnails();
        assertThat(fx(() -> top().coveredRanks())).containsExactly(1, 2);
        WindowTestSupport.screenshot(app.stage().getScene(), "classroom-present-150-half-revealed");
        press(KeyCode.D);
        assertThat(fx(() -> presentation().themeProperty().get())).isEqualTo(ClassroomTheme.DARK);
        press(KeyCode.SPACE);
        press(KeyCode.SPACE);
        press(KeyCode.SPACE);
        settleLayout();
        awaitThumbnails();
        WindowTestSupport.screenshot(app.stage().getScene(), "classroom-present-dark");
    }

    @Test
    void theHowItWorksStripShowsTheModelInputTheVectorsAndEachDistance() throws Exception {
        search("dog", 26);
        press(KeyCode.H);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> robot.lookup("#pipelineVectors").tryQuery().isPresent()));
        settleLayout();
        assertThat(fx(() -> shown("#pipelineStrip"))).isTrue();
        assertThat(fx(() -> shown("#galleryGrid"))).as("the strip takes the gallery's place").isFalse();
        javafx.scene.layout.GridPane grid = robot.lookup("#pipelineVectors").queryAs(javafx.scene.layout.GridPane.class);
        List<String> distances = fx(() -> grid.getChildren().stream()
                .filter(n -> n.getStyleClass().contains("pipeline-distance"))
                .map(n -> ((Label) n).getText()).toList());
        List<String> expected = fx(() -> top().shownHits().stream()
                .map(h -> String.format(java.util.Locale.ROOT, "%.3f", h.distance())).toList());
        assertThat(distances).hasSize(5).isEqualTo(expected);
        int cells = fx(() -> ((javafx.scene.layout.HBox) grid.getChildren().stream()
                .filter(n -> n.getStyleClass().contains("heat-strip")).findFirst().orElseThrow()).getChildren().size());
        assertThat(cells).isEqualTo(new ColorHistogramEmbedder().info().dimension());
        javafx.scene.image.ImageView input = robot.lookup("#pipelineInput").queryAs(javafx.scene.image.ImageView.class);
        assertThat(fx(() -> input.getImage().getWidth())).isEqualTo(200.0); // the test photo's own size: no network resizes it
        WindowTestSupport.screenshot(app.stage().getScene(), "classroom-pipeline");
        press(KeyCode.H);
        assertThat(fx(() -> shown("#galleryGrid"))).isTrue();
    }

    @Test
    void f1ShowsTheHelpAndAnyKeyClosesIt() throws Exception {
        press(KeyCode.F1);
        assertThat(fx(() -> shown("#helpOverlay"))).isTrue();
        settleLayout();
        WindowTestSupport.screenshot(app.stage().getScene(), "classroom-help");
        press(KeyCode.SPACE);
        assertThat(fx(() -> shown("#helpOverlay"))).isFalse();
        robot.push(KeyCode.SHIFT, KeyCode.SLASH); // "?"
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> shown("#helpOverlay"))).isTrue();
        press(KeyCode.ESCAPE);
        assertThat(fx(() -> shown("#helpOverlay"))).isFalse();
    }

    @Test
    void ctrlShiftSSavesAPngOfTheWindowAndSaysWhere() throws Exception {
        search("clothes", 25);
        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.S);
        WaitForAsyncUtils.waitForFxEvents();
        List<Path> saved;
        try (var files = Files.list(pictures)) {
            saved = files.toList();
        }
        assertThat(saved).hasSize(1);
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(saved.get(0).toFile());
        assertThat(image.getWidth()).isEqualTo((int) Math.ceil(fx(() -> app.stage().getScene().getWidth())));
        assertThat(text("#classroomMessage")).contains(saved.get(0).toString());
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private void assertAllControlsInside(double width, double height) throws Exception {
        List<String> outside = fx(() -> {
            List<String> bad = new ArrayList<>();
            for (Node node : robot.lookup(n -> n instanceof Control).queryAll()) {
                if (!visibleInScene(node)) {
                    continue;
                }
                Bounds b = node.localToScene(node.getBoundsInLocal());
                if (b.getWidth() > 0 && (b.getMinX() < -0.5 || b.getMinY() < -0.5 || b.getMaxX() > width + 0.5
                        || b.getMaxY() > height + 0.5)) {
                    bad.add(describe(node) + " " + b);
                }
            }
            return bad;
        });
        assertThat(outside).as("controls outside the %sx%s window", width, height).isEmpty();
    }

    private static boolean visibleInScene(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return node.getScene() != null;
    }

    private static String describe(Node node) {
        return node.getClass().getSimpleName() + (node.getId() == null ? "" : "#" + node.getId())
                + (node instanceof javafx.scene.control.Labeled l ? " '" + l.getText() + "'" : "");
    }

    private boolean shown(String id) {
        Node node = robot.lookup(id).query();
        return visibleInScene(node) && node.localToScene(node.getBoundsInLocal()).getHeight() > 0;
    }

    private String text(String id) throws Exception {
        return fx(() -> robot.lookup(id).queryAs(Label.class).getText());
    }

    private void press(KeyCode key) {
        robot.push(key);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void search(String category, long seed) throws Exception {
        long before = fx(() -> search().completedSearchesProperty().get());
        Path query = TestGalleries.writeQuery(dir.resolve("queries"), category, seed);
        fx(() -> WindowTestSupport.dropFiles(robot.lookup("#queryPane").query(), List.of(query)));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> search().completedSearchesProperty().get() > before));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void awaitThumbnails() throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> robot.lookup(".match-card").queryAll().stream()
                .map(card -> (javafx.scene.image.ImageView) card.lookup(".image-view"))
                .allMatch(view -> !view.isVisible() || view.getImage() != null)));
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

    private TopMatchesPanel top() {
        return robot.lookup("#top5").queryAs(TopMatchesPanel.class);
    }
}
