package org.visualsearch.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.visualsearch.ui.SearchViewModelTest.fx;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import org.visualsearch.core.model.TorchScriptEmbedder;
import org.visualsearch.ui.credits.CreditsSource;

/** A model that cannot be loaded is reported in the window, which stays usable; the credits view. */
class BrokenModelWindowTest {
    @TempDir
    static Path dir;

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
    void aModelThatCannotBeLoadedIsExplainedWithoutAStackTrace() throws Exception {
        Path missing = dir.resolve("models").resolve("no-such-model");
        app = (VisualSearchApp) FxToolkit.setupApplication(() -> new VisualSearchApp(
                () -> { throw new IllegalStateException("unreachable: " + TorchScriptEmbedder.load(missing)); },
                new WindowTestSupport.ScriptedChooser()));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> fx(() -> robot.lookup("#errorBanner").query().isVisible()));
        String message = robot.lookup("#errorText").queryAs(Label.class).getText();
        assertThat(message).startsWith("The model or the gallery could not be loaded").contains("no-such-model")
                .doesNotContain("\tat ");
        assertThat(robot.lookup("#emptyTitle").queryAs(Label.class).getText()).isEqualTo("The model could not be loaded");
        assertThat(robot.lookup("#statusIndex").queryAs(Label.class).getText()).isEqualTo("not loaded");

        robot.clickOn("#errorClose");
        assertThat(fx(() -> robot.lookup("#errorBanner").query().isVisible())).isFalse();
    }

    @Test
    void theCreditsViewShowsSampleCreditsAndModelNotices() throws Exception {
        Files.createDirectories(dir.resolve("models/tiny"));
        Files.writeString(dir.resolve("models/tiny/NOTICE"), "Tiny model, Apache-2.0\n");
        CreditsSource credits = CreditsSource.fromFolder(dir); // no sample-db/manifest.tsv: the bundled manifest
        app = (VisualSearchApp) FxToolkit.setupApplication(() -> new VisualSearchApp(() -> {
            AppServices base = VisualSearchApp.baselineServices();
            return new AppServices(base.embedder(), base.gallery(), base.indexState(), null, base.thumbnails(), credits);
        }, new WindowTestSupport.ScriptedChooser()));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> app.viewModel().servicesProperty().get() != null));
        robot.clickOn("#creditsButton");
        WaitForAsyncUtils.waitForFxEvents();
        TabPane tabs = robot.lookup("#creditsTabs").queryAs(TabPane.class);
        assertThat(fx(() -> tabs.getTabs().stream().map(t -> t.getText()).toList()))
                .containsExactly("Sample photos", "Model: tiny");
        @SuppressWarnings("unchecked")
        TableView<CreditsSource.Credit> table = robot.lookup("#creditsTable").queryAs(TableView.class);
        List<CreditsSource.Credit> rows = fx(() -> List.copyOf(table.getItems()));
        assertThat(rows).hasSize(100);
        assertThat(rows.get(0)).isEqualTo(new CreditsSource.Credit("dog", "dog-01.jpg",
                "apple/ml-gbc@b66c03c:data/images/wiki/corgi.jpg", rows.get(0).licence()));
        assertThat(rows.get(0).licence()).startsWith("CC0-1.0");
        WindowTestSupport.screenshot(tabs.getScene(), "credits-view");
        fx(() -> tabs.getSelectionModel().select(1));
        assertThat(fx(() -> ((javafx.scene.control.TextArea) tabs.getTabs().get(1).getContent()).getText()))
                .isEqualTo("Tiny model, Apache-2.0\n");
    }
}
