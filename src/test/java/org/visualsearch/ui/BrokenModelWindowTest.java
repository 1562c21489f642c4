package org.visualsearch.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.visualsearch.ui.FxThread.fx;

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
                .containsExactly("Sample photos: licences", "Sample photos: each photo", "Model: tiny", "This program");
        @SuppressWarnings("unchecked")
        TableView<CreditsSource.Credit> table = robot.lookup("#creditsTable").queryAs(TableView.class);
        List<CreditsSource.Credit> rows = fx(() -> List.copyOf(table.getItems()));
        assertThat(rows).hasSize(100);
        assertThat(rows.get(0)).isEqualTo(new CreditsSource.Credit("dog", "dog-01.jpg", "not named",
                "Creative Commons Zero 1.0 Universal (public domain dedication)",
                "https://github.com/apple/ml-gbc/blob/b66c03c89aa5744f9e772ad074a8535ceb2b1f63/data/images/wiki/corgi.jpg",
                rows.get(0).details()));
        assertThat(rows.get(0).details()).contains("https://creativecommons.org/publicdomain/zero/1.0/");
        assertThat(rows).filteredOn(r -> r.file().equals("dog-12.jpg")).singleElement()
                .satisfies(r -> assertThat(r.author()).isEqualTo("Bev Sykes/Flickr"));
        for (CreditsSource.Credit row : rows) {
            assertThat(String.join(" ", row.author(), row.licence(), row.source(), row.details()).toLowerCase())
                    .as(row.file()).doesNotContain("unknown").doesNotContain("no licence stated");
        }
        @SuppressWarnings("unchecked")
        TableView<CreditsSource.LicenceCount> licences = robot.lookup("#licencesTable").queryAs(TableView.class);
        assertThat(fx(() -> licences.getItems().stream().mapToInt(CreditsSource.LicenceCount::photos).sum())).isEqualTo(100);
        assertThat(fx(() -> licences.getItems().stream().map(CreditsSource.LicenceCount::link).toList()))
                .contains("https://unsplash.com/license", "https://www.pexels.com/license/");
        Label intro = robot.lookup(".credits-summary").queryAs(Label.class);
        assertThat(intro.getText()).contains("photos under CC BY (Attribution): credit the author")
                .contains("under the same licence");
        assertThat(fx(() -> intro.getHeight() >= intro.prefHeight(intro.getWidth()) - 1))
                .as("the summary is not cut short").isTrue();
        WindowTestSupport.screenshot(tabs.getScene(), "credits-view");
        fx(() -> tabs.getSelectionModel().select(1));
        WaitForAsyncUtils.waitForFxEvents();
        WindowTestSupport.screenshot(tabs.getScene(), "credits-view-photos");
        fx(() -> tabs.getSelectionModel().select(2));
        assertThat(fx(() -> ((javafx.scene.control.TextArea) tabs.getTabs().get(2).getContent()).getText()))
                .isEqualTo("Tiny model, Apache-2.0\n");
    }
}
