package org.visualsearch.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.visualsearch.ui.FxThread.fx;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import org.visualsearch.app.ModelChoice;
import org.visualsearch.core.model.DjlEnvironment;
import org.visualsearch.core.sampledb.SampleManifest;
import org.visualsearch.core.store.GalleryDatabase;

/**
 * A misspelt vss.* key in a model's serving.properties loads anyway; the window says so, as the
 * CLI does: when the window starts on that model and when it switches to it.
 */
class ModelWarningsWindowTest {
    @TempDir
    Path dir;

    private final FxRobot robot = new FxRobot();
    private VisualSearchApp app;
    private Path models;
    private Path data;

    @BeforeAll
    static void setUp() throws Exception {
        DjlEnvironment.configure();
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void close() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
        FxToolkit.cleanupStages();
    }

    private void install() throws Exception {
        models = dir.resolve("models");
        Path tiny = Files.createDirectories(models.resolve("tiny"));
        Path source = Path.of(ModelWarningsWindowTest.class.getResource("/models/guie-tiny").toURI());
        Files.copy(source.resolve("guie_tiny.pt"), tiny.resolve("guie_tiny.pt"));
        Files.writeString(tiny.resolve("serving.properties"), "vss.name=tiny\nvss.maxSid=256\n");
        Path photos = TestGalleries.writeGallery(dir.resolve("photos"), 1);
        data = dir.resolve("data");
        try (GalleryDatabase db = GalleryDatabase.open(data)) {
            db.addFolder(photos);
        }
    }

    private void start(String model) throws Exception {
        app = (VisualSearchApp) FxToolkit.setupApplication(() -> new VisualSearchApp(new AppBootstrap(
                new AppBootstrap.Settings(data, models, dir.resolve("sample"), model, SampleManifest.bundled(), null)),
                new WindowTestSupport.ScriptedChooser()));
    }

    private String awaitBanner() throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(() -> robot.lookup("#errorBanner").query().isVisible()));
        return robot.lookup("#errorText").queryAs(Label.class).getText();
    }

    @Test
    void startingOnAModelWithAMisspeltKeySaysSo() throws Exception {
        install();
        start("tiny");

        assertThat(awaitBanner()).isEqualTo(models.resolve("tiny/serving.properties")
                + ": unknown key vss.maxSid; did you mean vss.maxSide?");
        WindowTestSupport.screenshot(robot.lookup("#errorBanner").query().getScene(), "model-descriptor-warning");
    }

    @Test
    void switchingToAModelWithAMisspeltKeySaysSo() throws Exception {
        install();
        start("histogram");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(() -> app.viewModel().servicesProperty().get() != null
                && !app.viewModel().jobs().runningProperty().get()));
        assertThat(fx(() -> robot.lookup("#errorBanner").query().isVisible())).isFalse();

        @SuppressWarnings("unchecked")
        ComboBox<ModelChoice> chooser = robot.lookup("#modelChooser").queryAs(ComboBox.class);
        fx(() -> chooser.setValue(new ModelChoice("tiny", "tiny")));

        assertThat(awaitBanner()).contains("unknown key vss.maxSid; did you mean vss.maxSide?");
    }
}
