package org.visualsearch.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.visualsearch.ui.FxThread.fx;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import org.visualsearch.core.sampledb.SampleManifest;

/**
 * A damaged gallery.db: the window says what failed (not "the model could not be loaded") and
 * offers to move it aside and start fresh; the damaged file is kept as gallery.db.damaged-DATE,
 * and the fresh database gets the sample folder again.
 */
class DamagedDatabaseWindowTest {
    @TempDir
    Path dir;

    private final FxRobot robot = new FxRobot();
    private VisualSearchApp app;

    @BeforeAll
    static void stage() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }

    @Test
    void aDamagedDatabaseIsExplainedAndMovedAsideOnRequest() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        byte[] damaged = ("SQLite format 3\0" + "x".repeat(200)).getBytes(StandardCharsets.US_ASCII);
        Files.write(data.resolve("gallery.db"), damaged);
        Files.writeString(data.resolve("sample-folder-added"), "an earlier database had the sample folder\n");
        Path sample = TestGalleries.writeGallery(dir.resolve("sample"), 2);
        Path models = Files.createDirectories(dir.resolve("models"));
        app = (VisualSearchApp) FxToolkit.setupApplication(() -> new VisualSearchApp(new AppBootstrap(
                new AppBootstrap.Settings(data, models, sample, "histogram", SampleManifest.bundled(), null)),
                new WindowTestSupport.ScriptedChooser()));

        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> fx(() -> robot.lookup("#useFallbackButton").queryAs(Button.class).isVisible()));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#emptyTitle").queryAs(Label.class).getText()).isEqualTo("The gallery database is damaged");
        String message = robot.lookup("#errorText").queryAs(Label.class).getText();
        assertThat(message).startsWith("The gallery database " + data.resolve("gallery.db") + " cannot be read (")
                .contains("gallery.db.damaged-").doesNotContain("SQLITE").doesNotContain("model").doesNotContain("\tat ");
        Button move = robot.lookup("#useFallbackButton").queryAs(Button.class);
        assertThat(move.getText()).isEqualTo("Move it aside and start fresh");
        assertThat(WindowTestSupport.clippedLabels(move.getScene().getRoot())).isEmpty();
        WindowTestSupport.screenshot(move.getScene(), "damaged-database");

        robot.clickOn("#useFallbackButton");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(() -> {
            var vm = app.viewModel();
            var g = vm.search().galleryProperty().get();
            return vm.servicesProperty().get() != null && !vm.jobs().runningProperty().get() && g != null && g.size() == 10;
        }));
        WaitForAsyncUtils.waitForFxEvents();

        List<Path> kept;
        try (Stream<Path> files = Files.list(data)) {
            kept = files.filter(f -> f.getFileName().toString().matches("gallery\\.db\\.damaged-\\d{4}-\\d\\d-\\d\\d-\\d{6}"))
                    .toList();
        }
        assertThat(kept).singleElement().satisfies(f -> assertThat(Files.readAllBytes(f)).isEqualTo(damaged));
        assertThat(fx(() -> robot.lookup("#errorBanner").query().isVisible())).isFalse();
        WindowTestSupport.screenshot(move.getScene(), "damaged-database-fresh");
    }
}
