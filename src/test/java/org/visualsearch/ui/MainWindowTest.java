package org.visualsearch.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.visualsearch.ui.FxThread.fx;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javax.imageio.ImageIO;
import org.controlsfx.control.GridView;
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
import org.visualsearch.ui.gallery.GalleryTile;
import org.visualsearch.ui.search.SearchViewModel;
import org.visualsearch.ui.search.TopMatchesPanel;

/** Drives the real main window, headless: drops, the file chooser, errors, superseding, a screenshot. */
class MainWindowTest {
    @TempDir
    static Path dir;
    static IndexedGallery gallery;

    private final FxRobot robot = new FxRobot();
    private final WindowTestSupport.ScriptedChooser chooser = new WindowTestSupport.ScriptedChooser();
    private GatedEmbedder embedder;
    private VisualSearchApp app;

    @BeforeAll
    static void setUpGallery() throws Exception {
        FxToolkit.registerPrimaryStage();
        gallery = TestGalleries.index(TestGalleries.writeGallery(dir.resolve("gallery"), 8), new ColorHistogramEmbedder(), null);
    }

    @BeforeEach
    void openWindow() throws Exception {
        embedder = new GatedEmbedder();
        app = (VisualSearchApp) FxToolkit.setupApplication(() -> new VisualSearchApp(
                () -> AppServices.of(embedder, gallery, null), chooser));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> search().readyProperty().get()));
    }

    @AfterEach
    void closeWindow() throws Exception {
        embedder.open();
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }

    @Test
    void aDroppedPhotoShowsFiveMatchesInDistanceOrderAndReSortsTheGrid() throws Exception {
        Path query = TestGalleries.writeQuery(dir.resolve("queries"), "dog", 11);
        Node queryPane = robot.lookup("#queryPane").query();
        assertThat(fx(() -> WindowTestSupport.dropFiles(queryPane, List.of(query)))).isTrue();
        awaitSearches(1);

        List<IndexedGallery.Hit> shown = fx(() -> topPanel().shownHits());
        assertThat(shown).hasSize(5);
        assertThat(shown).extracting(IndexedGallery.Hit::distance).isSorted();
        assertThat(shown).allMatch(h -> h.entry().category().equals("dog"));
        for (int i = 1; i <= 5; i++) {
            Label distance = robot.lookup("#match-distance-" + i).queryAs(Label.class);
            assertThat(fx(distance::getText)).isEqualTo(String.format(java.util.Locale.ROOT, "%.3f", shown.get(i - 1).distance()));
        }
        GridView<GalleryTile> grid = robot.lookup("#galleryGrid").query();
        List<GalleryTile> items = fx(() -> List.copyOf(grid.getItems()));
        assertThat(items).hasSize(40).allMatch(GalleryTile::ranked);
        assertThat(items).extracting(GalleryTile::distance).isSorted();
        assertThat(robot.lookup("#queryName").queryAs(Label.class).getText()).contains(query.getFileName().toString());
        assertThat(robot.lookup("#gallerySubtitle").queryAs(Label.class).getText()).contains("ranked by distance");
        System.out.println("drop-to-results: " + search().lastSearchMillisProperty().get() + " ms");
    }

    @Test
    void theSmallestWindowStillShowsEveryControlAndAllFiveMatches() throws Exception {
        // the stage's minimum: a 1024 x 600 netbook screen with a frame and a panel
        withWindowSize(960, 600, () -> checkEverythingFitsAfterAQuery("main-window-960"));
    }

    @Test
    void atTheSmallestSizeNoTextIsCutShortBeforeOrAfterAQueryNorWhileAJobRuns() throws Exception {
        withWindowSize(960, 600, () -> {
            settleLayout();
            assertThat(fx(() -> WindowTestSupport.clippedLabels(app.stage().getScene().getRoot())))
                    .as("before a query (category chips showing)").isEmpty();
            java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.CountDownLatch shown = new java.util.concurrent.CountDownLatch(1);
            fx(() -> app.viewModel().jobs().start("Switching to Colour histogram (baseline)", sink -> {
                sink.pausable(new org.visualsearch.app.ProgressSink.Pausable() {
                    @Override
                    public void pause() {
                    }

                    @Override
                    public void resume() {
                    }
                });
                sink.progress(43, 100, "43 of 100 photos · 12.3 photos/s · about 8 s left");
                shown.countDown();
                release.await(20, TimeUnit.SECONDS);
                return null;
            }, outcome -> { }));
            try {
                assertThat(shown.await(10, TimeUnit.SECONDS)).isTrue();
                WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() ->
                        robot.lookup("#jobMessage").queryAs(Label.class).getText().startsWith("43 of 100")
                                && robot.lookup("#jobPause").query().isVisible()));
                settleLayout();
                assertThat(fx(() -> WindowTestSupport.clippedLabels(app.stage().getScene().getRoot())))
                        .as("while a job runs").isEmpty();
                checkEverythingFitsAfterAQuery("main-window-960x600-job");
                assertThat(fx(() -> WindowTestSupport.clippedLabels(app.stage().getScene().getRoot())))
                        .as("after a query, with a job running").isEmpty();
            } finally {
                release.countDown();
            }
        });
    }

    @Test
    void aFullHdWindowShowsTheTopFiveLarger() throws Exception {
        withWindowSize(1920, 1080, () -> {
            checkEverythingFitsAfterAQuery("main-window-1920");
            for (int i = 1; i <= 5; i++) {
                Region card = robot.lookup("#match-" + i).queryAs(Region.class);
                javafx.scene.image.ImageView thumb = fx(() -> (javafx.scene.image.ImageView) card.lookup(".image-view"));
                assertThat(fx(thumb::getFitWidth)).isGreaterThan(128);
            }
        });
    }

    @Test
    void everyCategoryChipIsWholeInsideTheWindowFrom960x600Up() throws Exception {
        for (double[] size : new double[][] {{960, 600}, {1280, 800}, {1920, 1080}}) {
            withWindowSize(size[0], size[1], () -> {
                settleLayout();
                Region legend = robot.lookup("#categoryLegend").queryAs(Region.class);
                List<javafx.geometry.Bounds> chips = fx(() -> ((javafx.scene.Parent) legend).getChildrenUnmodifiable()
                        .stream().filter(Node::isVisible).map(c -> c.localToScene(c.getBoundsInLocal())).toList());
                double width = fx(() -> app.stage().getScene().getWidth());
                double galleryTop = fx(() -> {
                    Node grid = robot.lookup("#galleryArea").query();
                    return grid.localToScene(grid.getBoundsInLocal()).getMinY();
                });
                String at = (int) size[0] + "x" + (int) size[1];
                assertThat(chips).as("visible chips at " + at).hasSize(5);
                for (javafx.geometry.Bounds chip : chips) {
                    assertThat(chip.getMinX()).as("chip at " + at).isGreaterThanOrEqualTo(0);
                    assertThat(chip.getMaxX()).as("chip inside the window at " + at).isLessThanOrEqualTo(width);
                    assertThat(chip.getMaxY()).as("chip above the gallery at " + at).isLessThanOrEqualTo(galleryTop);
                }
                assertThat(fx(() -> WindowTestSupport.clippedLabels(app.stage().getScene().getRoot()))).as(at).isEmpty();
                WindowTestSupport.screenshot(app.stage().getScene(), "category-chips-" + at);
            });
        }
    }

    private interface WindowCheck {
        void run() throws Exception;
    }

    private void withWindowSize(double width, double height, WindowCheck check) throws Exception {
        double[] before = fx(() -> new double[] {app.stage().getWidth(), app.stage().getHeight(),
                app.stage().getX(), app.stage().getY()});
        fx(() -> {
            // Inside Monocle's 1920x1080 headless screen: a window reaching past its edge is cut
            // to it while the scene keeps its size, and the painter overflows its pixel buffer
            // (a BufferOverflowException trace per frame, though the test passes).
            app.stage().setX(0);
            app.stage().setY(0);
            app.stage().setWidth(width);
            app.stage().setHeight(height);
            return null;
        });
        try {
            check.run();
        } finally {
            // The primary stage is shared by the tests of this class.
            fx(() -> {
                app.stage().setWidth(before[0]);
                app.stage().setHeight(before[1]);
                app.stage().setX(before[2]);
                app.stage().setY(before[3]);
                return null;
            });
        }
    }

    private void checkEverythingFitsAfterAQuery(String screenshot) throws Exception {
        Path query = TestGalleries.writeQuery(dir.resolve("queries"), "food", 14);
        fx(() -> WindowTestSupport.dropFiles(robot.lookup("#queryPane").query(), List.of(query)));
        awaitSearches(1);
        settleLayout();

        double sceneWidth = fx(() -> app.stage().getScene().getWidth());
        assertThat(sceneWidth).isEqualTo(fx(() -> app.stage().getWidth()));
        List<String> ids = List.of("#openButton", "#pasteButton", "#creditsButton", "#queryPane",
                "#match-1", "#match-2", "#match-3", "#match-4", "#match-5", "#galleryGrid");
        for (String id : ids) {
            javafx.geometry.Bounds bounds = fx(() -> {
                Node node = robot.lookup(id).query();
                return node.localToScene(node.getBoundsInLocal());
            });
            assertThat(bounds.getMinX()).as(id).isGreaterThanOrEqualTo(0);
            assertThat(bounds.getMaxX()).as(id + " inside the window").isLessThanOrEqualTo(sceneWidth);
        }
        javafx.geometry.Bounds status = fx(() -> {
            Node bar = robot.lookup("#statusBar").query();
            return bar.localToScene(bar.getBoundsInLocal());
        });
        assertThat(status.getMaxY()).as("status bar inside the window").isLessThanOrEqualTo(fx(() -> app.stage().getScene().getHeight()));
        // The thumbnails shrink with the cards instead of spilling out of them.
        for (int i = 1; i <= 5; i++) {
            Region card = robot.lookup("#match-" + i).queryAs(Region.class);
            javafx.scene.image.ImageView thumb = fx(() -> (javafx.scene.image.ImageView) card.lookup(".image-view"));
            assertThat(fx(thumb::getFitWidth)).isLessThan(fx(card::getWidth));
        }
        WindowTestSupport.screenshot(app.stage().getScene(), screenshot);
    }

    @Test
    void theWindowCarriesTheAppIconInEverySize() throws Exception {
        // decoded off the FX thread, so they come a moment after the window
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> !app.stage().getIcons().isEmpty()));
        List<Double> widths = fx(() -> app.stage().getIcons().stream().map(javafx.scene.image.Image::getWidth).toList());
        assertThat(widths).containsExactly(16.0, 32.0, 48.0, 64.0, 128.0, 256.0);
        assertThat(fx(() -> app.stage().getIcons().stream().noneMatch(javafx.scene.image.Image::isError))).isTrue();
    }

    @Test
    void severalDroppedFilesTheLastOneWins() throws Exception {
        Path first = TestGalleries.writeQuery(dir.resolve("queries"), "vehicle", 12);
        Path last = TestGalleries.writeQuery(dir.resolve("queries"), "clothes", 13);
        fx(() -> WindowTestSupport.dropFiles(robot.lookup("#queryPane").query(), List.of(first, last)));
        awaitSearches(1);
        assertThat(fx(() -> search().queryNameProperty().get())).isEqualTo(last.getFileName().toString());
        assertThat(fx(() -> topPanel().shownHits())).hasSize(5).allMatch(h -> h.entry().category().equals("clothes"));
    }

    @Test
    void theOpenButtonSearchesWithTheChosenFile() throws Exception {
        Path query = TestGalleries.writeQuery(dir.resolve("queries"), "food", 14);
        chooser.nextImage.set(query);
        robot.clickOn("#openButton");
        awaitSearches(1);
        assertThat(fx(() -> search().queryNameProperty().get())).isEqualTo(query.getFileName().toString());
        assertThat(fx(() -> topPanel().shownHits())).hasSize(5).allMatch(h -> h.entry().category().equals("food"));
    }

    @Test
    void pastingAFileFromTheClipboardSearchesWithIt() throws Exception {
        Path query = TestGalleries.writeQuery(dir.resolve("queries"), "vehicle", 19);
        fx(() -> {
            javafx.scene.input.ClipboardContent content = new javafx.scene.input.ClipboardContent();
            content.putFiles(List.of(query.toFile()));
            javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
        });
        robot.clickOn("#pasteButton");
        awaitSearches(1);
        assertThat(fx(() -> search().queryNameProperty().get())).isEqualTo(query.getFileName().toString());
        assertThat(fx(() -> topPanel().shownHits())).hasSize(5).allMatch(h -> h.entry().category().equals("vehicle"));
    }

    @Test
    void doubleClickingAGalleryTileSearchesMoreLikeIt() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        org.visualsearch.ui.gallery.GalleryTileCell cell = robot.lookup(".gallery-tile")
                .match((org.visualsearch.ui.gallery.GalleryTileCell c) -> c.getItem() != null && wholeOnScreen(c))
                .queryAs(org.visualsearch.ui.gallery.GalleryTileCell.class);
        GalleryTile tile = fx(cell::getItem);
        robot.doubleClickOn(cell);
        awaitSearches(1);
        // As eval scores it: the photo is left out of its own top-5, and the view says so.
        List<IndexedGallery.Hit> shown = fx(() -> topPanel().shownHits());
        assertThat(shown).hasSize(5).noneMatch(h -> h.entry().equals(tile.entry()));
        assertThat(shown).extracting(IndexedGallery.Hit::rank).containsExactly(1, 2, 3, 4, 5);
        assertThat(fx(() -> robot.lookup("#top5-left-out").queryAs(Label.class).isVisible())).isTrue();
        assertThat(fx(() -> robot.lookup("#top5-left-out").queryAs(Label.class).getText()))
                .isEqualTo("query is in the gallery (left out)");
        assertThat(fx(() -> search().queryNameProperty().get())).startsWith("More like ");

        long before = fx(() -> topPanel().shownHits().get(0).index());
        robot.clickOn("#top5-show-query");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> fx(() -> topPanel().shownHits().get(0).entry().equals(tile.entry())));
        IndexedGallery.Hit first = fx(() -> topPanel().shownHits().get(0));
        assertThat(first.distance()).isZero();
        assertThat(fx(() -> topPanel().shownHits().get(1).index())).isEqualTo(before);
    }

    @Test
    void anUnreadableDropShowsAnErrorAndTheNextDropWorks() throws Exception {
        Path broken = Files.write(dir.resolve("truncated.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3});
        Node queryPane = robot.lookup("#queryPane").query();
        fx(() -> WindowTestSupport.dropFiles(queryPane, List.of(broken)));
        Node banner = robot.lookup("#errorBanner").query();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(banner::isVisible));
        String message = robot.lookup("#errorText").queryAs(Label.class).getText();
        assertThat(message).startsWith("Cannot read “truncated.png”").doesNotContain("Exception").doesNotContain("\tat ");

        Path query = TestGalleries.writeQuery(dir.resolve("queries"), "landmark", 15);
        fx(() -> WindowTestSupport.dropFiles(queryPane, List.of(query)));
        awaitSearches(1);
        assertThat(fx(banner::isVisible)).isFalse();
        assertThat(fx(() -> topPanel().shownHits())).hasSize(5).allMatch(h -> h.entry().category().equals("landmark"));
    }

    @Test
    void aSecondDropWhileTheFirstIsComputingSupersedesIt() throws Exception {
        Path slow = TestGalleries.writeQuery(dir.resolve("queries"), "vehicle", 16);
        Path fast = TestGalleries.writeQuery(dir.resolve("queries"), "dog", 17);
        Node queryPane = robot.lookup("#queryPane").query();
        embedder.armNextEmbedding();
        fx(() -> WindowTestSupport.dropFiles(queryPane, List.of(slow)));
        embedder.awaitBlocked();
        assertThat(fx(() -> robot.lookup("#searchBusy").query().isVisible())).isTrue();
        fx(() -> WindowTestSupport.dropFiles(queryPane, List.of(fast)));
        embedder.open();
        awaitSearches(1);
        drainSearchThread(); // the superseded search has run: had it landed, it would show now
        assertThat(fx(() -> search().completedSearchesProperty().get())).isEqualTo(1);
        assertThat(fx(() -> search().queryNameProperty().get())).isEqualTo(fast.getFileName().toString());
        assertThat(fx(() -> topPanel().shownHits())).hasSize(5).allMatch(h -> h.entry().category().equals("dog"));
    }

    @Test
    void screenshotOfTheMainWindowWithAQuery() throws Exception {
        Path query = TestGalleries.writeQuery(dir.resolve("queries"), "dog", 18);
        fx(() -> WindowTestSupport.dropFiles(robot.lookup("#queryPane").query(), List.of(query)));
        awaitSearches(1);
        // Thumbnails arrive lazily; wait until the top-5 and the tiles on screen have theirs.
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> {
            List<Node> shown = new java.util.ArrayList<>(robot.lookup(".match-card").queryAll());
            robot.lookup(".gallery-tile").match((org.visualsearch.ui.gallery.GalleryTileCell c) ->
                    c.getItem() != null && c.isVisible() && c.getParent() != null && c.getParent().isVisible())
                    .queryAll().forEach(shown::add);
            return shown.size() > 5 && shown.stream().allMatch(node ->
                    ((javafx.scene.image.ImageView) node.lookup(".image-view")).getImage() != null);
        }));
        settleLayout();
        WritableImage shot = fx(() -> app.stage().getScene().snapshot(null));
        BufferedImage image = SwingFXUtils.fromFXImage(shot, null);
        Path out = Files.createDirectories(Path.of("target", "screenshots")).resolve("main-window.png");
        ImageIO.write(image, "png", out.toFile());
        assertThat(image.getWidth()).isGreaterThanOrEqualTo(1200);
        Region root = (Region) app.stage().getScene().getRoot();
        assertThat(root.getWidth()).isGreaterThanOrEqualTo(1200);
    }

    /** Lays the window out now (after a resize or new results) instead of waiting for the next pulse. */
    private void settleLayout() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        fx(() -> {
            javafx.scene.Parent root = app.stage().getScene().getRoot();
            root.applyCss();
            root.layout();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Waits until every task queued on the search thread has run and its result reached the FX thread. */
    private void drainSearchThread() throws Exception {
        java.util.concurrent.CountDownLatch drained = new java.util.concurrent.CountDownLatch(1);
        fx(() -> app.viewModel().backgroundExecutor().execute(drained::countDown));
        assertThat(drained.await(10, TimeUnit.SECONDS)).as("search thread drained").isTrue();
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** A tile the robot can really click: inside the gallery's visible area (it scrolls), not under the status bar. */
    private boolean wholeOnScreen(javafx.scene.Node node) {
        javafx.scene.Node area = node.getScene().lookup("#galleryArea");
        javafx.geometry.Bounds tile = node.localToScene(node.getBoundsInLocal());
        javafx.geometry.Bounds visible = area.localToScene(area.getBoundsInLocal());
        return visible.contains(tile.getCenterX(), tile.getCenterY()) && tile.getHeight() > 0;
    }

    private void awaitSearches(long count) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> search().completedSearchesProperty().get() >= count));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private SearchViewModel search() {
        return app.viewModel().search();
    }

    private TopMatchesPanel topPanel() {
        return robot.lookup("#top5").queryAs(TopMatchesPanel.class);
    }
}
