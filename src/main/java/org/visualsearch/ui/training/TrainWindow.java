package org.visualsearch.ui.training;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;

/** The Train view in a window of its own, styled like its owner. */
public final class TrainWindow {
    private TrainWindow() {
    }

    public static Stage show(Window owner, TrainViewModel model, Function<Window, Optional<Path>> folderChooser) {
        TrainView view = new TrainView(model, folderChooser);
        Stage stage = new Stage();
        stage.setTitle("Train an embedding head – Visual Search Simulator");
        stage.initOwner(owner);
        Scene scene = new Scene(view.root(), 1200, 800);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        stage.setScene(scene);
        stage.setMinWidth(960);
        stage.setMinHeight(640);
        stage.setOnCloseRequest(e -> model.cancel());
        stage.show();
        return stage;
    }
}
