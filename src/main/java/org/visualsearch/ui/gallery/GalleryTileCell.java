package org.visualsearch.ui.gallery;

import java.util.concurrent.Future;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.controlsfx.control.GridCell;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;
import org.visualsearch.ui.common.ImageSmoothing;

/**
 * A gallery tile: thumbnail framed in its category's colour and, once a query is shown, its rank
 * and distance. Double-click or the context menu's "More like this" searches with it.
 */
public final class GalleryTileCell extends GridCell<GalleryTile> {
    public static final double THUMB = 118;

    private final ThumbnailCache thumbnails;
    private final ImageView image = new ImageView();
    private final StackPane frame = new StackPane(image);
    private final Region swatch = new Region();
    private final Label caption = new Label();
    private final Tooltip tooltip = new Tooltip();
    private final VBox content;
    private Future<?> pending;

    public GalleryTileCell(ThumbnailCache thumbnails, Consumer<GalleryTile> moreLikeThis) {
        this.thumbnails = thumbnails;
        getStyleClass().add("gallery-tile");
        image.setFitWidth(THUMB);
        image.setFitHeight(THUMB);
        image.setPreserveRatio(true);
        ImageSmoothing.install(image); // a tiny photo blown up to a tile keeps sharp pixels
        frame.getStyleClass().add("tile-frame");
        frame.setMinSize(THUMB + 8, THUMB + 8);
        frame.setMaxSize(THUMB + 8, THUMB + 8);
        swatch.getStyleClass().add("tile-swatch");
        caption.getStyleClass().add("tile-caption");
        caption.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(caption, Priority.ALWAYS);
        HBox footer = new HBox(6, swatch, caption);
        footer.setAlignment(Pos.CENTER_LEFT);
        content = new VBox(4, frame, footer);
        content.setAlignment(Pos.TOP_CENTER);

        MenuItem more = new MenuItem("More like this", new FontIcon(MaterialDesignI.IMAGE_SEARCH_OUTLINE));
        more.setOnAction(e -> {
            if (getItem() != null) {
                moreLikeThis.accept(getItem());
            }
        });
        setContextMenu(new ContextMenu(more));
        setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && getItem() != null) {
                moreLikeThis.accept(getItem());
            }
        });
    }

    @Override
    protected void updateItem(GalleryTile tile, boolean empty) {
        GalleryTile previous = getItem();
        super.updateItem(tile, empty);
        if (empty || tile == null) {
            cancelPending();
            image.setImage(null);
            setGraphic(null);
            setText(null);
            setTooltip(null);
            return;
        }
        String color = CategoryColors.colorOf(tile.entry().category());
        frame.setStyle("-fx-border-color: " + color + ";");
        swatch.setStyle("-fx-background-color: " + color + ";");
        caption.setText(tile.ranked()
                ? "#" + tile.rank() + "  " + tile.distanceText()
                : tile.entry().categoryOrUnlabelled());
        tooltip.setText(tile.entry().path().getFileName() + "\n" + tile.entry().categoryOrUnlabelled()
                + (tile.ranked() ? "\ndistance " + tile.distanceText() : "")
                + "\nDouble-click: more like this");
        setTooltip(tooltip);
        setGraphic(content);
        setText(null);
        if (previous == null || !previous.entry().equals(tile.entry()) || image.getImage() == null) {
            cancelPending();
            image.setImage(null);
            pending = thumbnails.request(tile.entry(), loaded -> {
                if (getItem() != null && getItem().entry().equals(tile.entry())) {
                    image.setImage(loaded);
                }
            });
        }
    }

    private void cancelPending() {
        if (pending != null) {
            pending.cancel(true);
            pending = null;
        }
    }
}
