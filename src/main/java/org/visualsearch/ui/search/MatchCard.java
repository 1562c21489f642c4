package org.visualsearch.ui.search;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.image.ImageView;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.visualsearch.core.gallery.IndexedGallery;
import org.visualsearch.ui.gallery.CategoryColors;
import org.visualsearch.ui.gallery.ThumbnailCache;

/** One of the top-5: rank, thumbnail, distance to three decimals, category chip, file name. */
final class MatchCard extends VBox {
    static final double THUMB = 128;

    private final Label rank = new Label();
    private final ImageView image = new ImageView();
    private final Label distance = new Label();
    private final Label chip = CategoryColors.chip(null);
    private final Label name = new Label();
    private final ThumbnailCache thumbnails;
    private IndexedGallery.Hit hit;

    MatchCard(int position, ThumbnailCache thumbnails) {
        this.thumbnails = thumbnails;
        setId("match-" + position);
        getStyleClass().add("match-card");
        setAlignment(Pos.TOP_CENTER);
        setSpacing(6);
        rank.getStyleClass().add("match-rank");
        distance.getStyleClass().add("match-distance");
        distance.setId("match-distance-" + position);
        name.getStyleClass().add("match-name");
        name.setTextOverrun(OverrunStyle.CENTER_ELLIPSIS);
        name.setMaxWidth(THUMB + 8);
        image.setFitWidth(THUMB);
        image.setFitHeight(THUMB);
        image.setPreserveRatio(true);
        StackPane frame = new StackPane(image, rank);
        frame.getStyleClass().add("match-frame");
        frame.setMinSize(THUMB + 8, THUMB + 8);
        frame.setMaxSize(THUMB + 8, THUMB + 8);
        StackPane.setAlignment(rank, Pos.TOP_LEFT);
        getChildren().addAll(frame, distance, chip, name);
        show(null);
    }

    void show(IndexedGallery.Hit newHit) {
        hit = newHit;
        boolean empty = newHit == null;
        rank.setVisible(!empty);
        chip.setVisible(!empty);
        pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("empty"), empty);
        if (empty) {
            image.setImage(null);
            distance.setText("–");
            name.setText("");
            return;
        }
        rank.setText("#" + newHit.rank());
        distance.setText(GalleryTile.formatDistance(newHit.distance()));
        CategoryColors.setChip(chip, newHit.entry().category());
        java.nio.file.Path file = newHit.entry().path().getFileName();
        name.setText(file == null ? "" : file.toString());
        image.setImage(null);
        thumbnails.request(newHit.entry(), loaded -> {
            if (hit == newHit) {
                image.setImage(loaded);
            }
        });
    }

    IndexedGallery.Hit hit() {
        return hit;
    }
}
