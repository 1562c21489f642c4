package org.visualsearch.ui.classroom;

import java.awt.image.BufferedImage;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.visualsearch.core.common.ErrorText;
import org.visualsearch.core.occlusion.HeatmapOverlay;
import org.visualsearch.core.occlusion.OcclusionHeatmap;
import org.visualsearch.core.occlusion.OcclusionSettings;
import org.visualsearch.core.occlusion.SimilarityHeatmap;
import org.visualsearch.core.search.IndexedGallery;
import org.visualsearch.ui.search.SearchViewModel.ShownQuery;

/**
 * "Why #1?": the similarity heatmap of the shown query against its top-1 match, computed while
 * it is shown ({@link OcclusionHeatmap}: the query embedded again with each square hidden), one
 * embed per task on the model's thread, so a search waits one embed at most, never the heatmap.
 * A new query, a new model, hiding it or {@link #cancel()} stops it between two embeds. While
 * guess first still covers #1, it waits: the heatmap would give the answer away. Call from the
 * FX thread.
 */
public final class HeatmapViewModel {
    /** Where the heatmap is. */
    public enum State { IDLE, WAITING, RUNNING, DONE, CANCELLED, FAILED }

    /** A finished heatmap: the query with the heat over it, and what it was compared with. */
    public record Result(BufferedImage query, BufferedImage overlay, SimilarityHeatmap heatmap, IndexedGallery.Hit match,
                         String modelName) {
    }

    private final ObservableValue<ShownQuery> query;
    private final ObservableList<IndexedGallery.Hit> hits;
    private final ObservableValue<IndexedGallery> gallery;
    private final ObservableBooleanValue shown;
    private final ObservableBooleanValue matchUncovered;
    private final Executor modelThread;
    private final Executor fxThread;
    private final OcclusionSettings settings;
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.IDLE);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Result> result = new ReadOnlyObjectWrapper<>();
    private AtomicBoolean running;

    /**
     * @param query          the query shown (its decoded photo and the model that embedded it)
     * @param hits           its top 5, closest first
     * @param gallery        the gallery the hits are in (the match's vector comes from it)
     * @param shown          whether the heatmap is on screen: it runs only then
     * @param matchUncovered whether #1 shows (guess first covers it until its turn)
     * @param modelThread    the one thread that calls the model (the search thread)
     * @param fxThread       where the state changes are published ({@code Platform::runLater})
     */
    public HeatmapViewModel(ObservableValue<ShownQuery> query, ObservableList<IndexedGallery.Hit> hits,
                            ObservableValue<IndexedGallery> gallery, ObservableBooleanValue shown,
                            ObservableBooleanValue matchUncovered, Executor modelThread, Executor fxThread,
                            OcclusionSettings settings) {
        this.query = query;
        this.hits = hits;
        this.gallery = gallery;
        this.shown = shown;
        this.matchUncovered = matchUncovered;
        this.modelThread = modelThread;
        this.fxThread = fxThread;
        this.settings = settings;
        hits.addListener((ListChangeListener<IndexedGallery.Hit>) c -> restart());
        query.addListener(o -> restart());
        gallery.addListener(o -> restart()); // a model switch: the running one's model is about to close
        shown.addListener(o -> restart());
        matchUncovered.addListener(o -> restart());
    }

    /** Computes it again for what is shown now (after a stop or a failure). */
    public void start() {
        restart();
    }

    /** Stops the heatmap being computed (between two embeds); what was done is dropped. */
    public void cancel() {
        if (running != null && state.get() == State.RUNNING) {
            stop();
            state.set(State.CANCELLED);
            status.set("Stopped after " + Math.round(progress.get() * settings.embeds()) + " of " + settings.embeds()
                    + " embeds.");
        }
    }

    private void stop() {
        if (running != null) {
            running.set(false);
            running = null;
        }
    }

    private void restart() {
        stop();
        result.set(null);
        progress.set(0);
        ShownQuery q = query.getValue();
        IndexedGallery g = gallery.getValue();
        if (!shown.get()) {
            set(State.IDLE, "");
            return;
        }
        if (q == null || g == null || hits.isEmpty()) {
            set(State.WAITING, "Search for a photo: the heatmap shows which parts of it keep it near its #1 match");
            return;
        }
        if (!matchUncovered.get()) {
            set(State.WAITING, "The heatmap shows once #1 is uncovered (Space)");
            return;
        }
        if (q.decoded() == null) {
            set(State.FAILED, "The query photo could not be read again, so it cannot be hidden square by square");
            return;
        }
        IndexedGallery.Hit match = hits.get(0);
        if (!g.model().id().equals(q.model().info().id()) || match.index() < 0 || match.index() >= g.size()) {
            set(State.WAITING, "Waiting for the gallery of " + q.model().info().name());
            return;
        }
        OcclusionHeatmap.Run run;
        try {
            run = new OcclusionHeatmap.Run(q.model(), q.decoded(), g.vectors().vector(match.index()), settings);
        } catch (IllegalArgumentException tooSmall) {
            set(State.FAILED, "No heatmap: " + tooSmall.getMessage());
            return;
        }
        AtomicBoolean mine = new AtomicBoolean(true);
        running = mine;
        set(State.RUNNING, runningText(0));
        if (!queue(() -> step(run, mine, q, match))) {
            running = null;
            set(State.IDLE, "");
        }
    }

    /** Queues a step on the model's thread; false once that thread is shutting down (the window closes). */
    private boolean queue(Runnable step) {
        try {
            modelThread.execute(step);
            return true;
        } catch (RejectedExecutionException closing) {
            return false;
        }
    }

    /** One embed, then the next one queued behind whatever else waits for the model (a search). */
    private void step(OcclusionHeatmap.Run run, AtomicBoolean mine, ShownQuery q, IndexedGallery.Hit match) {
        if (!mine.get()) {
            return;
        }
        try {
            run.step();
        } catch (Exception | LinkageError e) {
            String why = ErrorText.oneLine(e);
            fxThread.execute(() -> {
                if (mine.get()) {
                    stop();
                    set(State.FAILED, "The heatmap failed: " + why);
                }
            });
            return;
        }
        int done = run.done();
        if (!run.finished()) {
            fxThread.execute(() -> {
                if (mine.get()) {
                    progress.set((double) done / run.total());
                    status.set(runningText(done));
                }
            });
            if (mine.get()) {
                queue(() -> step(run, mine, q, match)); // refused only while the app closes: nothing left to show it
            }
            return;
        }
        SimilarityHeatmap heatmap = run.result();
        BufferedImage overlay = HeatmapOverlay.paint(q.decoded(), heatmap);
        Result finished = new Result(q.decoded(), overlay, heatmap, match, q.model().info().name());
        fxThread.execute(() -> {
            if (mine.get()) {
                running = null;
                progress.set(1);
                result.set(finished);
                set(State.DONE, costText(heatmap, finished.modelName()));
            }
        });
    }

    private String runningText(int done) {
        return "Hiding each of the " + settings.columns() + " x " + settings.rows()
                + " squares in turn and embedding the photo again: " + done + " of " + settings.embeds()
                + " embeds (W or Stop cancels)";
    }

    private void set(State s, String text) {
        state.set(s);
        status.set(text);
    }

    // ---- the legend, in words a class reads -----------------------------------------------------------

    /** What red means, with the largest move: "hiding this part moved the photo away from its match by up to 0.136". */
    public static String awayText(SimilarityHeatmap heatmap) {
        if (heatmap.maxIncrease() == 0) {
            return "hiding any one part never moved the photo away from its match";
        }
        return String.format(Locale.ROOT, "hiding this part moved the photo away from its match by up to %.3f",
                heatmap.maxIncrease());
    }

    /** What blue means, or null when no square brought the photo closer. */
    public static String closerText(SimilarityHeatmap heatmap) {
        return heatmap.maxDecrease() == 0 ? null : String.format(Locale.ROOT,
                "hiding this part brought it closer, by up to %.3f", heatmap.maxDecrease());
    }

    /** The cost, as measured: "65 embeds (8 x 8 grey squares) in 1.8 s, model". */
    public static String costText(SimilarityHeatmap heatmap, String model) {
        OcclusionSettings s = heatmap.settings();
        return String.format(Locale.ROOT, "%d embeds (%d x %d %s squares) in %.1f s, %s", heatmap.embeds(), s.columns(),
                s.rows(), s.fill() == OcclusionSettings.Fill.GREY ? "grey" : "blurred", heatmap.nanos() / 1e9, model);
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** 0..1 of the embeds done. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** One line: what it is doing, why it waits or failed, or what it cost. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Result> resultProperty() {
        return result.getReadOnlyProperty();
    }
}
