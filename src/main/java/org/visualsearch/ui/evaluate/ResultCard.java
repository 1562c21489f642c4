package org.visualsearch.ui.evaluate;

import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.image.ImageView;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.visualsearch.core.evaluation.Match;
import org.visualsearch.core.search.GalleryEntry;
import org.visualsearch.ui.gallery.CategoryColors;
import org.visualsearch.ui.gallery.ThumbnailCache;

/**
 * A photo card as the search view shows one of the top-5 (rank, thumbnail, distance, category
 * chip, file name), with a wrong result marked: a red frame and "✗ wrong category". Also shows
 * the query itself.
 */
final class ResultCard extends VBox {
    private final ImageView image = new ImageView();
    private final Label rank = new Label();
    private final Label distance = new Label();
    private final Label chip = CategoryColors.chip(null);
    private final Label verdict = new Label();
    private final Label name = new Label();
    private final StackPane frame;
    private final ThumbnailCache thumbnails;
    private Object shown;

    ResultCard(ThumbnailCache thumbnails, double side) {
        this.thumbnails = thumbnails;
        getStyleClass().add("eval-card");
        setAlignment(Pos.TOP_CENTER);
        setSpacing(4);
        image.setPreserveRatio(true);
        image.setFitWidth(side);
        image.setFitHeight(side);
        rank.getStyleClass().add("eval-rank");
        frame = new StackPane(image, rank, verdict);
        frame.getStyleClass().add("eval-frame");
        frame.setMinSize(side + 8, side + 8);
        frame.setPrefSize(side + 8, side + 8);
        frame.setMaxSize(side + 8, side + 8);
        StackPane.setAlignment(rank, Pos.TOP_LEFT);
        StackPane.setAlignment(verdict, Pos.BOTTOM_RIGHT); // a badge on the picture: one line less per card
        distance.getStyleClass().add("eval-distance");
        verdict.getStyleClass().add("eval-verdict");
        name.getStyleClass().add("eval-name");
        name.setTextOverrun(OverrunStyle.CENTER_ELLIPSIS);
        name.setMaxWidth(side + 24); // room for "landmark-17.jpg" whole under the picture
        getChildren().addAll(frame, chip, distance, name);
    }

    /** Shows a result: marked wrong when its category is not the query's. */
    void showMatch(Match match) {
        rank.setText("#" + match.rank());
        rank.setVisible(true);
        distance.setText(String.format(Locale.ROOT, "distance %.3f", match.distance()));
        verdict.setText(match.correct() ? "✓ right" : "✗ wrong");
        verdict.setVisible(true);
        setMarked(match.correct() ? "right" : "wrong");
        setId(null);
        show(match.entry(), match);
    }

    /** Shows the query of a pair or a selection. */
    void showQuery(GalleryEntry query, String caption) {
        rank.setText("query");
        rank.setVisible(true);
        distance.setText(caption);
        verdict.setText("");
        verdict.setVisible(false);
        setMarked("query");
        show(query, query);
    }

    boolean markedWrong() {
        return getStyleClass().contains("wrong");
    }

    private void setMarked(String kind) {
        getStyleClass().removeAll("right", "wrong", "query");
        getStyleClass().add(kind);
    }

    private void show(GalleryEntry entry, Object key) {
        shown = key;
        CategoryColors.setChip(chip, entry.category());
        java.nio.file.Path file = entry.path().getFileName();
        name.setText(file == null ? entry.path().toString() : file.toString());
        image.setImage(null);
        thumbnails.request(entry, loaded -> {
            if (shown == key) {
                image.setImage(loaded);
            }
        });
    }
}
