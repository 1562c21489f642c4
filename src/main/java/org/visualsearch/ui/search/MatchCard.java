package org.visualsearch.ui.search;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.image.ImageView;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.visualsearch.core.search.IndexedGallery;
import org.visualsearch.ui.common.ImageSmoothing;
import org.visualsearch.ui.gallery.CategoryColors;
import org.visualsearch.ui.gallery.GalleryTile;
import org.visualsearch.ui.gallery.ThumbnailCache;

/**
 * One of the top-5: rank, thumbnail, distance to three decimals, category chip, file name. The
 * panel sets the thumbnail's side from the room it has ({@link #sideFor}): five cards fit a
 * narrow window, and a full-HD projector shows them large.
 */
final class MatchCard extends VBox {
    static final double THUMB = 128;
    /** Small enough for five cards beside the query at 200% on a 1280 x 720 projector (640 px of layout). */
    static final double MIN_THUMB = 40;
    /** Gallery thumbnails are stored 256 px wide: larger would only blur them. */
    static final double MAX_THUMB = 224;
    /** The card's padding and the frame's inset around the thumbnail, both sides. */
    private static final double CHROME = 16 + 8;

    private final Label rank = new Label();
    private final ImageView image = new ImageView();
    private final Label distance = new Label();
    private final Label chip = CategoryColors.chip(null);
    private final Label name = new Label();
    /** "✗ wrong" when the query's category is known and this photo's differs. */
    private final Label wrongBadge = new Label("✗ wrong");
    private final ThumbnailCache thumbnails;
    private final StackPane frame;
    private IndexedGallery.Hit hit;
    private boolean covered;

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
        image.setPreserveRatio(true);
        ImageSmoothing.install(image);
        frame = new StackPane(image, rank);
        frame.getStyleClass().add("match-frame");
        StackPane.setAlignment(rank, Pos.TOP_LEFT);
        wrongBadge.getStyleClass().add("wrong-badge");
        wrongBadge.setId("match-wrong-" + position);
        wrongBadge.setVisible(false);
        wrongBadge.managedProperty().bind(wrongBadge.visibleProperty());
        StackPane.setAlignment(wrongBadge, Pos.BOTTOM_CENTER);
        frame.getChildren().add(wrongBadge);
        getChildren().addAll(frame, distance, chip, name);
        setThumbnailSide(THUMB);
        show(null);
    }

    /** The thumbnail side for a card {@code cardWidth} wide: whole pixels, so all five cards align. */
    static double sideFor(double cardWidth) {
        return Math.floor(Math.max(MIN_THUMB, Math.min(MAX_THUMB, cardWidth - CHROME)));
    }

    void setThumbnailSide(double side) {
        if (image.getFitWidth() == side) {
            return;
        }
        image.setFitWidth(side);
        image.setFitHeight(side);
        frame.setMinSize(side + 8, side + 8);
        frame.setPrefSize(side + 8, side + 8);
        frame.setMaxSize(side + 8, side + 8);
        name.setMaxWidth(side + 8);
    }

    /** Guess first: the result is there but not shown yet (a "?" in its place; the rank stays). */
    void setCovered(boolean now) {
        covered = now;
        show(hit);
    }

    boolean covered() {
        return covered && hit != null;
    }

    void show(IndexedGallery.Hit newHit) {
        show(newHit, false);
    }

    /** Shows {@code newHit}, marked as a wrong result when {@code wrong}. */
    void show(IndexedGallery.Hit newHit, boolean wrong) {
        hit = newHit;
        boolean empty = newHit == null;
        boolean hidden = !empty && covered;
        wrongBadge.setVisible(!empty && wrong && !covered);
        pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("wrong"), !empty && wrong && !covered);
        rank.setVisible(!empty);
        chip.setVisible(!empty && !hidden);
        name.setVisible(!hidden);
        image.setVisible(!hidden);
        // covered: the rank and a "?" where the distance goes (fits the narrowest card, unlike a big "?" on the photo)
        pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("covered"), hidden);
        pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("empty"), empty);
        if (empty) {
            image.setImage(null);
            distance.setText("–");
            name.setText("");
            return;
        }
        rank.setText("#" + newHit.rank());
        distance.setText(hidden ? "?" : GalleryTile.formatDistance(newHit.distance()));
        CategoryColors.setChip(chip, newHit.entry().category());
        java.nio.file.Path file = newHit.entry().path().getFileName();
        name.setText(file == null ? "" : file.toString());
        image.setImage(null);
        if (hidden) {
            return; // its thumbnail waits for the reveal
        }
        thumbnails.request(newHit.entry(), loaded -> {
            if (hit == newHit) {
                image.setImage(loaded);
            }
        });
    }

    boolean markedWrong() {
        return wrongBadge.isVisible();
    }

    IndexedGallery.Hit hit() {
        return hit;
    }
}
