package org.visualsearch.ui.classroom;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.FXCollections;
import javafx.collections.MapChangeListener;
import javafx.collections.ObservableMap;
import org.visualsearch.core.lesson.GuessTally;
import org.visualsearch.core.lesson.RevealOrder;
import org.visualsearch.core.search.IndexedGallery;

/**
 * The classroom view state every view follows: presenting (full screen, no chrome), the type and
 * thumbnail scale, the theme, and guess first (which of the top 5 are uncovered yet, and the show
 * of hands). The views bind to it; nothing here knows a view. Call from the FX thread.
 */
public final class PresentationModel {
    public static final List<Double> SCALES = List.of(1.0, 1.5, 2.0);

    private final BooleanProperty presenting = new SimpleBooleanProperty(false);
    private final ReadOnlyDoubleWrapper scale = new ReadOnlyDoubleWrapper(1.5);
    private final ObjectProperty<ClassroomTheme> theme = new SimpleObjectProperty<>(ClassroomTheme.LIGHT);
    private final BooleanProperty guessFirst = new SimpleBooleanProperty(false);
    private final BooleanProperty tally = new SimpleBooleanProperty(false);
    private final ObjectProperty<RevealOrder> revealOrder = new SimpleObjectProperty<>(RevealOrder.WORST_FIRST);
    private final BooleanProperty helpShown = new SimpleBooleanProperty(false);
    private final BooleanProperty pipelineShown = new SimpleBooleanProperty(false);
    private final BooleanProperty heatmapShown = new SimpleBooleanProperty(false);
    /** How many reveals happened for the current query: 0 .. hits (the top 5), hits + 1 (the gallery too). */
    private final IntegerProperty revealStep = new SimpleIntegerProperty(0);
    private final ReadOnlyStringWrapper tallySummary = new ReadOnlyStringWrapper("");
    private final StringProperty message = new SimpleStringProperty();
    private final ObservableMap<String, Integer> votes = FXCollections.observableHashMap();
    private final ObservableList<IndexedGallery.Hit> hits;
    private final ObservableList<String> categories;
    private GuessTally guesses;

    /**
     * @param hits       the current query's top 5, closest first (a new list starts a new round of guessing)
     * @param categories the gallery's categories (what the class can vote for)
     */
    public PresentationModel(ObservableList<IndexedGallery.Hit> hits, ObservableList<String> categories) {
        this.hits = hits;
        this.categories = categories;
        guesses = new GuessTally(votable(categories));
        hits.addListener((ListChangeListener<IndexedGallery.Hit>) change -> newRound());
        categories.addListener((ListChangeListener<String>) change -> newRound());
        guessFirst.addListener(o -> newRound());
        revealOrder.addListener(o -> newRound());
        // "how it works" and the heatmap take the gallery's place: one at a time
        pipelineShown.addListener((o, was, now) -> {
            if (now) {
                heatmapShown.set(false);
            }
        });
        heatmapShown.addListener((o, was, now) -> {
            if (now) {
                pipelineShown.set(false);
            }
        });
    }

    /** The categories the class can vote for: unlabelled photos (no category) have none to vote on. */
    private static List<String> votable(List<String> categories) {
        return categories.stream().filter(java.util.Objects::nonNull).distinct().toList();
    }

    /** A new query (or new settings): everything covered again, no hands raised. */
    public void newRound() {
        guesses = new GuessTally(votable(categories));
        revealStep.set(0);
        tallySummary.set("");
        votes.clear();
    }

    // ---- guess first --------------------------------------------------------------------------------

    /** Uncovers the next result (or, after the top 5, the ranked gallery); false when all is shown. */
    public boolean revealNext() {
        if (!guessFirst.get() || revealStep.get() > hits.size() || hits.isEmpty()) {
            return false;
        }
        int step = revealStep.get();
        if (step < hits.size()) {
            int rank = revealOrder.get().rankAt(step, hits.size());
            String truth = hits.get(rank - 1).entry().category();
            if (tally.get() && truth != null && guesses.categories().contains(truth)) {
                GuessTally.Round round = guesses.reveal(truth);
                tallySummary.set(round.total() == 0 ? "#" + rank + " is " + truth : "#" + rank + ": " + round.summary());
                votes.clear();
            } else {
                tallySummary.set(truth == null ? "" : "#" + rank + " is " + truth);
            }
        }
        revealStep.set(step + 1);
        return true;
    }

    /** Whether something of the current query is still covered. */
    public boolean hasHidden() {
        return guessFirst.get() && !hits.isEmpty() && revealStep.get() <= hits.size();
    }

    /** Whether the result at {@code rank} (1-based) shows now. */
    public BooleanBinding rankShown(int rank) {
        return Bindings.createBooleanBinding(() -> {
            if (!guessFirst.get()) {
                return true;
            }
            int count = hits.size();
            if (rank > count) {
                return false;
            }
            int revealIndex = revealOrder.get() == RevealOrder.BEST_FIRST ? rank - 1 : count - rank;
            return revealIndex < revealStep.get();
        }, guessFirst, revealStep, revealOrder, hits);
    }

    /** Whether the ranked gallery shows now (after the last of the top 5). */
    public BooleanBinding galleryShown() {
        return Bindings.createBooleanBinding(() -> !guessFirst.get() || hits.isEmpty() || revealStep.get() > hits.size(),
                guessFirst, revealStep, hits);
    }

    /** The rank the next reveal uncovers, or 0 when the top 5 are all shown. */
    public int nextRank() {
        int step = revealStep.get();
        return guessFirst.get() && step < hits.size() ? revealOrder.get().rankAt(step, hits.size()) : 0;
    }

    /** One more raised hand for {@code category} (the teacher clicks once per hand). */
    public void vote(String category) {
        if (guesses.categories().contains(category)) {
            guesses.add(category);
            votes.put(category, guesses.votes(category));
        }
    }

    /** One hand fewer (a mis-click). */
    public void unvote(String category) {
        if (guesses.categories().contains(category)) {
            guesses.remove(category);
            votes.put(category, guesses.votes(category));
        }
    }

    public int votes(String category) {
        return guesses.votes(category);
    }

    /** The hands raised so far in this round, per category (for the tally's buttons). */
    public ObservableMap<String, Integer> votesMap() {
        return votes;
    }

    public void onVotesChanged(Runnable action) {
        votes.addListener((MapChangeListener<String, Integer>) change -> action.run());
    }

    /** "#3: 12 of 20 guessed right (food)" after a reveal with votes, else empty. */
    public ReadOnlyStringProperty tallySummaryProperty() {
        return tallySummary.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty revealStepProperty() {
        return revealStep;
    }

    // ---- present, scale, theme ----------------------------------------------------------------------

    public void togglePresenting() {
        presenting.set(!presenting.get());
    }

    /** Sets the scale, snapped to the nearest of {@link #SCALES}. */
    public void setScale(double wanted) {
        double best = SCALES.get(0);
        for (double s : SCALES) {
            if (Math.abs(s - wanted) < Math.abs(best - wanted)) {
                best = s;
            }
        }
        scale.set(best);
    }

    /** The next larger scale, wrapping to 100% after the largest. */
    public void cycleScale() {
        int i = SCALES.indexOf(scale.get());
        setScale(SCALES.get((i + 1) % SCALES.size()));
    }

    public BooleanProperty presentingProperty() {
        return presenting;
    }

    /** The type and thumbnail scale of present mode (1, 1.5 or 2). */
    public ReadOnlyDoubleProperty scaleProperty() {
        return scale.getReadOnlyProperty();
    }

    public ObjectProperty<ClassroomTheme> themeProperty() {
        return theme;
    }

    public BooleanProperty guessFirstProperty() {
        return guessFirst;
    }

    public BooleanProperty tallyProperty() {
        return tally;
    }

    public ObjectProperty<RevealOrder> revealOrderProperty() {
        return revealOrder;
    }

    public BooleanProperty helpShownProperty() {
        return helpShown;
    }

    public BooleanProperty pipelineShownProperty() {
        return pipelineShown;
    }

    /** Whether the similarity heatmap of #1 takes the gallery's place (hides "how it works"). */
    public BooleanProperty heatmapShownProperty() {
        return heatmapShown;
    }

    /** A one-line note for the teacher (e.g. where a snapshot went), or null. */
    public StringProperty messageProperty() {
        return message;
    }

    public ObservableList<IndexedGallery.Hit> hits() {
        return hits;
    }

    public ObservableList<String> categories() {
        return categories;
    }
}
