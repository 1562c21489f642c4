package org.visualsearch.ui.gallery;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignB;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;
import org.visualsearch.ui.jobs.JobViewModel;

/**
 * The gallery area while it has no photos: what is going on ({@link EmptyGalleryModel}), the
 * ways to get photos, the start-up failure's way out, and a running job's progress.
 */
public final class EmptyGalleryView {

    /** What the buttons do. */
    /** @param importSampleFrom imports the sample gallery from a folder typed or pasted as a path */
    public record Actions(Runnable downloadSample, Runnable importSample, java.util.function.Consumer<java.nio.file.Path> importSampleFrom,
                          Runnable addFolder, Runnable useFallback) {
    }

    private final ScrollPane root;

    /**
     * @param fallbackLabel the start-up failure's way out (button text), or null
     * @param error         the message shown in the banner, or null (the big icon gives it room)
     * @param empty         whether the gallery is empty (this view shows only then)
     */
    public EmptyGalleryView(EmptyGalleryModel model, Actions actions, ObservableStringValue fallbackLabel,
                            ObservableStringValue error, ObservableBooleanValue empty) {
        JobViewModel job = model.job();
        FontIcon icon = new FontIcon(MaterialDesignI.IMAGE_MULTIPLE_OUTLINE);
        icon.getStyleClass().add("empty-icon");
        Label title = new Label();
        title.getStyleClass().add("empty-title");
        title.setId("emptyTitle");
        title.textProperty().bind(model.title());
        Label text = new Label();
        text.getStyleClass().add("empty-text");
        text.setWrapText(true);
        text.setMaxWidth(760);
        text.setAlignment(Pos.CENTER); // a one-line text sat at the left of its 760-px box
        text.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        text.setMinHeight(Region.USE_PREF_SIZE);
        text.textProperty().bind(model.text());

        Button download = new Button("Get the sample gallery", new FontIcon(MaterialDesignD.DOWNLOAD));
        download.setId("downloadSampleButton");
        download.getStyleClass().addAll("accent", "large");
        download.setOnAction(e -> actions.downloadSample().run());
        Button importFolder = new Button("Import from a folder…", new FontIcon(MaterialDesignF.FOLDER_DOWNLOAD_OUTLINE));
        importFolder.setId("importSampleButton");
        importFolder.getStyleClass().add("large");
        importFolder.setOnAction(e -> actions.importSample().run());
        for (Button b : List.of(download, importFolder)) {
            b.disableProperty().bind(model.sampleEnabled().not());
        }
        Button addOwn = new Button("Add a folder of your own…", new FontIcon(MaterialDesignF.FOLDER_PLUS_OUTLINE));
        addOwn.setId("emptyAddFolderButton");
        addOwn.getStyleClass().add("large");
        addOwn.setOnAction(e -> actions.addFolder().run());
        addOwn.visibleProperty().bind(model.libraryAvailable());
        addOwn.managedProperty().bind(addOwn.visibleProperty());
        HBox buttons = new HBox(12, download, importFolder, addOwn);
        buttons.setAlignment(Pos.CENTER);
        buttons.visibleProperty().bind(model.offersVisible());
        buttons.managedProperty().bind(buttons.visibleProperty());

        // The native folder chooser can be taller than a small screen (GTK's is 822 px): a typed
        // or pasted path imports too, checked before anything starts.
        javafx.scene.control.TextField pathField = new javafx.scene.control.TextField();
        pathField.setId("importPathField");
        pathField.setPromptText("…or type or paste the folder's path");
        pathField.setPrefColumnCount(32);
        Button importPath = new Button("Import");
        importPath.setId("importPathButton");
        importPath.setMinWidth(Region.USE_PREF_SIZE);
        Label pathProblem = new Label();
        pathProblem.setId("importPathProblem");
        pathProblem.getStyleClass().add("empty-text");
        pathProblem.visibleProperty().bind(pathProblem.textProperty().isNotEmpty());
        pathProblem.managedProperty().bind(pathProblem.visibleProperty());
        Runnable importTyped = () -> {
            String problem = EmptyGalleryModel.importPathProblem(pathField.getText());
            pathProblem.setText(problem == null ? "" : problem);
            if (problem == null) {
                actions.importSampleFrom().accept(java.nio.file.Path.of(pathField.getText().strip()));
            }
        };
        importPath.setOnAction(e -> importTyped.run());
        pathField.setOnAction(e -> importTyped.run());
        importPath.disableProperty().bind(model.sampleEnabled().not().or(pathField.textProperty().isEmpty()));
        pathField.disableProperty().bind(model.sampleEnabled().not());
        HBox pathRow = new HBox(8, pathField, importPath);
        pathRow.setAlignment(Pos.CENTER);
        VBox typedPath = new VBox(6, pathRow, pathProblem);
        typedPath.setAlignment(Pos.CENTER);
        typedPath.visibleProperty().bind(model.offersVisible());
        typedPath.managedProperty().bind(typedPath.visibleProperty());

        Button useFallback = new Button();
        useFallback.setId("useFallbackButton");
        useFallback.getStyleClass().addAll("accent", "large");
        useFallback.setGraphic(new FontIcon(MaterialDesignB.BRAIN));
        useFallback.textProperty().bind(fallbackLabel);
        useFallback.setOnAction(e -> actions.useFallback().run());
        useFallback.visibleProperty().bind(Bindings.isNotNull(fallbackLabel).and(job.runningProperty().not()));
        useFallback.managedProperty().bind(useFallback.visibleProperty());

        ProgressBar progress = new ProgressBar();
        progress.setPrefWidth(420);
        progress.progressProperty().bind(job.progressProperty());
        Label progressText = new Label();
        progressText.textProperty().bind(job.messageProperty());
        VBox progressBox = new VBox(6, progress, progressText);
        progressBox.setAlignment(Pos.CENTER);
        progressBox.visibleProperty().bind(job.runningProperty());
        progressBox.managedProperty().bind(progressBox.visibleProperty());
        progress.setMinHeight(Region.USE_PREF_SIZE);
        // While a job runs (its bar below) or an error banner shows, room is short: drop the big icon.
        icon.visibleProperty().bind(job.runningProperty().not().and(Bindings.isNull(error)));
        icon.managedProperty().bind(icon.visibleProperty());

        // The actions come right under the title: on a 1280 x 820 window the text below them scrolls, the buttons must not.
        VBox box = new VBox(14, icon, title, buttons, useFallback, progressBox, text, typedPath);
        box.setId("emptyGallery");
        box.getStyleClass().add("empty-gallery");
        box.setAlignment(Pos.CENTER);
        box.visibleProperty().bind(empty);
        // Scrolls rather than overflowing onto the header when the window is short (e.g. with an
        // error banner showing); centred when there is room.
        root = new ScrollPane(box);
        root.setFitToWidth(true);
        root.setFitToHeight(true);
        root.getStyleClass().addAll("edge-to-edge", "empty-gallery-scroll");
        root.visibleProperty().bind(empty);
    }

    public Node root() {
        return root;
    }
}
