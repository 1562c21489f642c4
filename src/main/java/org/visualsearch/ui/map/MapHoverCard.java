package org.visualsearch.ui.map;

import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.VBox;
import org.visualsearch.core.search.GalleryEntry;
import org.visualsearch.ui.gallery.CategoryColors;
import org.visualsearch.ui.gallery.ThumbnailCache;

/** The card beside the pointer: the hovered photo's thumbnail, name and category. */
final class MapHoverCard {
    private final VBox card = new VBox(4);
    private final ImageView image = new ImageView();
    private final Label name = new Label();
    private final Label category = new Label();
    private final ThumbnailCache thumbnails;
    private GalleryEntry showing;

    MapHoverCard(ThumbnailCache thumbnails) {
        this.thumbnails = thumbnails;
        image.setFitWidth(160);
        image.setFitHeight(120);
        image.setPreserveRatio(true);
        name.getStyleClass().add("map-hover-name");
        name.setMaxWidth(180);
        card.getChildren().addAll(image, name, category);
        card.setId("mapHover");
        card.setPadding(new Insets(8));
        card.setStyle("-fx-background-color: white; -fx-background-radius: 6; -fx-border-color: #d0d7de; "
                + "-fx-border-radius: 6; -fx-effect: dropshadow(gaussian, rgba(0,0,0,0.18), 8, 0, 0, 2);");
        card.setMouseTransparent(true);
        card.setVisible(false);
        card.setManaged(false);
    }

    VBox node() {
        return card;
    }

    /** Shows {@code entry} beside the pointer at (x, y), kept inside a {@code width} x {@code height} area. */
    void show(GalleryEntry entry, double x, double y, double width, double height) {
        if (!entry.equals(showing)) {
            showing = entry;
            name.setText(entry.path().getFileName() == null ? entry.path().toString() : entry.path().getFileName().toString());
            CategoryColors.setChip(category, entry.category());
            category.getStyleClass().setAll("label", "category-chip");
            image.setImage(null);
            thumbnails.request(entry, thumb -> {
                if (entry.equals(showing)) {
                    image.setImage(thumb);
                }
            });
        }
        card.setVisible(true);
        card.autosize();
        double cw = card.prefWidth(-1);
        double ch = card.prefHeight(-1);
        double left = x + 16 + cw > width ? x - 16 - cw : x + 16;
        double top = Math.max(0, Math.min(height - ch, y - ch / 2));
        card.resizeRelocate(left, top, cw, ch);
    }

    void hide() {
        showing = null;
        card.setVisible(false);
    }
}
