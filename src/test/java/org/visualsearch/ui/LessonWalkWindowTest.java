package org.visualsearch.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.visualsearch.ui.FxThread.fx;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import org.visualsearch.core.model.ColorHistogramEmbedder;
import org.visualsearch.core.search.IndexedGallery;
import org.visualsearch.ui.classroom.ClassroomContext;
import org.visualsearch.ui.classroom.LessonViewModel;
import org.visualsearch.ui.classroom.PresentationModel;
import org.visualsearch.ui.search.TopMatchesPanel;

/**
 * The shipped lesson, walked with the keyboard alone as a teacher with a clicker would, on the
 * real sample photos (the team's {@code ../shared/sample-photos-v2}, as CI has it; skipped where
 * they are absent), embedded with the colour-histogram model so the walk runs in seconds.
 */
class LessonWalkWindowTest {
    static final Path LESSON = Path.of("sample-db", "lessons", "dogs-food-and-a-mistake.yaml").toAbsolutePath();
    @TempDir
    static Path dir;
    static Path samples;
    static IndexedGallery gallery;

    private final FxRobot robot = new FxRobot();
    private VisualSearchApp app;

    @BeforeAll
    static void setUpGallery() throws Exception {
        samples = List.of(Path.of("..", "shared", "sample-photos-v2"), Path.of("..", "..", "shared", "sample-photos-v2"))
                .stream().filter(p -> Files.isRegularFile(p.resolve("dog").resolve("dog-15.jpg"))).findFirst()
                .map(Path::toAbsolutePath).orElse(null);
        assumeTrue(samples != null, "the sample photos (../shared/sample-photos-v2) are not here");
        FxToolkit.registerPrimaryStage();
        gallery = TestGalleries.index(samples, ".jpg", new ColorHistogramEmbedder(), null);
    }

    @AfterEach
    void closeWindow() throws Exception {
        if (app != null) {
            fx(() -> window().presentation().presentingProperty().set(false));
            FxToolkit.cleanupApplication(app);
            FxToolkit.cleanupStages();
        }
    }

    private void open(Path lesson) throws Exception {
        ColorHistogramEmbedder embedder = new ColorHistogramEmbedder();
        app = (VisualSearchApp) FxToolkit.setupApplication(() -> new VisualSearchApp(
                () -> AppServices.of(embedder, gallery, null), new WindowTestSupport.ScriptedChooser())
                .withClassroom(new ClassroomContext(null, samples, dir.resolve("pictures"), lesson)));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> fx(() -> app.viewModel().search().readyProperty().get()));
    }

    @Test
    void theShippedLessonRunsFromTheKeyboardAlone() throws Exception {
        open(LESSON); // what --lesson does: present mode, then step 1 once the gallery is in
        awaitQuery("dog-15.jpg");
        assertThat(fx(() -> presentation().presentingProperty().get())).isTrue();
        assertThat(fx(() -> app.stage().isFullScreen())).isTrue();
        assertThat(fx(() -> lesson().lessonProperty().get().problems())).isEmpty();
        assertThat(text("#lessonTitle")).isEqualTo("A bulldog");
        assertThat(text("#lessonStep")).endsWith("step 1 of 4");

        press(KeyCode.G); // guess first on: the top 5 are covered
        assertThat(fx(() -> top().coveredRanks())).containsExactly(1, 2, 3, 4, 5);
        for (int i = 0; i < 6; i++) {
            press(KeyCode.SPACE); // #5 .. #1, then the gallery
        }
        assertThat(fx(() -> top().coveredRanks())).isEmpty();
        assertThat(fx(() -> presentation().galleryShown().get())).isTrue();
        press(KeyCode.SPACE); // all shown: the next step
        awaitQuery("vehicle-12.jpg");
        assertThat(text("#lessonTitle")).contains("fruit");
        assertThat(fx(() -> top().coveredRanks())).containsExactly(1, 2, 3, 4, 5);

        for (int i = 0; i < 7; i++) {
            press(KeyCode.PAGE_DOWN); // a clicker's forward key does the same
        }
        awaitQuery("landmark-07.jpg");
        assertThat(text("#lessonTitle")).isEqualTo("A mistake");
        for (int i = 0; i < 7; i++) {
            press(KeyCode.RIGHT);
        }
        awaitQuery("dog-15.jpg");
        assertThat(text("#lessonStep")).endsWith("step 4 of 4");
        // step 4 reveals best first
        press(KeyCode.SPACE);
        assertThat(fx(() -> top().coveredRanks())).containsExactly(2, 3, 4, 5);

        press(KeyCode.PAGE_UP);
        awaitQuery("landmark-07.jpg");
        press(KeyCode.LEFT);
        awaitQuery("vehicle-12.jpg");
        assertThat(text("#lessonStep")).endsWith("step 2 of 4");
        press(KeyCode.ESCAPE);
        assertThat(fx(() -> presentation().presentingProperty().get())).isFalse();
    }

    @Test
    void aDroppedLessonWithErrorsSaysWhereAndItsGoodStepsStillWork() throws Exception {
        open(null);
        Path bad = dir.resolve("broken lesson.yaml");
        Files.writeString(bad, String.join("\n",
                "title: Broken on purpose",
                "steps:",
                "  - sample: dog/no-such-dog.jpg",
                "    title: missing",
                "  - sample: food/food-01.jpg",
                "    title: This one works",
                "  - sample: dog/dog-02.jpg",
                "    model: no-such-model",
                ""));
        assertThat(fx(() -> WindowTestSupport.dropFiles(robot.lookup("#queryPane").query(), List.of(bad)))).isTrue();
        awaitQuery("food-01.jpg");
        String problems = text("#lessonProblems");
        assertThat(problems).contains("broken lesson.yaml line 3").contains("no-such-dog.jpg");
        assertThat(problems).contains("broken lesson.yaml line 8").contains("no-such-model");
        assertThat(text("#lessonTitle")).isEqualTo("This one works");
        assertThat(fx(() -> lesson().lessonProperty().get().steps())).hasSize(1);
        assertThat(LessonViewModel.isLessonFile(bad)).isTrue();
        WindowTestSupport.screenshot(app.stage().getScene(), "classroom-lesson-problems");
    }

    private void awaitQuery(String name) throws Exception {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> fx(() ->
                name.equals(app.viewModel().search().queryNameProperty().get())
                        && !app.viewModel().search().searchingProperty().get()
                        && !app.viewModel().search().topMatches().isEmpty()));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void press(KeyCode key) {
        robot.push(key);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private String text(String id) throws Exception {
        return fx(() -> robot.lookup(id).queryAs(Label.class).getText());
    }

    private MainWindow window() {
        return app.window();
    }

    private PresentationModel presentation() {
        return window().presentation();
    }

    private LessonViewModel lesson() {
        return window().lesson();
    }

    private TopMatchesPanel top() {
        return robot.lookup("#top5").queryAs(TopMatchesPanel.class);
    }
}
