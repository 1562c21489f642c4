package org.visualsearch.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.visualsearch.ui.FxThread.fx;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import org.visualsearch.core.model.DjlEnvironment;
import org.visualsearch.core.sampledb.ImportReport;
import org.visualsearch.core.sampledb.SampleImporter;
import org.visualsearch.core.sampledb.SampleManifest;
import org.visualsearch.core.sampledb.SampleStatus;

/**
 * The app exactly as the launcher wires it, with the real default model ({@code models/default})
 * and the real sample photos (imported, SHA-256 checked against the bundled manifest, from
 * {@code ../shared/sample-photos-v2} or the checkout's {@code sample-db/}) on a fresh data folder: start-up, first indexing, a dog photo that is not in
 * the gallery dropped on the window. Writes screenshots and prints the timings. Skipped when the
 * model or the photos are not on this machine.
 */
class RealAppWindowTest {
    @TempDir
    Path dir;

    /** The team's data folder beside the checkout (CI lays it there); {@code -Dvss.shared=DIR} elsewhere. */
    private static final Path SHARED = Path.of(System.getProperty("vss.shared", "../shared"));

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

    /** The first folder holding every photo of the bundled manifest (an older sample set does not count). */
    private static Path samplePhotos() {
        for (Path candidate : List.of(SHARED.resolve("sample-photos-v2"), Path.of("sample-db"))) {
            if (Files.isDirectory(candidate.resolve("dog"))
                    && SampleStatus.check(SampleManifest.bundled(), candidate).complete()) {
                return candidate;
            }
        }
        return null;
    }

    /** A dog photo that is not in the gallery (a photo of the gallery would find itself first), or null. */
    private static Path dogQuery() throws Exception {
        Path train = SHARED.resolve("train-photos/dog");
        if (!Files.isDirectory(train)) {
            return null;
        }
        try (Stream<Path> files = Files.list(train)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jpg")).sorted().findFirst().orElse(null);
        }
    }

    @Test
    void theDefaultModelOnTheSampleGalleryAnswersADroppedDogPhoto() throws Exception {
        Path models = Path.of("models").toAbsolutePath();
        Path sample = samplePhotos();
        assumeTrue(Files.isRegularFile(models.resolve("default").resolve("model.pt")), "no default model");
        assumeTrue(sample != null, "no sample photos on this machine");
        Path query = dogQuery();
        assumeTrue(query != null, "no training photos on this machine to query with");
        Path sampleDir = dir.resolve("sample-db");
        ImportReport imported = new SampleImporter(SampleManifest.bundled()).importFrom(sample, sampleDir);
        assertThat(imported.complete()).as(imported.rejected().toString()).isTrue();
        int photos = imported.imported().size();
        long start = System.nanoTime();
        app = (VisualSearchApp) FxToolkit.setupApplication(() -> new VisualSearchApp(new AppBootstrap(
                new AppBootstrap.Settings(dir.resolve("data"), models, sampleDir, null, SampleManifest.bundled(), null)),
                new WindowTestSupport.ScriptedChooser()));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(() -> app.viewModel().servicesProperty().get() != null));
        long ready = System.nanoTime();
        WaitForAsyncUtils.waitFor(300, TimeUnit.SECONDS, () -> fx(() -> !app.viewModel().jobs().runningProperty().get()
                && app.viewModel().search().galleryProperty().get().size() == photos));
        long indexed = System.nanoTime();
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(500); // thumbnails
        WindowTestSupport.screenshot(app.stage().getScene(), "real-app-gallery");

        StringBuilder times = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            long before = fx(() -> app.viewModel().search().completedSearchesProperty().get());
            long t0 = System.nanoTime();
            fx(() -> WindowTestSupport.dropFiles(robot.lookup("#queryPane").query(), List.of(query)));
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                    () -> fx(() -> app.viewModel().search().completedSearchesProperty().get() > before));
            times.append(i == 0 ? "" : ", ").append((System.nanoTime() - t0) / 1_000_000).append(" ms");
        }
        List<String> top = fx(() -> app.viewModel().search().topMatches().stream()
                .map(h -> h.entry().categoryOrUnlabelled()).toList());
        // A dog photo that is not in the gallery: with the default model all five neighbours are
        // dogs on the sample gallery; at least four must be, the nearest among them.
        assertThat(top).as("top-5 categories for %s", query).hasSize(5).startsWith("dog");
        assertThat(top.stream().filter("dog"::equals).count()).as("dogs among %s", top).isGreaterThanOrEqualTo(4);
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(500);
        WindowTestSupport.screenshot(app.stage().getScene(), "real-app-query");
        System.out.printf("real app: window services ready in %d ms; %d sample photos indexed after %d ms; "
                        + "drop-to-results for %s: %s; top-5 categories %s%n",
                (ready - start) / 1_000_000, photos, (indexed - start) / 1_000_000, query.getFileName(), times, top);
    }
}
