package org.visualsearch.ui.library;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.visualsearch.core.store.Folder;


/** The database's folders: path and photo count; add one, remove the selected one. */
public final class FoldersView {
    private FoldersView() {
    }

    public static Stage show(Window owner, LibraryViewModel app, Supplier<Optional<Path>> chooseFolder) {
        ListView<Folder> list = new ListView<>(app.folders());
        list.setId("foldersList");
        list.setPlaceholder(new Label("No folders yet: add one, or drop a folder on the main window."));
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Folder folder, boolean empty) {
                super.updateItem(folder, empty);
                if (empty || folder == null) {
                    setText(null);
                    setGraphic(null);
                } else {
                    setText(folder.path() + String.format("   ·   %,d photo%s", folder.fileCount(),
                            folder.fileCount() == 1 ? "" : "s"));
                    setGraphic(new FontIcon(MaterialDesignF.FOLDER_OUTLINE));
                }
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);

        Button add = new Button("Add folder…", new FontIcon(MaterialDesignF.FOLDER_PLUS_OUTLINE));
        add.setId("foldersAdd");
        add.getStyleClass().add("accent");
        add.setOnAction(e -> chooseFolder.get().ifPresent(f -> app.addFolders(java.util.List.of(f))));
        Button remove = new Button("Remove from the gallery", new FontIcon(MaterialDesignF.FOLDER_REMOVE_OUTLINE));
        remove.setId("foldersRemove");
        remove.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull()
                .or(app.jobs().runningProperty()));
        remove.setOnAction(e -> {
            Folder selected = list.getSelectionModel().getSelectedItem();
            if (selected != null) {
                app.removeFolder(selected.path());
            }
        });
        // Photos added, changed or deleted outside the window (e.g. 'sample-db import' from a
        // terminal) show after this, without a restart; nothing unchanged is embedded again.
        Button rescan = new Button("Look for new photos", new FontIcon(MaterialDesignF.FOLDER_SYNC_OUTLINE));
        rescan.setId("foldersRescan");
        rescan.setTooltip(new javafx.scene.control.Tooltip("Scan every folder again for photos added, changed or "
                + "removed outside this window (for example by 'sample-db import' in a terminal)"));
        rescan.disableProperty().bind(app.jobs().runningProperty());
        rescan.setOnAction(e -> app.updateIndex());
        Label note = new Label("Removing a folder only removes it from the gallery; the photos stay on disk.");
        note.getStyleClass().add("dialog-note");
        note.setWrapText(true);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(12, add, rescan, spacer, remove);
        buttons.setAlignment(Pos.CENTER_LEFT);
        Label title = new Label();
        title.getStyleClass().add("section-title");
        title.textProperty().bind(Bindings.createStringBinding(() -> app.folders().size() == 1
                ? "1 folder in the gallery" : app.folders().size() + " folders in the gallery", app.folders()));
        VBox root = new VBox(12, title, list, buttons, note);
        root.setPadding(new Insets(16));
        root.setId("foldersView");
        return DialogStages.show(owner, root, "Folders — Visual Search Simulator", 860, 480);
    }
}
