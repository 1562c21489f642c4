package org.visualsearch.ui.window;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;

/** The message under the header (a failed search, job or load); hidden when there is none. */
public final class ErrorBanner {
    private final HBox root;

    /**
     * @param message the message to show, or null
     * @param dismiss forgets the message (the close button)
     */
    public ErrorBanner(ObservableStringValue message, Runnable dismiss) {
        Label text = new Label();
        text.setId("errorText");
        text.setWrapText(true);
        text.textProperty().bind(message);
        HBox.setHgrow(text, Priority.ALWAYS);
        text.setMaxWidth(Double.MAX_VALUE);
        Button close = new Button(null, new FontIcon(MaterialDesignC.CLOSE));
        close.setId("errorClose");
        close.getStyleClass().addAll("flat", "banner-close");
        close.setOnAction(e -> dismiss.run());
        FontIcon icon = new FontIcon(MaterialDesignA.ALERT_CIRCLE_OUTLINE);
        icon.getStyleClass().add("banner-icon");
        root = new HBox(12, icon, text, close);
        root.setId("errorBanner");
        root.getStyleClass().add("error-banner");
        root.setAlignment(Pos.CENTER_LEFT);
        root.visibleProperty().bind(Bindings.isNotNull(message));
        root.managedProperty().bind(root.visibleProperty());
    }

    public Node root() {
        return root;
    }
}
