package org.visualsearch.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.visualsearch.ui.FxThread.fx;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import org.visualsearch.core.model.DjlEnvironment;
import org.visualsearch.core.model.HeadEmbedder;
import org.visualsearch.core.model.ModelCatalog;
import org.visualsearch.core.sampledb.SampleManifest;
import org.visualsearch.core.store.GalleryDatabase;
import org.visualsearch.core.training.LabelledPhotos;
import org.visualsearch.app.ModelChoice;
import org.visualsearch.ui.training.TrainView;
import org.visualsearch.ui.training.TrainViewModel;

/**
 * The Train view: from the main window's header, train on a small labelled folder, watch the
 * charts fill, save, and find the model in the main window's chooser.
 */
class TrainWindowTest {
    @TempDir
    Path dir;

    private final FxRobot robot = new FxRobot();
    private VisualSearchApp app;
    private final ExecutorService background = Executors.newSingleThreadExecutor();

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
        background.shutdownNow();
    }

    private Path modelsWithBase() throws Exception {
        Path models = dir.resolve("models");
        Path base = Files.createDirectories(models.resolve("base"));
        Path source = Path.of(TrainWindowTest.class.getResource("/models/features-tiny").toURI());
        try (var files = Files.list(source)) {
            for (Path f : files.toList()) {
                Files.copy(f, base.resolve(f.getFileName()));
            }
        }
        return models;
    }

    /**
     * In the whole window, on the base model with a small gallery: train, save (into the data
     * folder, the default), find the model in the chooser, and see the Compare tab open with the
     * base against the trained head.
     */
    @Test
    void trainFromTheTabSaveFindTheModelInTheChooserAndCompareItWithTheBase() throws Exception {
        Path models = modelsWithBase();
        Path labels = LabelledPhotos.write(dir.resolve("labels"), 3, 12, 4, 1);
        Path gallery = LabelledPhotos.write(dir.resolve("gallery"), 3, 8, 4, 9);
        Path data = dir.resolve("data");
        WindowTestSupport.ScriptedChooser chooser = new WindowTestSupport.ScriptedChooser();
        app = (VisualSearchApp) FxToolkit.setupApplication(() -> new VisualSearchApp(new AppBootstrap(
                new AppBootstrap.Settings(data, models, gallery, "base", SampleManifest.bundled(), null)),
                chooser));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(() -> app.viewModel().servicesProperty().get() != null
                && !app.viewModel().jobs().runningProperty().get()
                && app.viewModel().galleryProperty().getValue() != null
                && app.viewModel().galleryProperty().getValue().size() == 24));
        @SuppressWarnings("unchecked")
        ComboBox<ModelChoice> modelChooser = robot.lookup("#modelChooser").queryAs(ComboBox.class);
        assertThat(fx(() -> List.copyOf(modelChooser.getItems()))).containsExactly(
                new ModelChoice("base", "base"), ModelChoice.HISTOGRAM);

        javafx.scene.control.TabPane tabs = robot.lookup(".tab-pane").queryAs(javafx.scene.control.TabPane.class);
        fx(() -> {
            tabs.getSelectionModel().select(tabs.getTabs().stream().filter(t -> "Train".equals(t.getText()))
                    .findFirst().orElseThrow());
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        chooser.nextFolder.set(labels);
        robot.clickOn("#trainAddFolder");
        TextField epochs = robot.lookup("#trainEpochs").queryAs(TextField.class);
        fx(() -> {
            epochs.setText("30");
            return null;
        });
        @SuppressWarnings("unchecked")
        ComboBox<TrainViewModel.BaseChoice> base = robot.lookup("#trainBase").queryAs(ComboBox.class);
        assertThat(fx(() -> base.getValue().key())).isEqualTo("base");
        robot.clickOn("#trainStart");
        Button save = robot.lookup("#trainSave").queryAs(Button.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(() -> !save.isDisabled()));
        @SuppressWarnings("unchecked")
        LineChart<Number, Number> loss = robot.lookup("#trainLossChart").queryAs(LineChart.class);
        assertThat(fx(() -> loss.getData().get(0).getData().size())).isEqualTo(30);

        TextField name = robot.lookup("#trainSaveName").queryAs(TextField.class);
        fx(() -> {
            name.setText("my-head");
            return null;
        });
        @SuppressWarnings("unchecked")
        ComboBox<TrainViewModel.SaveFolder> saveIn = robot.lookup("#trainSaveIn").queryAs(ComboBox.class);
        assertThat(fx(() -> saveIn.getValue().dir())).as("the data folder is offered first")
                .isEqualTo(data.resolve("models"));
        robot.clickOn("#trainSave");
        ModelChoice trained = new ModelChoice("my-head", "my-head");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(() -> modelChooser.getItems().contains(trained)));
        assertThat(HeadEmbedder.isHeadModel(data.resolve("models").resolve("my-head"))).isTrue();
        assertThat(models.resolve("my-head")).doesNotExist();

        assertThat(fx(modelChooser::getValue)).as("the chooser still shows the model in use")
                .isEqualTo(new ModelChoice("base", "base"));
        // the Compare tab opens with the base (the current model) against the head just trained
        assertThat(fx(() -> tabs.getSelectionModel().getSelectedItem().getText())).isEqualTo("Compare");
        javafx.scene.Node compareRoot = fx(() -> tabs.getSelectionModel().getSelectedItem().getContent());
        @SuppressWarnings("unchecked")
        ComboBox<ModelChoice> modelB = fx(() -> (ComboBox<ModelChoice>) compareRoot.lookup("#compareModelB"));
        assertThat(fx(modelB::getValue)).isEqualTo(trained);
        javafx.scene.control.Labeled scoreB = fx(() -> (javafx.scene.control.Labeled) compareRoot.lookup("#compareScoreB"));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(() -> scoreB.getText().contains("my-head")));
        assertThat(fx(scoreB::getText)).matches(".*mP@5 [01]\\.\\d{3}.*");
        assertThat(fx(() -> ((javafx.scene.control.Labeled) compareRoot.lookup("#compareModelA")).getText()))
                .isEqualTo("A: base");
        WaitForAsyncUtils.waitForFxEvents();
        WindowTestSupport.screenshot(app.stage().getScene(), "compare-after-train");
    }

    /**
     * The view alone, with the FX hand-over gated at epoch 40 so the screenshot shows a run in
     * progress; then the finished run and a saved model.
     */
    @Test
    void chartsFillEpochByEpochWithTheBaseModelAsReference() throws Exception {
        Path models = modelsWithBase();
        Path labels = LabelledPhotos.write(dir.resolve("labels"), 4, 24, 3, 2);
        CountDownLatch atEpoch40 = new CountDownLatch(1);
        CountDownLatch resume = new CountDownLatch(1);
        AtomicInteger handOvers = new AtomicInteger();
        GalleryDatabase db = GalleryDatabase.open(dir.resolve("data"));
        CountDownLatch saved = new CountDownLatch(1);
        Executor gatedFx = task -> {
            Platform.runLater(task);
            if (!Platform.isFxApplicationThread() && fxHistory.get() != null && fxHistory.get().size() >= 40
                    && handOvers.incrementAndGet() == 1) {
                atEpoch40.countDown();
                try {
                    resume.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        ModelCatalog catalog = new ModelCatalog(models, dir.resolve("data").resolve("models"));
        var training = new javafx.beans.property.SimpleObjectProperty<>(new org.visualsearch.app.HeadTraining(catalog, db));
        TrainViewModel model = fx(() -> new TrainViewModel(training, background, gatedFx, p -> saved.countDown()));
        fxHistory.set(model.curves().history());
        Stage stage = fx(() -> {
            Stage s = new Stage();
            TrainView view = new TrainView(model, w -> java.util.Optional.empty());
            Scene scene = new Scene(view.root(), 1280, 800);
            scene.getStylesheets().add(VisualSearchApp.class.getResource(VisualSearchApp.STYLESHEET).toExternalForm());
            s.setScene(scene);
            s.show();
            model.addFolder(labels);
            model.form().epochsProperty().set("120");
            return s;
        });
        assertThat(fx(model::train)).isTrue();
        assertThat(atEpoch40.await(60, TimeUnit.SECONDS)).isTrue();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> model.curves().history().size())).as("paused mid-run").isBetween(40, 119);
        assertThat(fx(model.runningProperty()::get)).isTrue();
        WindowTestSupport.screenshot(stage.getScene(), "train-view-running");
        resume.countDown();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(() -> model.outcomeProperty().get() != null));
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        LineChart<Number, Number> score = robot.lookup("#trainScoreChart").queryAs(LineChart.class);
        // reference line (2 points), category (untrained + 120 epochs), instance groups (same)
        assertThat(fx(() -> score.getData().stream().map(s -> s.getData().size()).toList()))
                .containsExactly(2, 121, 121);
        var figures = fx(() -> model.outcomeProperty().get().training());
        assertThat(figures.trained().category()).isGreaterThan(figures.untrained().category());
        fx(() -> {
            model.saveNameProperty().set("quadrants");
            return model.save();
        });
        assertThat(saved.await(30, TimeUnit.SECONDS)).isTrue();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(catalog.installed()).contains(dir.resolve("data").resolve("models").resolve("quadrants"));
        WindowTestSupport.screenshot(stage.getScene(), "train-view-done");
        db.close();
    }

    private final java.util.concurrent.atomic.AtomicReference<javafx.collections.ObservableList<?>> fxHistory =
            new java.util.concurrent.atomic.AtomicReference<>();
}
