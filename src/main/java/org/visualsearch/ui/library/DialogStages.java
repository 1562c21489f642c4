package org.visualsearch.ui.library;

import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/** A non-modal window over the main one, with its stylesheets. */
final class DialogStages {
    private DialogStages() {
    }

    static Stage show(Window owner, Parent root, String title, double width, double height) {
        Stage stage = new Stage();
        stage.setTitle(title);
        if (owner != null) {
            stage.initOwner(owner);
            stage.initModality(Modality.NONE);
        }
        Scene scene = new Scene(root, width, height);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        stage.setScene(scene);
        stage.show();
        return stage;
    }
}
