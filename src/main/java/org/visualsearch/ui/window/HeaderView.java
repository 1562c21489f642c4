package org.visualsearch.ui.window;

import java.util.List;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;
import org.visualsearch.ui.common.Controls;

/** The window's title row: logo and title, the model chooser, Open…, Paste and Credits. */
public final class HeaderView {
    private final HBox root;

    /**
     * @param queryReady   whether a query can be given now (while the model loads it is kept and
     *                     searched once it is there; an empty gallery cannot be searched)
     * @param modelChooser the model chooser, or an empty node
     */
    public HeaderView(ObservableBooleanValue queryReady, Node modelChooser, Runnable open, Runnable paste,
                      Runnable credits) {
        Label title = new Label("Visual Search Simulator");
        title.getStyleClass().add("app-title");
        FontIcon logo = new FontIcon(MaterialDesignI.IMAGE_SEARCH_OUTLINE);
        logo.getStyleClass().add("app-logo");
        Button openButton = Controls.button("Open…", MaterialDesignF.FOLDER_OPEN_OUTLINE, "openButton", open);
        openButton.getStyleClass().add("accent");
        Button pasteButton = Controls.button("Paste", MaterialDesignC.CONTENT_PASTE, "pasteButton", paste);
        Button creditsButton = Controls.button("Credits", MaterialDesignI.INFORMATION_OUTLINE, "creditsButton", credits);
        openButton.disableProperty().bind(javafx.beans.binding.Bindings.not(queryReady));
        pasteButton.disableProperty().bind(javafx.beans.binding.Bindings.not(queryReady));
        for (Button b : List.of(openButton, pasteButton, creditsButton)) {
            b.setMinWidth(Region.USE_PREF_SIZE); // never "Op…"
        }
        title.setMinWidth(Region.USE_PREF_SIZE);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        root = new HBox(12, logo, title, spacer, modelChooser, openButton, pasteButton,
                new Separator(Orientation.VERTICAL), creditsButton);
        root.getStyleClass().add("app-header");
        root.setAlignment(Pos.CENTER_LEFT);
    }

    public Node root() {
        return root;
    }
}
