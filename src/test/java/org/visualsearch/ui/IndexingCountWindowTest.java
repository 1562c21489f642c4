package org.visualsearch.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.visualsearch.ui.FxThread.fx;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import org.visualsearch.app.GallerySession;
import org.visualsearch.app.ModelChoice;
import org.visualsearch.core.gallery.CountingEmbedder;
import org.visualsearch.core.gallery.IndexListener;
import org.visualsearch.core.gallery.Indexer;
import org.visualsearch.core.gallery.TestImages;
import org.visualsearch.core.image.ImageLoader;
import org.visualsearch.core.model.ColorHistogramEmbedder;
import org.visualsearch.core.model.EmbeddingException;
import org.visualsearch.core.model.ModelCatalog;
import org.visualsearch.core.store.GalleryDatabase;
import org.visualsearch.ui.credits.CreditsSource;

/**
 * While indexing, the job bar and the gallery header give one count, the gallery's (photos
 * indexed before included): "23 of 30 photos", not "3 of 10" in the bar and "20 photos" above
 * the grid, whose tiles arrive a few seconds behind.
 */
class IndexingCountWindowTest {
    @TempDir
    Path dir;

    private final FxRobot robot = new FxRobot();
    private VisualSearchApp app;
    private final CountDownLatch release = new CountDownLatch(1);

    @BeforeAll
    static void stage() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void close() throws Exception {
        release.countDown();
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }

    /** The histogram model, stopping at its 4th photo until the test releases it. */
    private final class StoppingEmbedder extends CountingEmbedder {
        StoppingEmbedder() {
            super(new ColorHistogramEmbedder());
        }

        @Override
        public float[] embed(BufferedImage image) throws EmbeddingException {
            if (calls() == 3) { // the 4th photo
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return super.embed(image);
        }
    }

    @Test
    void theJobBarAndTheGalleryHeaderGiveOneCount() throws Exception {
        Path photos = TestGalleries.writeGallery(dir.resolve("photos"), 4);
        Path data = dir.resolve("data");
        try (GalleryDatabase db = GalleryDatabase.open(data)) {
            db.addFolder(photos);
            new Indexer(db, new ColorHistogramEmbedder(), new ImageLoader(), 4).indexUserFolders(IndexListener.NONE);
        }
        for (int i = 0; i < 10; i++) {
            TestImages.write(photos.resolve("dog/new-" + i + ".png"), 100 + i);
        }
        app = (VisualSearchApp) FxToolkit.setupApplication(() -> new VisualSearchApp(() -> AppServices.forSession(
                new GallerySession(GalleryDatabase.open(data), new ModelCatalog(dir.resolve("models")),
                        new StoppingEmbedder(), ModelChoice.HISTOGRAM, null, null),
                CreditsSource.fromFolder(dir)), new WindowTestSupport.ScriptedChooser()));

        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(() ->
                robot.lookup("#jobMessage").queryAs(Label.class).getText().startsWith("23 of 30 photos")
                        && robot.lookup("#gallerySubtitle").queryAs(Label.class).getText().startsWith("23 of 30")));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#gallerySubtitle").queryAs(Label.class).getText())
                .isEqualTo("23 of 30 photos indexed · more appear as they are indexed");
        assertThat(robot.lookup("#statusCount").queryAs(Label.class).getText()).isEqualTo("23 of 30 photos indexed");
        assertThat(fx(() -> WindowTestSupport.clippedLabels(app.stage().getScene().getRoot()))).isEmpty();
        WindowTestSupport.screenshot(app.stage().getScene(), "indexing-counts");

        release.countDown();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(() -> !app.viewModel().jobs().runningProperty().get()
                && app.viewModel().search().galleryProperty().get().size() == 30));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#gallerySubtitle").queryAs(Label.class).getText()).startsWith("30 photos · grouped by category");
        assertThat(robot.lookup("#statusCount").queryAs(Label.class).getText()).isEqualTo("30 photos");
    }
}
