package org.visualsearch.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.visualsearch.ui.FxThread.fx;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
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
import org.visualsearch.core.model.ImageEmbedder;
import org.visualsearch.app.ProgressSink;
import org.visualsearch.ui.gallery.SampleGallerySource;

/** A fresh clone: no gallery yet. The window offers the sample gallery, shows progress, can cancel. */
class EmptyGalleryWindowTest {
    @TempDir
    static Path dir;
    static Path sampleFolder;

    private final FxRobot robot = new FxRobot();
    private final WindowTestSupport.ScriptedChooser chooser = new WindowTestSupport.ScriptedChooser();
    private final ImageEmbedder embedder = new ColorHistogramEmbedder();
    private final CountDownLatch firstPhotoDone = new CountDownLatch(1);
    private final CountDownLatch mayContinue = new CountDownLatch(1);
    private final AtomicInteger downloads = new AtomicInteger();
    private VisualSearchApp app;

    /**
     * The sample gallery "download" indexes photos the test wrote (the real download lands in
     * core.sampledb); after the first photo it waits for the test, so Cancel is pressed mid-way.
     */
    private final SampleGallerySource source = new SampleGallerySource() {
        @Override
        public IndexedGallery download(ProgressSink progress) throws Exception {
            downloads.incrementAndGet();
            return TestGalleries.index(sampleFolder, embedder, new ProgressSink() {
                @Override
                public void progress(long done, long total, String message) {
                    progress.progress(done, total, message);
                    firstPhotoDone.countDown();
                    try {
                        mayContinue.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }

                @Override
                public boolean isCancelled() {
                    return progress.isCancelled();
                }
            });
        }

        @Override
        public IndexedGallery importFrom(Path folder, ProgressSink progress) throws Exception {
            return TestGalleries.index(folder, embedder, progress);
        }
    };

    @BeforeAll
    static void writeSample() throws Exception {
        FxToolkit.registerPrimaryStage();
        sampleFolder = TestGalleries.writeGallery(dir.resolve("sample"), 4);
    }

    @BeforeEach
    void openWindow() throws Exception {
        app = (VisualSearchApp) FxToolkit.setupApplication(() -> new VisualSearchApp(
                () -> AppServices.of(embedder, VisualSearchApp.emptyGallery(embedder), source), chooser));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> app.viewModel().servicesProperty().get() != null));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void closeWindow() throws Exception {
        mayContinue.countDown();
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }

    @Test
    void theWindowSaysTheGalleryIsMissingAndOffersTheSample() throws Exception {
        Node empty = robot.lookup("#emptyGallery").query();
        assertThat(fx(empty::isVisible)).isTrue();
        assertThat(robot.lookup("#emptyTitle").queryAs(Label.class).getText()).isEqualTo("No gallery yet");
        Button download = robot.lookup("#downloadSampleButton").queryAs(Button.class);
        assertThat(download.getText()).isEqualTo("Get the sample gallery");
        assertThat(fx(download::isDisabled)).isFalse();
        assertThat(fx(() -> robot.lookup("#openButton").queryAs(Button.class).isDisabled())).isTrue();
        assertThat(robot.lookup("#statusCount").queryAs(Label.class).getText()).isEqualTo("0 photos");
        WindowTestSupport.screenshot(app.stage().getScene(), "empty-gallery");
    }

    @Test
    void importingFromAFolderFillsTheGalleryAndSearchWorks() throws Exception {
        chooser.nextFolder.set(sampleFolder);
        robot.clickOn("#importSampleButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> !app.viewModel().search().galleryEmptyProperty().get()));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> robot.lookup("#emptyGallery").query().isVisible())).isFalse();
        assertThat(robot.lookup("#statusCount").queryAs(Label.class).getText()).isEqualTo("20 photos");
        assertThat(robot.lookup("#statusIndex").queryAs(Label.class).getText()).isEqualTo("index ready");

        Path query = TestGalleries.writeQuery(dir.resolve("queries"), "food", 5);
        fx(() -> WindowTestSupport.dropFiles(robot.lookup("#queryPane").query(), List.of(query)));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> app.viewModel().search().topMatches().size() == 5));
    }

    @Test
    void gettingTheSampleShowsProgressAndCanBeCancelled() throws Exception {
        robot.clickOn("#downloadSampleButton");
        assertThat(firstPhotoDone.await(10, TimeUnit.SECONDS)).isTrue();
        WaitForAsyncUtils.waitForFxEvents();
        Node jobBar = robot.lookup("#jobBar").query();
        assertThat(fx(jobBar::isVisible)).isTrue();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> fx(() -> app.viewModel().jobs().progressProperty().get() > 0));
        assertThat(fx(() -> app.viewModel().jobs().messageProperty().get())).startsWith("Embedding ");
        assertThat(fx(() -> robot.lookup("#downloadSampleButton").queryAs(Button.class).isDisabled())).isTrue();
        WindowTestSupport.screenshot(app.stage().getScene(), "sample-download-progress");

        robot.clickOn("#jobCancel");
        mayContinue.countDown();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> !jobBar.isVisible()));
        assertThat(fx(() -> app.viewModel().search().galleryEmptyProperty().get())).isTrue();
        assertThat(fx(() -> robot.lookup("#errorBanner").query().isVisible())).isFalse();
        assertThat(robot.lookup("#statusIndex").queryAs(Label.class).getText()).contains("cancelled");
        assertThat(fx(() -> robot.lookup("#downloadSampleButton").queryAs(Button.class).isDisabled())).isFalse();
        assertThat(downloads.get()).isEqualTo(1);
    }
}
