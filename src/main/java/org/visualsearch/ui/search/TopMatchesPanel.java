package org.visualsearch.ui.search;

import java.util.ArrayList;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.visualsearch.core.search.IndexedGallery;
import org.visualsearch.ui.gallery.ThumbnailCache;

/** The five closest gallery photos, side by side, closest first. */
public final class TopMatchesPanel extends VBox {
    private final List<MatchCard> cards = new ArrayList<>();
    private final DistanceStrip strip;
    private final HBox header;

    public TopMatchesPanel(SearchViewModel search, ThumbnailCache thumbnails) {
        setId("top5");
        getStyleClass().add("top-matches");
        Label title = new Label("Top 5 matches");
        title.getStyleClass().add("section-title");
        Label subtitle = new Label();
        subtitle.getStyleClass().add("section-subtitle");
        // Gives its place to the query's score and left-out note: cut mid-word it only confused.
        subtitle.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> {
            if (!search.rankedProperty().get()) {
                return "drop, open or paste a photo to search";
            }
            boolean scored = search.precisionAt5Property().get() != null || search.queryContextProperty().get().inGallery();
            return scored ? "" : "nearest by Euclidean distance (smaller is closer)";
        }, search.rankedProperty(), search.precisionAt5Property(), search.queryContextProperty()));
        title.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        subtitle.setMinWidth(0); // the one that gives way on a narrow window
        subtitle.managedProperty().bind(subtitle.textProperty().isNotEmpty());
        Label score = new Label();
        score.setId("top5-precision");
        score.getStyleClass().add("top5-score");
        score.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> search.precisionAt5Property().get() == null ? ""
                        : String.format(java.util.Locale.ROOT, "P@5 %.2f", search.precisionAt5Property().get()),
                search.precisionAt5Property()));
        score.visibleProperty().bind(search.precisionAt5Property().isNotNull().and(search.rankedProperty()));
        score.managedProperty().bind(score.visibleProperty());
        score.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        score.setTooltip(new javafx.scene.control.Tooltip(
                "Precision@5 as eval scores this query: the share of its first results of the query's category"));
        Label leftOut = new Label("query is in the gallery (left out)");
        leftOut.setId("top5-left-out");
        leftOut.getStyleClass().add("top5-left-out");
        leftOut.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        javafx.scene.control.CheckBox showSelf = new javafx.scene.control.CheckBox("show it");
        showSelf.setId("top5-show-query");
        showSelf.selectedProperty().bindBidirectional(search.showQueryInResultsProperty());
        showSelf.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        javafx.beans.binding.BooleanBinding inGallery = javafx.beans.binding.Bindings.createBooleanBinding(
                () -> search.rankedProperty().get() && search.queryContextProperty().get().inGallery(),
                search.rankedProperty(), search.queryContextProperty());
        leftOut.textProperty().bind(javafx.beans.binding.Bindings.when(search.showQueryInResultsProperty())
                .then("query is in the gallery (shown)").otherwise("query is in the gallery (left out)"));
        HBox selfBox = new HBox(6, leftOut, showSelf);
        selfBox.setAlignment(Pos.BASELINE_LEFT);
        selfBox.visibleProperty().bind(inGallery);
        selfBox.managedProperty().bind(selfBox.visibleProperty());
        javafx.scene.layout.Region spacer = new javafx.scene.layout.Region();
        HBox.setHgrow(spacer, javafx.scene.layout.Priority.ALWAYS);
        header = new HBox(12, title, subtitle, spacer, selfBox, score);
        header.setAlignment(Pos.BASELINE_LEFT);
        HBox row = new HBox(12);
        row.getStyleClass().add("top-matches-row");
        for (int i = 1; i <= SearchViewModel.TOP_K; i++) {
            MatchCard card = new MatchCard(i, thumbnails);
            card.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(card, javafx.scene.layout.Priority.ALWAYS);
            cards.add(card);
            row.getChildren().add(card);
        }
        // One side for all five thumbnails, from the row's width: the cards stay aligned.
        row.widthProperty().addListener((o, old, width) -> {
            double cardWidth = (width.doubleValue() - row.getSpacing() * (cards.size() - 1)) / cards.size();
            double side = MatchCard.sideFor(cardWidth);
            cards.forEach(card -> card.setThumbnailSide(side));
        });
        setSpacing(10);
        strip = new DistanceStrip(search);
        getChildren().addAll(header, row, strip);
        search.topMatches().addListener((ListChangeListener<IndexedGallery.Hit>) change -> refresh(search));
        refresh(search);
    }

    /** A control at the end of the title row (e.g. the classroom's "Why #1?"). */
    public void addHeaderAction(javafx.scene.Node action) {
        header.getChildren().add(action);
    }

    private void refresh(SearchViewModel search) {
        List<IndexedGallery.Hit> hits = search.topMatches();
        for (int i = 0; i < cards.size(); i++) {
            IndexedGallery.Hit hit = i < hits.size() ? hits.get(i) : null;
            cards.get(i).show(hit, hit != null && search.isWrong(hit));
        }
    }

    /**
     * Guess first: each card follows whether its rank is uncovered yet ({@code shown.apply(rank)});
     * a covered card keeps its rank and shows a "?" instead of the photo, distance and category.
     */
    public void followReveal(java.util.function.IntFunction<javafx.beans.value.ObservableBooleanValue> shown) {
        for (int i = 0; i < cards.size(); i++) {
            MatchCard card = cards.get(i);
            javafx.beans.value.ObservableBooleanValue rankShown = shown.apply(i + 1);
            card.setCovered(!rankShown.get());
            rankShown.addListener((o, old, now) -> card.setCovered(!now));
            coverBindings.add(rankShown); // kept: a binding nobody holds is collected with its listener
        }
    }

    private final List<Object> coverBindings = new ArrayList<>();

    /** The ranks still covered (guess first), for tests. */
    public List<Integer> coveredRanks() {
        List<Integer> ranks = new ArrayList<>();
        for (int i = 0; i < cards.size(); i++) {
            if (cards.get(i).covered()) {
                ranks.add(i + 1);
            }
        }
        return ranks;
    }

    /** The distance strip's caption (for tests). */
    public String distanceStripCaption() {
        return strip.captionText();
    }

    /** Positions (from 1) of the cards marked wrong (for tests). */
    public List<Integer> markedWrong() {
        List<Integer> wrong = new ArrayList<>();
        for (int i = 0; i < cards.size(); i++) {
            if (cards.get(i).markedWrong()) {
                wrong.add(i + 1);
            }
        }
        return wrong;
    }

    /** The hits shown, in display order (for tests). */
    public List<IndexedGallery.Hit> shownHits() {
        List<IndexedGallery.Hit> shown = new ArrayList<>();
        for (MatchCard card : cards) {
            if (card.hit() != null) {
                shown.add(card.hit());
            }
        }
        return shown;
    }
}
