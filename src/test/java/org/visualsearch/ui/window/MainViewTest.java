package org.visualsearch.ui.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.visualsearch.ui.FxThread.fx;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/** The frame shows one view as it is and several as tabs, in the order the composition root lists them. */
class MainViewTest {

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void cleanup() throws Exception {
        FxToolkit.cleanupStages();
    }

    private static MainView frame(List<TopLevelView> views) {
        return new MainView(new Label("header"), new Label("banner"), views, new Label("job bar"), new Label("status"));
    }

    @Test
    void oneViewFillsTheMiddleWithoutTabs() throws Exception {
        Label search = new Label("search");
        MainView view = fx(() -> frame(List.of(new TopLevelView("searchTab", "Search", search))));
        assertThat(fx(() -> view.root().lookup("#viewTabs"))).isNull();
        assertThat(fx(() -> search.getParent() == view.root())).isTrue();
    }

    @Test
    void moreViewsBecomeTabsInTheirOrder() throws Exception {
        Label search = new Label("search view");
        Label evaluate = new Label("evaluate view");
        MainView view = fx(() -> frame(List.of(new TopLevelView("searchTab", "Search", search),
                new TopLevelView("evaluateTab", "Evaluate", evaluate))));
        Stage stage = FxToolkit.registerPrimaryStage();
        fx(() -> {
            stage.setScene(new Scene(view.root(), 640, 300));
            stage.show();
        });
        TabPane tabs = fx(() -> (TabPane) view.root().lookup("#viewTabs"));
        assertThat(fx(() -> tabs.getTabs().stream().map(t -> t.getText()).toList())).containsExactly("Search", "Evaluate");
        assertThat(fx(() -> tabs.getSelectionModel().getSelectedItem().getId())).isEqualTo("searchTab");
        assertThat(fx(() -> view.select("evaluateTab"))).isTrue();
        assertThat(fx(() -> tabs.getSelectionModel().getSelectedItem().getContent())).isSameAs(evaluate);
        assertThat(fx(() -> view.select("noSuchTab"))).isFalse();
        Path out = Files.createDirectories(Path.of("target", "screenshots")).resolve("main-view-tabs.png");
        ImageIO.write(SwingFXUtils.fromFXImage(fx(() -> stage.getScene().snapshot(null)), null), "png", out.toFile());
    }

    @Test
    void aTabIsBuiltWhenFirstSelectedAndOnlyOnce() throws Exception {
        Label search = new Label("search view");
        Label evaluate = new Label("evaluate view");
        AtomicInteger searchBuilds = new AtomicInteger();
        AtomicInteger evaluateBuilds = new AtomicInteger();
        MainView view = fx(() -> frame(List.of(
                new TopLevelView("searchTab", "Search", () -> { searchBuilds.incrementAndGet(); return search; }),
                new TopLevelView("evaluateTab", "Evaluate", () -> { evaluateBuilds.incrementAndGet(); return evaluate; }))));
        TabPane tabs = fx(() -> (TabPane) view.root().lookup("#viewTabs"));
        assertThat(searchBuilds.get()).isEqualTo(1);
        assertThat(fx(() -> tabs.getTabs().get(0).getContent())).isSameAs(search);
        assertThat(evaluateBuilds.get()).isZero();
        assertThat(fx(() -> tabs.getTabs().get(1).getContent())).isNull();
        assertThat(fx(() -> view.isBuilt("searchTab"))).isTrue();
        assertThat(fx(() -> view.isBuilt("evaluateTab"))).isFalse();

        assertThat(fx(() -> view.select("evaluateTab"))).isTrue();
        assertThat(evaluateBuilds.get()).isEqualTo(1);
        assertThat(fx(() -> tabs.getTabs().get(1).getContent())).isSameAs(evaluate);
        assertThat(fx(() -> view.isBuilt("evaluateTab"))).isTrue();

        fx(() -> tabs.getSelectionModel().select(0));
        fx(() -> tabs.getSelectionModel().select(1)); // as a click on the tab does
        assertThat(evaluateBuilds.get()).isEqualTo(1);
        assertThat(searchBuilds.get()).isEqualTo(1);
        assertThat(fx(() -> tabs.getTabs().get(1).getContent())).isSameAs(evaluate);
    }

    @Test
    void aWindowNeedsAView() {
        assertThatThrownBy(() -> fx(() -> frame(List.of()))).hasRootCauseInstanceOf(IllegalArgumentException.class);
    }
}
