package org.visualsearch.ui.evaluate;

import java.util.List;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.visualsearch.core.evaluation.Match;
import org.visualsearch.core.evaluation.QueryScore;
import org.visualsearch.ui.gallery.ThumbnailCache;

/**
 * The selected query of the Evaluate view and its top 5, wrong results marked.
 */
final class SelectedQueryCards {
    private SelectedQueryCards() {
    }

    static Node build(EvaluateViewModel vm, ThumbnailCache thumbnails) {
        Label title = new Label("Select a query");
        title.setId("evalSelectedTitle");
        title.getStyleClass().add("section-title");
        HBox cards = new HBox(10);
        cards.setId("evalSelected");
        ResultCard query = new ResultCard(thumbnails, EvaluateView.CARD_SIDE);
        query.setId("eval-query");
        List<ResultCard> results = new java.util.ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            ResultCard card = new ResultCard(thumbnails, EvaluateView.CARD_SIDE);
            results.add(card);
        }
        Label arrow = new Label("→");
        arrow.getStyleClass().add("eval-arrow-large");
        cards.getChildren().add(query);
        cards.getChildren().add(arrow);
        cards.getChildren().addAll(results);
        cards.setAlignment(Pos.TOP_LEFT);
        Runnable refresh = () -> {
            QueryScore q = vm.selectedQueryProperty().get();
            cards.setVisible(q != null);
            if (q == null) {
                title.setText("Select a query");
                return;
            }
            title.setText(String.format(Locale.ROOT, "Its top 5 · P@5 %.2f%s", q.precision(),
                    q.cutoff() < 5 ? " (judged on the first " + q.cutoff() + ": its category has only " + q.cutoff() + " other photos)" : ""));
            query.showQuery(q.entry(), String.format(Locale.ROOT, "P@5 %.2f", q.precision()));
            for (int i = 0; i < 5; i++) {
                ResultCard card = results.get(i);
                card.setId("eval-match-" + (i + 1));
                if (i < q.top().size()) {
                    Match m = q.top().get(i);
                    card.showMatch(m);
                    card.setId("eval-match-" + (i + 1));
                    card.setVisible(true);
                } else {
                    card.setVisible(false);
                }
            }
        };
        vm.selectedQueryProperty().addListener((o, a, b) -> refresh.run());
        refresh.run();
        return new VBox(6, title, cards);
    }
}
