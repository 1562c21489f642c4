package org.visualsearch.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.visualsearch.ui.FxThread.fx;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import org.visualsearch.core.common.Sha256;
import org.visualsearch.core.model.ColorHistogramEmbedder;
import org.visualsearch.core.sampledb.SampleManifest;
import org.visualsearch.core.store.Folder;
import org.visualsearch.core.store.GalleryDatabase;
import org.visualsearch.core.store.Problem;
import org.visualsearch.app.ModelChoice;

/**
 * The app wired to a real gallery database in a temporary data folder, with the colour-histogram
 * model: folders added by button and by drop get indexed and searchable, progress with pause and
 * cancel, a restart resumes, bad files are listed as problems, the sample-gallery offer, the
 * baseline offered when the model cannot be loaded.
 */
class LibraryWindowTest {
    @TempDir
    Path dir;

    private final FxRobot robot = new FxRobot();
    private final WindowTestSupport.ScriptedChooser chooser = new WindowTestSupport.ScriptedChooser();
    private VisualSearchApp app;
    private Path dataDir;
    private Path modelsDir;
    private Path sampleDir;

    @BeforeAll
    static void stage() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void folders() throws Exception {
        dataDir = dir.resolve("data");
        modelsDir = Files.createDirectories(dir.resolve("models"));
        sampleDir = dir.resolve("no-sample-yet");
    }

    @AfterEach
    void closeWindow() throws Exception {
        closeApp();
        FxToolkit.cleanupStages();
    }

    private void closeApp() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
            app = null;
        }
    }

    private AppBootstrap.Settings settings(String model) {
        return new AppBootstrap.Settings(dataDir, modelsDir, sampleDir, model, SampleManifest.bundled(), null);
    }

    private void open(Callable<AppServices> factory) throws Exception {
        app = (VisualSearchApp) FxToolkit.setupApplication(() -> new VisualSearchApp(factory, chooser));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> fx(() -> app.viewModel().servicesProperty().get() != null
                || app.viewModel().loadProblemProperty().get() != null));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The app as the launcher wires it, on the test's folders, with the histogram model. */
    private void openWired() throws Exception {
        open(new AppBootstrap(settings("histogram")));
    }

    /** The wired app, except that the model is {@code embedder} (same identity as the histogram). */
    private void openWith(ThrottledEmbedder embedder) throws Exception {
        AppBootstrap bootstrap = new AppBootstrap(settings("histogram"));
        open(() -> {
            bootstrap.call().embedder().close();
            return bootstrap.servicesFor(embedder, ModelChoice.HISTOGRAM);
        });
    }

    private void awaitIdle() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(() -> !app.viewModel().jobs().runningProperty().get()));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void awaitGallerySize(int n) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(() -> {
            var g = app.viewModel().search().galleryProperty().get();
            return g != null && g.size() == n;
        }));
    }

    private void searchWith(Path query) throws Exception {
        long before = fx(() -> app.viewModel().search().completedSearchesProperty().get());
        assertThat(fx(() -> WindowTestSupport.dropFiles(robot.lookup("#queryPane").query(), List.of(query)))).isTrue();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> fx(() -> app.viewModel().search().completedSearchesProperty().get() > before));
    }

    /** A manifest over photos the test wrote, so the sha256 checks of import and download are real. */
    private static SampleManifest manifestOf(Path source) throws Exception {
        List<SampleManifest.Entry> entries = new ArrayList<>();
        try (Stream<Path> files = Files.walk(source)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                String rel = source.relativize(f).toString().replace('\\', '/');
                entries.add(new SampleManifest.Entry(rel, rel.substring(0, rel.indexOf('/')), Sha256.of(f),
                        Files.size(f), 200, 150, URI.create("http://127.0.0.1:9/" + rel), "CC0", "", "", ""));
            }
        }
        return SampleManifest.of(entries);
    }

    private String text(String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void aTypedOrPastedPathImportsTheSampleGalleryAndABadOneIsExplained() throws Exception {
        Path source = TestGalleries.writeGallery(dir.resolve("typed"), 2);
        SampleManifest manifest = manifestOf(source);
        open(new AppBootstrap(new AppBootstrap.Settings(dataDir, modelsDir, sampleDir, "histogram",
                manifest, null)));
        awaitIdle();
        javafx.scene.control.TextField field = robot.lookup("#importPathField").queryAs(javafx.scene.control.TextField.class);
        Path aFile = Files.writeString(dir.resolve("a-file.txt"), "x");

        fx(() -> field.setText(aFile.toString()));
        fx(() -> robot.lookup("#importPathButton").queryAs(Button.class).fire());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text("#importPathProblem")).isEqualTo("“" + aFile + "” is a file, not a folder.");
        assertThat(fx(() -> app.viewModel().jobs().runningProperty().get())).isFalse();
        WindowTestSupport.screenshot(app.stage().getScene(), "import-typed-path-problem");

        fx(() -> field.setText("  " + source + "  "));
        fx(() -> robot.lookup("#importPathButton").queryAs(Button.class).fire());
        awaitGallerySize(10);
        awaitIdle();
        assertThat(Files.isRegularFile(sampleDir.resolve("dog").resolve("dog_0.png"))).isTrue();
    }

    @Test
    void withNoSampleFolderTheWindowOffersTheSampleGalleryAndImportsIt() throws Exception {
        Path source = TestGalleries.writeGallery(dir.resolve("unpacked"), 2);
        SampleManifest manifest = manifestOf(source);
        open(new AppBootstrap(new AppBootstrap.Settings(dataDir, modelsDir, sampleDir, "histogram",
                manifest, null)));
        awaitIdle();
        assertThat(fx(() -> robot.lookup("#emptyGallery").query().isVisible())).isTrue();
        assertThat(text("#emptyTitle")).isEqualTo("No gallery yet");
        assertThat(fx(() -> robot.lookup("#downloadSampleButton").queryAs(Button.class).isDisabled())).isFalse();
        assertThat(fx(() -> robot.lookup("#emptyAddFolderButton").query().isVisible())).isTrue();
        assertThat(text("#statusIndex")).isEqualTo("no folders yet");
        WindowTestSupport.screenshot(app.stage().getScene(), "wired-no-sample");

        chooser.nextFolder.set(source);
        robot.clickOn("#importSampleButton");
        awaitGallerySize(10);
        awaitIdle();
        assertThat(Files.isRegularFile(sampleDir.resolve("dog").resolve("dog_0.png"))).isTrue();
        assertThat(fx(() -> app.viewModel().library().folders().stream().map(Folder::path).toList()))
                .containsExactly(GalleryDatabase.normalize(sampleDir));
        assertThat(text("#statusIndex")).isEqualTo("index up to date");
        searchWith(TestGalleries.writeQuery(dir.resolve("q"), "dog", 3));
        assertThat(fx(() -> app.viewModel().search().topMatches().get(0).entry().category())).isEqualTo("dog");
    }

    @Test
    void anImportWithAPhotoThatDoesNotMatchTheManifestSaysSoAndKeepsTheRest() throws Exception {
        Path source = TestGalleries.writeGallery(dir.resolve("unpacked"), 2);
        SampleManifest manifest = manifestOf(source);
        Path tampered = source.resolve("dog").resolve("dog_0.png");
        Files.copy(source.resolve("food").resolve("food_0.png"), tampered, StandardCopyOption.REPLACE_EXISTING);
        open(new AppBootstrap(new AppBootstrap.Settings(dataDir, modelsDir, sampleDir, "histogram",
                manifest, null)));
        awaitIdle();

        chooser.nextFolder.set(source);
        robot.clickOn("#importSampleButton");
        awaitGallerySize(9);
        awaitIdle();

        assertThat(fx(() -> robot.lookup("#errorBanner").query().isVisible())).isTrue();
        assertThat(text("#errorText")).contains("1 photo in " + source).contains("did not match the manifest")
                .contains("dog/dog_0.png");
        assertThat(Files.exists(sampleDir.resolve("dog").resolve("dog_0.png"))).isFalse();
    }

    @Test
    void aDownloadThatMissesSomePhotosSaysSoAndIndexesTheRest() throws Exception {
        Path source = TestGalleries.writeGallery(dir.resolve("mirror"), 2);
        SampleManifest manifest = manifestOf(source);
        Files.delete(source.resolve("vehicle").resolve("vehicle_1.png")); // the mirror answers 404 for it
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            Path file = source.resolve(exchange.getRequestURI().getPath().substring(1));
            byte[] body = Files.isRegularFile(file) ? Files.readAllBytes(file) : new byte[0];
            exchange.sendResponseHeaders(body.length > 0 ? 200 : 404, body.length > 0 ? body.length : -1);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            URI mirror = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
            open(new AppBootstrap(new AppBootstrap.Settings(dataDir, modelsDir, sampleDir, "histogram",
                    manifest, mirror)));
            awaitIdle();

            robot.clickOn("#downloadSampleButton");
            awaitGallerySize(9);
            awaitIdle();

            assertThat(fx(() -> robot.lookup("#errorBanner").query().isVisible())).isTrue();
            assertThat(text("#errorText")).contains("1 of 10 sample photos could not be downloaded")
                    .contains("vehicle_1.png").contains("The other 9 are in the gallery");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void withAnErrorBannerTheOfferStillFitsBelowTheGalleryHeader() throws Exception {
        openWired();
        awaitIdle();
        assertThat(fx(() -> robot.lookup("#emptyGallery").query().isVisible())).isTrue();
        fx(() -> app.viewModel().search().reportError("Getting the sample gallery failed: No sample photo could be "
                + "downloaded (cannot download dog-01.jpg from raw.githubusercontent.com: no network connection). "
                + "If you have the photos, use “Import from a folder…”."));
        WaitForAsyncUtils.waitForFxEvents();

        Node header = robot.lookup("#galleryHeader").query();
        Parent area = robot.lookup("#galleryArea").queryAs(Parent.class);
        Bounds areaBounds = fx(() -> area.localToScene(area.getLayoutBounds()));
        assertThat(fx(() -> header.localToScene(header.getLayoutBounds()).getMaxY()))
                .as("the gallery header ends above the gallery area").isLessThanOrEqualTo(areaBounds.getMinY());
        for (Node child : fx(() -> List.copyOf(area.getChildrenUnmodifiable()))) {
            Bounds b = fx(() -> child.localToScene(child.getLayoutBounds()));
            assertThat(b.getMinY()).as("%s does not spill over the header", child).isGreaterThanOrEqualTo(areaBounds.getMinY() - 0.5);
            assertThat(b.getMaxY()).as("%s does not spill under the status bar", child).isLessThanOrEqualTo(areaBounds.getMaxY() + 0.5);
        }
        WindowTestSupport.screenshot(app.stage().getScene(), "empty-gallery-with-error");
    }

    @Test
    void photosAddedOutsideTheWindowShowAfterLookForNewPhotos() throws Exception {
        openWired();
        awaitIdle();
        Path photos = TestGalleries.writeGallery(dir.resolve("outside"), 3);
        chooser.nextFolder.set(photos);
        robot.clickOn("#addFolderButton");
        awaitGallerySize(15);
        awaitIdle();
        // e.g. 'sample-db import' from a terminal while the window is open
        TestGalleries.writeQuery(photos.resolve("vehicle"), "vehicle", 31);

        robot.clickOn("#foldersButton");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#foldersRescan");
        awaitGallerySize(16);
        awaitIdle();
        assertThat(text("#statusCount")).isEqualTo("16 photos");
        assertThat(text("#statusIndex")).isEqualTo("index up to date");
    }

    @Test
    void aFolderAddedWithTheButtonIsIndexedAndSearchable() throws Exception {
        openWired();
        awaitIdle();
        Path photos = TestGalleries.writeGallery(dir.resolve("my photos"), 3);
        chooser.nextFolder.set(photos);
        robot.clickOn("#addFolderButton");
        awaitGallerySize(15);
        awaitIdle();
        assertThat(text("#statusCount")).isEqualTo("15 photos");
        assertThat(text("#statusIndex")).isEqualTo("index up to date");
        searchWith(TestGalleries.writeQuery(dir.resolve("q"), "vehicle", 8));
        assertThat(fx(() -> app.viewModel().search().topMatches())).hasSize(5);
        assertThat(fx(() -> app.viewModel().search().topMatches().get(0).entry().category())).isEqualTo("vehicle");

        // The folders view lists it with its photo count, and removes it.
        robot.clickOn("#foldersButton");
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        ListView<Folder> list = robot.lookup("#foldersList").queryAs(ListView.class);
        assertThat(fx(() -> list.getItems().stream().map(Folder::fileCount).toList())).containsExactly(15);
        WindowTestSupport.screenshot(list.getScene(), "folders-view");
        fx(() -> list.getSelectionModel().select(0));
        robot.clickOn("#foldersRemove");
        awaitGallerySize(0);
        awaitIdle();
        assertThat(fx(() -> list.getItems().isEmpty())).isTrue();
        assertThat(Files.isDirectory(photos)).isTrue();
    }

    @Test
    void aDroppedFolderIsAddedAndIndexedWhileDroppedPhotosStayQueries() throws Exception {
        openWired();
        awaitIdle();
        Path photos = TestGalleries.writeGallery(dir.resolve("dropped"), 2);
        assertThat(fx(() -> WindowTestSupport.dropFiles(robot.lookup("#queryPane").query(), List.of(photos)))).isTrue();
        awaitGallerySize(10);
        awaitIdle();
        assertThat(fx(() -> app.viewModel().search().errorProperty().get())).isNull();
        assertThat(fx(() -> app.viewModel().library().folders().size())).isEqualTo(1);
        searchWith(TestGalleries.writeQuery(dir.resolve("q"), "food", 4));
        assertThat(fx(() -> app.viewModel().search().topMatches().get(0).entry().category())).isEqualTo("food");
        assertThat(fx(() -> app.viewModel().library().folders().size())).isEqualTo(1);
    }

    @Test
    void badFilesAreListedAsProblemsWhileTheGoodOnesAreSearchable() throws Exception {
        Path photos = TestGalleries.writeGallery(dir.resolve("mixed"), 2);
        Files.write(photos.resolve("dog").resolve("broken.jpg"), new byte[] {(byte) 0xFF, (byte) 0xD8, 1, 2, 3, 4});
        Files.write(photos.resolve("food").resolve("empty.png"), new byte[0]);
        openWired();
        awaitIdle();
        chooser.nextFolder.set(photos);
        robot.clickOn("#addFolderButton");
        awaitGallerySize(10);
        awaitIdle();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> app.viewModel().library().problems().size() == 2));
        Button problems = robot.lookup("#statusProblems").queryAs(Button.class);
        assertThat(fx(problems::isVisible)).isTrue();
        assertThat(fx(problems::getText)).isEqualTo("2 problems");
        robot.clickOn("#statusProblems");
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        TableView<Problem> table = robot.lookup("#problemsTable").queryAs(TableView.class);
        List<Problem> rows = fx(() -> List.copyOf(table.getItems()));
        assertThat(rows).extracting(p -> p.path().getFileName().toString()).containsExactly("broken.jpg", "empty.png");
        assertThat(rows.get(0).reason()).startsWith("corrupt image data");
        assertThat(rows.get(1).reason()).isEqualTo("file is empty (0 bytes)");
        WindowTestSupport.screenshot(robot.lookup("#problemsView").query().getScene(), "problems-view");
        searchWith(TestGalleries.writeQuery(dir.resolve("q"), "clothes", 2));
        assertThat(fx(() -> app.viewModel().search().topMatches())).hasSize(5);
    }

    @Test
    void indexingShowsProgressPausesCancelsAndResumesOnTheNextStart() throws Exception {
        Path photos = TestGalleries.writeGallery(dir.resolve("many"), 8); // 40 photos
        ThrottledEmbedder slow = new ThrottledEmbedder(6);
        openWith(slow);
        awaitIdle();
        chooser.nextFolder.set(photos);
        robot.clickOn("#addFolderButton");
        assertThat(slow.holding.await(20, TimeUnit.SECONDS)).isTrue();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> robot.lookup("#jobBar").query().isVisible()
                && app.viewModel().jobs().messageProperty().get().contains("of 40 photos")));
        String message = fx(() -> app.viewModel().jobs().messageProperty().get());
        assertThat(message).contains("photos/s");
        assertThat(fx(() -> app.viewModel().jobs().progressProperty().get())).isGreaterThan(0);
        Button pause = robot.lookup("#jobPause").queryAs(Button.class);
        assertThat(fx(pause::isVisible)).isTrue();
        assertThat(fx(pause::getText)).isEqualTo("Pause");
        robot.clickOn("#jobPause");
        assertThat(fx(pause::getText)).isEqualTo("Resume");
        // The embedder is held mid-photo, so the pause is still pending, and the bar says so.
        assertThat(fx(() -> app.viewModel().jobs().messageProperty().get())).isEqualTo("Pausing after the current photo…");
        WindowTestSupport.screenshot(app.stage().getScene(), "indexing-progress");
        robot.clickOn("#jobPause");
        assertThat(fx(pause::getText)).isEqualTo("Pause");

        robot.clickOn("#jobCancel");
        awaitIdle();
        assertThat(fx(() -> robot.lookup("#jobBar").query().isVisible())).isFalse();
        assertThat(fx(() -> app.viewModel().search().errorProperty().get())).isNull();
        // What was committed before the cancel is searchable; the rest is missing.
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> app.viewModel().library().indexStateProperty().get()
                .startsWith("indexing cancelled")));
        int firstRun = fx(() -> app.viewModel().search().galleryProperty().get().size());
        assertThat(firstRun).isBetween(1, 39);
        slow.release.countDown();
        closeApp();

        // Restart on the same data folder: indexing resumes and embeds only the rest.
        ThrottledEmbedder counting = new ThrottledEmbedder(Integer.MAX_VALUE);
        openWith(counting);
        awaitGallerySize(40);
        awaitIdle();
        assertThat(counting.embeddings()).isEqualTo(40 - firstRun);
        assertThat(text("#statusIndex")).isEqualTo("index up to date");
    }

    @Test
    void aModelThatCannotBeLoadedOffersTheBaseline() throws Exception {
        Path photos = TestGalleries.writeGallery(dir.resolve("p"), 1);
        try (GalleryDatabase db = GalleryDatabase.open(dataDir)) {
            db.addFolder(photos);
        }
        open(new AppBootstrap(settings("default"))); // the models folder is empty
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> robot.lookup("#useFallbackButton").query().isVisible()));
        assertThat(text("#emptyTitle")).isEqualTo("The model could not be loaded");
        assertThat(fx(() -> app.viewModel().search().errorProperty().get())).contains("Default model").contains("not found");
        WindowTestSupport.screenshot(app.stage().getScene(), "model-failed-offers-baseline");
        robot.clickOn("#useFallbackButton");
        awaitGallerySize(5);
        awaitIdle();
        assertThat(text("#statusModel")).startsWith(new ColorHistogramEmbedder().info().name());
        assertThat(fx(() -> app.viewModel().search().errorProperty().get())).isNull();
        assertThat(fx(() -> app.viewModel().library().currentModelProperty().get())).isEqualTo(ModelChoice.HISTOGRAM);
    }

    static Path writeQuery(Path folder) throws Exception {
        return TestGalleries.writePhoto(Files.createDirectories(folder).resolve("q.png"),
                TestGalleries.CATEGORIES.get("dog"), new Random(1));
    }
}
