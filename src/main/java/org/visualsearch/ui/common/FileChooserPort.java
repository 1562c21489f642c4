package org.visualsearch.ui.common;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** Asks the user for files and folders; tests supply their own instead of the native dialogs. */
public interface FileChooserPort {

    Optional<Path> chooseImage(Window owner);

    Optional<Path> chooseFolder(Window owner, String title);

    /** A lesson file (.yaml, .yml, .json); none by default. */
    default Optional<Path> chooseLesson(Window owner) {
        return Optional.empty();
    }

    /** The platform's dialogs, remembering the last folder used. */
    static FileChooserPort system() {
        return new FileChooserPort() {
            private File lastFolder;

            @Override
            public Optional<Path> chooseImage(Window owner) {
                return openFile(owner, "Open a query photo",
                        new FileChooser.ExtensionFilter("Images", "*.jpg", "*.jpeg", "*.png", "*.gif", "*.bmp",
                                "*.webp", "*.tif", "*.tiff", "*.JPG", "*.JPEG", "*.PNG"));
            }

            @Override
            public Optional<Path> chooseLesson(Window owner) {
                return openFile(owner, "Open a lesson",
                        new FileChooser.ExtensionFilter("Lessons (YAML, JSON)", "*.yaml", "*.yml", "*.json"));
            }

            /** A file of {@code kind} (or any file), starting in the last folder used. */
            private Optional<Path> openFile(Window owner, String title, FileChooser.ExtensionFilter kind) {
                FileChooser chooser = new FileChooser();
                chooser.setTitle(title);
                chooser.getExtensionFilters().addAll(kind, new FileChooser.ExtensionFilter("All files", "*"));
                if (lastFolder != null && lastFolder.isDirectory()) {
                    chooser.setInitialDirectory(lastFolder);
                }
                File file = chooser.showOpenDialog(owner);
                if (file == null) {
                    return Optional.empty();
                }
                lastFolder = file.getParentFile();
                return Optional.of(file.toPath());
            }

            @Override
            public Optional<Path> chooseFolder(Window owner, String title) {
                DirectoryChooser chooser = new DirectoryChooser();
                chooser.setTitle(title);
                if (lastFolder != null && lastFolder.isDirectory()) {
                    chooser.setInitialDirectory(lastFolder);
                }
                File folder = chooser.showDialog(owner);
                if (folder == null) {
                    return Optional.empty();
                }
                lastFolder = folder;
                return Optional.of(folder.toPath());
            }
        };
    }
}
