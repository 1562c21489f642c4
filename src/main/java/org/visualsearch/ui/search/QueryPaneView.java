package org.visualsearch.ui.search;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;
import org.visualsearch.ui.common.Controls;
import org.visualsearch.ui.common.FileChooserPort;
import org.visualsearch.ui.common.ImageSmoothing;

/**
 * The query: its photo (or the drop hint), its name, a busy spinner while it is searched. Drops
 * anywhere on the window, Open… and Paste come here; what they mean is {@link QueryInput}'s call.
 */
public final class QueryPaneView {
    public static final double MIN_WIDTH = 260;
    public static final double MAX_WIDTH = 480;
    private static final PseudoClass DRAG_OVER = PseudoClass.getPseudoClass("drag-over");

    private final QueryInput input;
    private final FileChooserPort chooser;
    private final StackPane pane = new StackPane();
    private final VBox root;

    public QueryPaneView(SearchViewModel search, QueryInput input, FileChooserPort chooser) {
        this.input = input;
        this.chooser = chooser;
        ImageView image = new ImageView();
        image.setId("queryImage");
        image.setPreserveRatio(true);
        ImageSmoothing.install(image);
        image.imageProperty().bind(search.queryImageProperty());

        FontIcon dropIcon = new FontIcon(MaterialDesignI.IMAGE_PLUS);
        dropIcon.getStyleClass().add("drop-icon");
        Label hint = new Label("Drop a photo here");
        hint.getStyleClass().add("drop-hint");
        Label hint2 = new Label();
        hint2.setId("dropHintActions");
        hint2.getStyleClass().add("drop-hint-small");
        hint2.setWrapText(true);
        hint2.setMaxWidth(MIN_WIDTH - 24);
        hint2.setAlignment(Pos.CENTER);
        hint2.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        // never "or use Open… / Paste" while those buttons are disabled
        hint2.textProperty().bind(Bindings.when(search.acceptsQueryProperty())
                .then(Bindings.when(search.embedderProperty().isNull())
                        .then("or use Open… / Paste: it is searched as soon as the model has loaded")
                        .otherwise("or use Open… / Paste"))
                .otherwise("Open… and Paste work once the gallery has photos"));
        VBox hintBox = new VBox(8, dropIcon, hint, hint2);
        hintBox.setAlignment(Pos.CENTER);
        hintBox.visibleProperty().bind(search.queryImageProperty().isNull());
        hintBox.setMouseTransparent(true);

        ProgressIndicator busy = new ProgressIndicator();
        busy.setId("searchBusy");
        busy.setMaxSize(64, 64);
        busy.visibleProperty().bind(search.searchingProperty());

        pane.getChildren().setAll(image, hintBox, busy);
        pane.setId("queryPane");
        pane.getStyleClass().add("query-pane");
        // 360 px wide at 1280; down to 260 so the top 5 fit beside it in a narrow window, up to
        // 480 on a full-HD projector (the width is set with the search row, see SearchView);
        // as tall as the top-5 cards beside it.
        pane.setMinSize(MIN_WIDTH, 244);
        pane.setPrefHeight(244);
        pane.setMaxSize(MAX_WIDTH, Double.MAX_VALUE);
        VBox.setVgrow(pane, Priority.ALWAYS);
        image.fitWidthProperty().bind(pane.widthProperty().subtract(24));
        image.fitHeightProperty().bind(pane.heightProperty().subtract(20));

        Label caption = new Label();
        caption.setId("queryName");
        caption.getStyleClass().add("query-name");
        caption.maxWidthProperty().bind(pane.widthProperty());
        caption.textProperty().bind(Bindings.when(search.waitingQueryProperty().isNotNull())
                .then(Bindings.concat("Query: ", search.waitingQueryProperty(), " (waiting for the model)"))
                .otherwise(Bindings.when(search.queryNameProperty().isEmpty())
                        .then("Query").otherwise(Bindings.concat("Query: ", search.queryNameProperty()))));
        Tooltip wholeName = new Tooltip(); // a long file name is cut short: the tooltip has all of it
        wholeName.textProperty().bind(caption.textProperty());
        caption.setTooltip(wholeName);
        root = new VBox(8, caption, pane);
        root.getStyleClass().add("query-area");
    }

    public Node root() {
        return root;
    }

    /** The photo's pane (its width follows the search row). */
    public StackPane pane() {
        return pane;
    }

    /** Makes all of {@code window} a drop target for photos and folders, highlighting this pane while dragging. */
    public void installDropTarget(Node window) {
        window.addEventHandler(DragEvent.DRAG_OVER, event -> {
            Dragboard board = event.getDragboard();
            if (board != null && input.acceptsDrag(board.hasFiles(), board.hasImage())) {
                event.acceptTransferModes(TransferMode.COPY_OR_MOVE);
                pane.pseudoClassStateChanged(DRAG_OVER, true);
            }
            event.consume();
        });
        window.addEventHandler(DragEvent.DRAG_EXITED, event -> pane.pseudoClassStateChanged(DRAG_OVER, false));
        window.addEventHandler(DragEvent.DRAG_DROPPED, event -> {
            pane.pseudoClassStateChanged(DRAG_OVER, false);
            Dragboard board = event.getDragboard();
            boolean accepted = board != null && input.accept(board.hasFiles() ? paths(board.getFiles()) : null,
                    board.hasFiles() ? null : ClipboardImages.encodedImage(board),
                    ClipboardImages.decodedImage(board, input::refuse), "Dropped image");
            event.setDropCompleted(accepted);
            event.consume();
        });
    }

    /** Open… (the button or Ctrl+O). */
    public void openFile() {
        if (input.ready()) {
            chooser.chooseImage(Controls.windowOf(root)).ifPresent(input::open);
        }
    }

    /** Paste (the button or Ctrl+V). */
    public void paste() {
        if (!input.ready()) {
            return;
        }
        Clipboard clipboard = Clipboard.getSystemClipboard();
        input.paste(clipboard.hasFiles() ? paths(clipboard.getFiles()) : null,
                clipboard.hasFiles() ? null : ClipboardImages.encodedImage(clipboard),
                ClipboardImages.decodedImage(clipboard, input::refuse));
    }

    private static List<Path> paths(List<File> files) {
        return files.stream().map(File::toPath).toList();
    }

}
