package org.visualsearch.ui.classroom;

import javafx.scene.Node;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.visualsearch.core.lesson.RevealOrder;

/** The header's one Classroom button: present, lessons, guess first, scale, theme, snapshot, help. */
public final class ClassroomMenu {
    private final MenuButton root = new MenuButton("Classroom");

    public ClassroomMenu(PresentationModel presentation, ClassroomKeys.Actions actions) {
        root.setId("classroomMenu");
        root.setGraphic(new FontIcon(MaterialDesignP.PRESENTATION));
        root.setMinWidth(Region.USE_PREF_SIZE);

        MenuItem present = item("Present (full screen)", "presentItem", () -> presentation.presentingProperty().set(true));
        present.setAccelerator(new KeyCodeCombination(KeyCode.F11));
        MenuItem lesson = item("Open lesson…", "openLessonItem", actions.openLesson());
        lesson.setAccelerator(new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN));

        CheckMenuItem guess = new CheckMenuItem("Guess first");
        guess.setId("guessFirstItem");
        guess.selectedProperty().bindBidirectional(presentation.guessFirstProperty());
        CheckMenuItem tally = new CheckMenuItem("Show-of-hands tally");
        tally.setId("tallyItem");
        tally.selectedProperty().bindBidirectional(presentation.tallyProperty());
        Menu order = new Menu("Reveal order");
        ToggleGroup orders = new ToggleGroup();
        for (RevealOrder o : RevealOrder.values()) {
            RadioMenuItem r = new RadioMenuItem(o == RevealOrder.WORST_FIRST ? "#5 to #1" : "#1 to #5");
            r.setToggleGroup(orders);
            r.setSelected(presentation.revealOrderProperty().get() == o);
            r.setOnAction(e -> presentation.revealOrderProperty().set(o));
            presentation.revealOrderProperty().addListener((obs, old, now) -> r.setSelected(now == o));
            order.getItems().add(r);
        }

        Menu scale = new Menu("Size in present mode");
        ToggleGroup scales = new ToggleGroup();
        for (double s : PresentationModel.SCALES) {
            RadioMenuItem r = new RadioMenuItem(Math.round(s * 100) + "%");
            r.setId("scale-" + Math.round(s * 100));
            r.setToggleGroup(scales);
            r.setSelected(presentation.scaleProperty().get() == s);
            r.setOnAction(e -> presentation.setScale(s));
            presentation.scaleProperty().addListener((obs, old, now) -> r.setSelected(now.doubleValue() == s));
            scale.getItems().add(r);
        }
        Menu theme = new Menu("Theme");
        ToggleGroup themes = new ToggleGroup();
        for (ClassroomTheme t : ClassroomTheme.values()) {
            RadioMenuItem r = new RadioMenuItem(t.label());
            r.setId("theme-" + t.name());
            r.setToggleGroup(themes);
            r.setSelected(presentation.themeProperty().get() == t);
            r.setOnAction(e -> presentation.themeProperty().set(t));
            presentation.themeProperty().addListener((obs, old, now) -> r.setSelected(now == t));
            theme.getItems().add(r);
        }
        CheckMenuItem pipeline = new CheckMenuItem("How it works (pipeline strip)");
        pipeline.setId("pipelineItem");
        pipeline.selectedProperty().bindBidirectional(presentation.pipelineShownProperty());
        CheckMenuItem heatmap = new CheckMenuItem("Why #1? Similarity heatmap (W)");
        heatmap.setId("heatmapItem");
        heatmap.selectedProperty().bindBidirectional(presentation.heatmapShownProperty());
        // no accelerator: a scene accelerator would also fire on a "w" typed in a text field
        MenuItem snapshot = item("Save snapshot", "snapshotItem", actions.snapshot());
        snapshot.setAccelerator(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
        MenuItem help = item("Keyboard shortcuts", "helpItem", () -> presentation.helpShownProperty().set(true));
        help.setAccelerator(new KeyCodeCombination(KeyCode.F1));
        root.getItems().addAll(present, lesson, new SeparatorMenuItem(), guess, tally, order, new SeparatorMenuItem(),
                scale, theme, pipeline, heatmap, new SeparatorMenuItem(), snapshot, help);
    }

    private static MenuItem item(String text, String id, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        item.setOnAction(e -> action.run());
        return item;
    }

    public Node root() {
        return root;
    }
}
