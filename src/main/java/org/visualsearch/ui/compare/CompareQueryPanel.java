package org.visualsearch.ui.compare;

import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.visualsearch.core.comparison.ModelComparison;
import org.visualsearch.core.comparison.QueryComparison;
import org.visualsearch.core.comparison.ResultRow;
import org.visualsearch.core.search.GalleryEntry;
import org.visualsearch.ui.gallery.CategoryColors;
import org.visualsearch.ui.gallery.ThumbnailCache;

import static org.visualsearch.ui.compare.CompareText.fileName;
import static org.visualsearch.ui.compare.CompareText.fmt;

/** One query's top 5 under A and under B, each result with its rank and distance under the other model. */
final class CompareQueryPanel {
    private static final double THUMB = 100;

    private final CompareViewModel vm;
    private final ThumbnailCache thumbnails;
    private final Label queryTitle = new Label();
    private final ImageView queryImage = new ImageView();
    private final HBox rowA = new HBox(10);
    private final HBox rowB = new HBox(10);
    private final Label rowATitle = new Label();
    private final Label rowBTitle = new Label();

    CompareQueryPanel(CompareViewModel vm, ThumbnailCache thumbnails) {
        this.vm = vm;
        this.thumbnails = thumbnails;
    }

    Region build() {
        queryTitle.setId("compareQueryTitle");
        queryTitle.setStyle("-fx-font-size: 17px; -fx-font-weight: bold;");
        queryTitle.setWrapText(true);
        queryImage.setFitWidth(150);
        queryImage.setFitHeight(150);
        queryImage.setPreserveRatio(true);
        rowA.setId("compareRowA");
        rowB.setId("compareRowB");
        rowATitle.setStyle("-fx-font-weight: bold; -fx-font-size: 15px;");
        rowBTitle.setStyle("-fx-font-weight: bold; -fx-font-size: 15px;");
        VBox rows = new VBox(8, rowATitle, rowA, rowBTitle, rowB);
        StackPane query = new StackPane(queryImage);
        query.setMinWidth(160);
        query.setAlignment(Pos.TOP_CENTER);
        Label queryCaption = new Label("Query");
        queryCaption.setStyle("-fx-font-weight: bold; -fx-font-size: 15px;");
        HBox body = new HBox(16, new VBox(8, queryCaption, query), rows);
        Label badgeHelp = new Label("Under each result: its rank (#) and distance under the other model, which ranks it "
                + "higher (▲), lower (▼), the same (=) or outside its top 5 (✕). ✓ same category as the query, ✗ another. "
                + "Each model measures distance in its own space, on its own scale: compare ranks between A and B, not distances.");
        badgeHelp.setWrapText(true);
        badgeHelp.setMinWidth(0);
        badgeHelp.getStyleClass().add("section-subtitle");
        VBox box = new VBox(8, queryTitle, badgeHelp, body); // the key before the cards: it says how to read them
        box.setId("compareQuery");
        box.visibleProperty().bind(vm.queryProperty().isNotNull());
        return box;
    }

    void show(QueryComparison q) {
        rowA.getChildren().clear();
        rowB.getChildren().clear();
        if (q == null) {
            queryTitle.setText("");
            queryImage.setImage(null);
            return;
        }
        ModelComparison c = vm.comparisonProperty().get();
        queryTitle.setText(String.format(Locale.ROOT, "%s (%s): P@5 under A %s, under B %s", fileName(q.query()),
                q.query().categoryOrUnlabelled(), fmt(q.precisionA()), fmt(q.precisionB())));
        queryImage.setImage(null);
        GalleryEntry entry = q.query();
        thumbnails.request(entry, image -> {
            QueryComparison now = vm.queryProperty().get();
            if (now != null && now.query().equals(entry)) {
                queryImage.setImage(image);
            }
        });
        rowATitle.setText("Top 5 under A · " + (c == null ? "" : c.modelA().name()));
        rowBTitle.setText("Top 5 under B · " + (c == null ? "" : c.modelB().name()));
        for (ResultRow r : q.topA()) {
            rowA.getChildren().add(card(r, "a", "B", q.k()));
        }
        for (ResultRow r : q.topB()) {
            rowB.getChildren().add(card(r, "b", "A", q.k()));
        }
    }

    private Region card(ResultRow r, String row, String other, int k) {
        ImageView image = new ImageView();
        image.setFitWidth(THUMB);
        image.setFitHeight(THUMB * 0.75);
        image.setPreserveRatio(true);
        thumbnails.request(r.entry(), image::setImage);
        StackPane frame = new StackPane(image);
        frame.setPrefSize(THUMB + 8, THUMB * 0.75 + 8);
        frame.getStyleClass().add("match-frame");
        Label rank = new Label(String.format(Locale.ROOT, "#%d · %.3f", r.rank(), r.distance()));
        rank.setStyle("-fx-font-family: monospace; -fx-font-size: 16px; -fx-font-weight: bold;");
        Label chip = CategoryColors.chip(r.entry().category());
        Label mark = new Label(r.relevant() ? "✓" : "✗");
        mark.setStyle("-fx-font-size: 16px; -fx-font-weight: bold; -fx-text-fill: " + (r.relevant() ? "#1a7f37" : "#cf222e") + ";");
        HBox category = new HBox(6, mark, chip);
        category.setAlignment(Pos.CENTER_LEFT);
        Label badge = new Label(badge(r, other, k));
        badge.setId("compare-" + row + "-badge-" + r.rank());
        badge.setWrapText(true);
        badge.setMaxWidth(THUMB + 24);
        badge.setStyle("-fx-font-size: 13px; -fx-padding: 2 6 2 6; -fx-background-radius: 6; -fx-background-color: "
                + (r.otherRank() == r.rank() ? "#eaeef2" : r.otherRank() > k ? "#fff1e5" : "#ddf4ff") + ";");
        Label name = new Label(fileName(r.entry()));
        name.setMaxWidth(THUMB + 16);
        name.setTextOverrun(OverrunStyle.CENTER_ELLIPSIS);
        name.getStyleClass().add("match-name");
        VBox card = new VBox(5, frame, rank, category, badge, name);
        card.setId("compare-" + row + "-" + r.rank());
        card.getStyleClass().add("match-card");
        card.setPrefWidth(THUMB + 28);
        card.setMinWidth(THUMB + 28);
        return card;
    }

    /** How the other model placed this result. */
    static String badge(ResultRow r, String other, int k) {
        String where = String.format(Locale.ROOT, "#%d · %.3f", r.otherRank(), r.otherDistance());
        if (r.otherRank() == r.rank()) {
            return "= " + other + " too: " + where;
        }
        if (r.otherRank() > k) {
            return "✕ not in " + other + "'s top " + k + ": " + where;
        }
        return (r.otherRank() > r.rank() ? "▼ " + other + " lower: " : "▲ " + other + " higher: ") + where;
    }

}
