package org.visualsearch.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.visualsearch.ui.FxThread.fx;

import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import org.visualsearch.core.model.ColorHistogramEmbedder;
import org.visualsearch.core.search.GalleryEntry;
import org.visualsearch.core.search.IndexedGallery;
import org.visualsearch.ui.search.QueryRequest;
import org.visualsearch.ui.search.SearchViewModel;
import org.visualsearch.ui.search.TopMatchesPanel;

/**
 * The top-5 as the challenge scores it, in the real window: a gallery photo that looks like another
 * category ("dog" painted in vehicle blues) is left out of its own results, its P@5 is shown and
 * its wrong results are marked.
 */
class SearchScoringWindowTest {
    @TempDir
    static Path dir;
    static IndexedGallery gallery;
    static GalleryEntry odd;

    private final FxRobot robot = new FxRobot();
    private GatedEmbedder embedder;
    private VisualSearchApp app;

    @BeforeAll
    static void setUpGallery() throws Exception {
        FxToolkit.registerPrimaryStage();
        Path root = TestGalleries.writeGallery(dir.resolve("gallery"), 6);
        Color dog = TestGalleries.CATEGORIES.get("dog");
        Color vehicle = TestGalleries.CATEGORIES.get("vehicle");
        Color between = new Color((dog.getRed() + 2 * vehicle.getRed()) / 3, (dog.getGreen() + 2 * vehicle.getGreen()) / 3,
                (dog.getBlue() + 2 * vehicle.getBlue()) / 3);
        TestGalleries.writePhoto(root.resolve("dog").resolve("dog_bluish.png"), between, new Random(7));
        gallery = TestGalleries.index(root, new ColorHistogramEmbedder(), null);
        odd = gallery.entries().stream().filter(e -> e.path().getFileName().toString().equals("dog_bluish.png"))
                .findFirst().orElseThrow();
    }

    @BeforeEach
    void openWindow() throws Exception {
        embedder = new GatedEmbedder();
        app = (VisualSearchApp) FxToolkit.setupApplication(() -> new VisualSearchApp(
                () -> AppServices.of(embedder, gallery, null), new WindowTestSupport.ScriptedChooser()));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> search().readyProperty().get()));
    }

    @AfterEach
    void closeWindow() throws Exception {
        embedder.open();
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }

    @Test
    void aGalleryPhotoIsLeftOutScoredAndItsWrongResultsMarked() throws Exception {
        int index = gallery.entries().indexOf(odd);
        fx(() -> search().search(new QueryRequest.FromGallery(index, odd)));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> search().completedSearchesProperty().get() >= 1));
        WaitForAsyncUtils.waitForFxEvents();

        List<IndexedGallery.Hit> shown = fx(() -> top().shownHits());
        assertThat(shown).hasSize(5).noneMatch(h -> h.entry().equals(odd));
        List<Integer> wrong = new ArrayList<>();
        int right = 0;
        for (IndexedGallery.Hit hit : shown) {
            if (hit.entry().category().equals("dog")) {
                right++;
            } else {
                wrong.add(hit.rank());
            }
        }
        assertThat(wrong).as("the bluish dog finds vehicles").isNotEmpty();
        assertThat(fx(() -> top().markedWrong())).containsExactlyElementsOf(wrong);
        for (int position : wrong) {
            Node badge = robot.lookup("#match-wrong-" + position).query();
            assertThat(fx(badge::isVisible)).isTrue();
        }
        // 6 other dogs, so n_q = 5: P@5 = right / 5
        Label score = robot.lookup("#top5-precision").queryAs(Label.class);
        assertThat(fx(score::isVisible)).isTrue();
        assertThat(fx(score::getText)).isEqualTo(String.format(java.util.Locale.ROOT, "P@5 %.2f", right / 5.0));
        assertThat(fx(() -> robot.lookup("#top5-left-out").queryAs(Label.class).getText()))
                .isEqualTo("query is in the gallery (left out)");

        // the strip: every other photo by rank, with the gap at the top-5 cut
        List<org.visualsearch.ui.gallery.GalleryTile> tiles = fx(() -> List.copyOf(search().tiles()));
        assertThat(fx(() -> top().distanceStripCaption())).contains(String.format(java.util.Locale.ROOT,
                "gap #5→#6: %.3f", tiles.get(5).distance() - tiles.get(4).distance())).doesNotContain("drawn");
        assertThat(fx(() -> robot.lookup("#distanceStrip").query().isVisible())).isTrue();

        awaitThumbnails();
        WindowTestSupport.screenshot(app.stage().getScene(), "search-left-out-wrong-marked");
    }

    private void awaitThumbnails() throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> robot.lookup(".match-card").queryAll().stream()
                .allMatch(node -> ((javafx.scene.image.ImageView) node.lookup(".image-view")).getImage() != null)));
        WaitForAsyncUtils.waitForFxEvents();
        fx(() -> {
            app.stage().getScene().getRoot().applyCss();
            app.stage().getScene().getRoot().layout();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private SearchViewModel search() {
        return app.viewModel().search();
    }

    private TopMatchesPanel top() {
        return robot.lookup("#top5").queryAs(TopMatchesPanel.class);
    }
}
