package org.visualsearch.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.visualsearch.ui.FxThread.fx;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
import org.visualsearch.core.model.ColorHistogramEmbedder;
import org.visualsearch.core.model.DjlEnvironment;
import org.visualsearch.core.model.ModelInfo;
import org.visualsearch.core.sampledb.SampleManifest;
import org.visualsearch.core.store.GalleryDatabase;
import org.visualsearch.app.ModelChoice;

/**
 * The model chooser lists the models installed under the models folder and the baseline;
 * switching embeds what the new model lacks, with progress, and keeps the other model's vectors.
 */
class ModelSwitchWindowTest {
    @TempDir
    Path dir;

    private final FxRobot robot = new FxRobot();
    private VisualSearchApp app;

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

    @Test
    void switchingTheModelEmbedsWhatIsMissingAndKeepsTheOtherModelsVectors() throws Exception {
        Path models = dir.resolve("models");
        Path tiny = Files.createDirectories(models.resolve("tiny"));
        Path source = Path.of(ModelSwitchWindowTest.class.getResource("/models/guie-tiny").toURI());
        try (var files = Files.list(source)) {
            for (Path f : files.toList()) {
                Files.copy(f, tiny.resolve(f.getFileName()));
            }
        }
        Path photos = TestGalleries.writeGallery(dir.resolve("photos"), 2);
        Path data = dir.resolve("data");
        try (GalleryDatabase db = GalleryDatabase.open(data)) {
            db.addFolder(photos);
        }
        app = (VisualSearchApp) FxToolkit.setupApplication(() -> new VisualSearchApp(new AppBootstrap(
                new AppBootstrap.Settings(data, models, dir.resolve("sample"), "histogram", SampleManifest.bundled(), null)),
                new WindowTestSupport.ScriptedChooser()));
        awaitIndexed(10, "Colour histogram");

        @SuppressWarnings("unchecked")
        ComboBox<ModelChoice> chooser = robot.lookup("#modelChooser").queryAs(ComboBox.class);
        assertThat(fx(() -> List.copyOf(chooser.getItems()))).containsExactly(
                new ModelChoice("tiny", "tiny"), ModelChoice.HISTOGRAM);
        assertThat(fx(chooser::getValue)).isEqualTo(ModelChoice.HISTOGRAM);

        fx(() -> chooser.setValue(new ModelChoice("tiny", "tiny")));
        WaitForAsyncUtils.waitForFxEvents();
        awaitIndexed(10, null);
        ModelInfo tinyInfo = fx(() -> app.viewModel().search().embedderProperty().get().info());
        assertThat(tinyInfo.name()).isNotEqualTo(new ColorHistogramEmbedder().info().name());
        assertThat(robot.lookup("#statusModel").queryAs(Label.class).getText()).startsWith(tinyInfo.name());
        assertThat(fx(chooser::getValue).key()).isEqualTo("tiny");

        try (GalleryDatabase db = GalleryDatabase.open(data)) {
            assertThat(db.counts(new ColorHistogramEmbedder().info()).embedded()).isEqualTo(10);
            assertThat(db.counts(tinyInfo).embedded()).isEqualTo(10);
        }
        // Back to the baseline: its vectors are still there, the gallery is whole at once.
        fx(() -> chooser.setValue(ModelChoice.HISTOGRAM));
        awaitIndexed(10, "Colour histogram");
        assertThat(robot.lookup("#statusIndex").queryAs(Label.class).getText()).isEqualTo("index up to date");
    }

    private void awaitIndexed(int size, String modelPrefix) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(() -> {
            var vm = app.viewModel();
            var g = vm.search().galleryProperty().get();
            return vm.servicesProperty().get() != null && !vm.jobs().runningProperty().get() && g != null
                    && g.size() == size && (modelPrefix == null || g.model().name().startsWith(modelPrefix));
        }));
        WaitForAsyncUtils.waitForFxEvents();
    }
}
