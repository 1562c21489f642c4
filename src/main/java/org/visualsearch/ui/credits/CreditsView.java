package org.visualsearch.ui.credits;

import javafx.scene.Scene;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/** A window with one tab per credits section: sample photo sources and licences, model notices. */
public final class CreditsView {
    private CreditsView() {
    }

    public static Stage show(Window owner, CreditsSource source) {
        TabPane tabs = new TabPane();
        tabs.setId("creditsTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        for (CreditsSource.Section section : source.sections()) {
            TextArea text = new TextArea(section.text());
            text.setEditable(false);
            text.setWrapText(true);
            text.getStyleClass().add("credits-text");
            tabs.getTabs().add(new Tab(section.title(), text));
        }
        Stage stage = new Stage();
        stage.setTitle("Credits — Visual Search Simulator");
        if (owner != null) {
            stage.initOwner(owner);
            stage.initModality(Modality.NONE);
        }
        Scene scene = new Scene(tabs, 820, 600);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        stage.setScene(scene);
        stage.show();
        return stage;
    }
}
