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

    public TopMatchesPanel(SearchViewModel search, ThumbnailCache thumbnails) {
        setId("top5");
        getStyleClass().add("top-matches");
        Label title = new Label("Top 5 matches");
        title.getStyleClass().add("section-title");
        Label subtitle = new Label();
        subtitle.getStyleClass().add("section-subtitle");
        subtitle.textProperty().bind(javafx.beans.binding.Bindings.when(search.rankedProperty())
                .then("nearest by Euclidean distance (smaller is closer)")
                .otherwise("drop, open or paste a photo to search"));
        title.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        subtitle.setMinWidth(0); // the one that gives way on a narrow window
        HBox header = new HBox(12, title, subtitle);
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
        getChildren().addAll(header, row);
        search.topMatches().addListener((ListChangeListener<IndexedGallery.Hit>) change -> refresh(search));
        refresh(search);
    }

    private void refresh(SearchViewModel search) {
        List<IndexedGallery.Hit> hits = search.topMatches();
        for (int i = 0; i < cards.size(); i++) {
            cards.get(i).show(i < hits.size() ? hits.get(i) : null);
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
