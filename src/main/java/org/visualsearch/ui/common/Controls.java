package org.visualsearch.ui.common;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Window;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;

/** Small builders the window's views share. */
public final class Controls {
    private Controls() {
    }

    /** A button with an icon, an id (for styles and tests) and an action. */
    public static Button button(String text, Ikon icon, String id, Runnable action) {
        Button button = new Button(text, new FontIcon(icon));
        button.setId(id);
        button.setOnAction(e -> action.run());
        return button;
    }

    /** A status-bar label with an icon. */
    public static Label iconLabel(String id, Ikon icon) {
        Label label = new Label("", new FontIcon(icon));
        label.setId(id);
        return label;
    }

    /** The window {@code node} shows in, or null before it is shown (dialogs then have no owner). */
    public static Window windowOf(Node node) {
        return node.getScene() == null ? null : node.getScene().getWindow();
    }
}
