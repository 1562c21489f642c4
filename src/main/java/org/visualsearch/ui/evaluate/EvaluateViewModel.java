package org.visualsearch.ui.evaluate;

import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.visualsearch.core.common.ErrorText;
import org.visualsearch.core.evaluation.CategoryScore;
import org.visualsearch.core.evaluation.ConfusionPair;
import org.visualsearch.core.evaluation.EvaluationCache;
import org.visualsearch.core.evaluation.EvaluationReport;
import org.visualsearch.core.evaluation.GalleryEvaluation;
import org.visualsearch.core.evaluation.GalleryEvaluator;
import org.visualsearch.core.evaluation.PhotoCredits;
import org.visualsearch.core.evaluation.QueryScore;
import org.visualsearch.core.search.IndexedGallery;
import org.visualsearch.core.metrics.PrecisionAtK;

/**
 * The Evaluate view's state: the current model's leave-one-out score on the current gallery,
 * computed by the core's {@link GalleryEvaluator} (the same code as the {@code eval} command) on
 * a background thread with progress and cancel, and kept in an {@link EvaluationCache} so
 * opening it again on the same model and photos is instant. Then what the user drills into: the
 * selected query with its top-5, the selected confusion cell with its pairs. Use from the FX
 * thread.
 */
public final class EvaluateViewModel {

    /** A confusion-matrix cell: a query category and a result category ({@code null}: unlabelled). */
    public record Cell(String queryCategory, String resultCategory) {
    }

    private final ObservableValue<IndexedGallery> gallery;
    private final Executor executor;
    private final EvaluationCache cache;
    private final EvaluationReport.Thumbnails reportThumbnails;
    private final PhotoCredits credits;
    private final Function<IndexedGallery, OptionalDouble> baseline;

    private final ObjectProperty<GalleryEvaluation> evaluation = new SimpleObjectProperty<>();
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final DoubleProperty progress = new SimpleDoubleProperty(-1);
    private final StringProperty message = new SimpleStringProperty("");
    private final DoubleProperty baselineScore = new SimpleDoubleProperty(Double.NaN);
    private final ObservableList<CategoryScore> categories = FXCollections.observableArrayList();
    private final ObjectProperty<List<QueryScore>> worstFirst = new SimpleObjectProperty<>(List.of());
    private final ObjectProperty<QueryScore> selectedQuery = new SimpleObjectProperty<>();
    private final ObjectProperty<Cell> selectedCell = new SimpleObjectProperty<>();
    private final ObservableList<ConfusionPair> cellPairs = FXCollections.observableArrayList();
    private final BooleanProperty active = new SimpleBooleanProperty();

    private AtomicBoolean cancelCurrent = new AtomicBoolean();
    private int generation;

    /**
     * @param gallery          the gallery being searched; its model is the one scored
     * @param executor         runs the evaluation (which itself uses every core) and report writing
     * @param cache            evaluations kept per (model, gallery contents)
     * @param reportThumbnails thumbnails for an exported report; called on the executor
     * @param credits          who to credit for the photos in a report
     * @param baseline         the colour-histogram baseline's mP@5 on a gallery, when it can be had
     *                         without embedding; called on the executor
     */
    public EvaluateViewModel(ObservableValue<IndexedGallery> gallery, Executor executor, EvaluationCache cache,
                             EvaluationReport.Thumbnails reportThumbnails, PhotoCredits credits,
                             Function<IndexedGallery, OptionalDouble> baseline) {
        this.gallery = Objects.requireNonNull(gallery);
        this.executor = Objects.requireNonNull(executor);
        this.cache = Objects.requireNonNull(cache);
        this.reportThumbnails = Objects.requireNonNull(reportThumbnails);
        this.credits = Objects.requireNonNull(credits);
        this.baseline = Objects.requireNonNull(baseline);
        gallery.addListener((o, old, now) -> {
            if (now != old) {
                galleryChanged();
            }
        });
        active.addListener((o, was, now) -> {
            if (now && evaluation.get() == null && !running.get()) {
                evaluate();
            }
        });
        selectedCell.addListener((o, old, cell) -> {
            GalleryEvaluation e = evaluation.get();
            cellPairs.setAll(cell == null || e == null ? List.of() : e.pairs(cell.queryCategory(), cell.resultCategory()));
        });
    }

    /**
     * Scores the current gallery (instant when cached). A run already under way for the same
     * gallery goes on; one for an older gallery is cancelled. Returns false when there is no
     * gallery to score.
     */
    public boolean evaluate() {
        IndexedGallery g = gallery.getValue();
        if (g == null || g.size() == 0) {
            message.set("No gallery to evaluate: add photos first.");
            return false;
        }
        if (running.get()) {
            return true;
        }
        int run = ++generation;
        AtomicBoolean cancel = new AtomicBoolean();
        cancelCurrent = cancel;
        running.set(true);
        progress.set(-1);
        message.set(String.format("Scoring %,d photos with %s…", g.size(), g.model().name()));
        AtomicInteger lastPercent = new AtomicInteger(-1);
        GalleryEvaluator.Listener listener = new GalleryEvaluator.Listener() {
            @Override
            public void progress(int done, int total) {
                int percent = (int) (100L * done / Math.max(1, total));
                // One FX update per percent, not one per batch of queries.
                if (lastPercent.getAndSet(percent) != percent) {
                    Platform.runLater(() -> {
                        // Batches finish on several threads: updates may arrive out of order.
                        if (run == generation && running.get() && done / (double) total > progress.get()) {
                            progress.set(done / (double) total);
                            message.set(String.format("Scoring: %,d of %,d queries", done, total));
                        }
                    });
                }
            }

            @Override
            public boolean cancelled() {
                return cancel.get();
            }
        };
        try {
            executor.execute(() -> {
                try {
                    GalleryEvaluation result = cache.evaluate(g, PrecisionAtK.CHALLENGE_K, listener);
                    OptionalDouble base = safeBaseline(g);
                    Platform.runLater(() -> finished(run, result, base));
                } catch (CancellationException e) {
                    Platform.runLater(() -> stopped(run, "Evaluation cancelled."));
                } catch (RuntimeException | OutOfMemoryError e) {
                    String why = ErrorText.oneLine(e);
                    Platform.runLater(() -> stopped(run, "The evaluation failed: " + why));
                }
            });
        } catch (RejectedExecutionException closing) {
            running.set(false);
            return false;
        }
        return true;
    }

    private OptionalDouble safeBaseline(IndexedGallery g) {
        try {
            return baseline.apply(g);
        } catch (RuntimeException e) {
            return OptionalDouble.empty(); // context only: the model's own score stands
        }
    }

    /** Stops the running evaluation; what was shown before stays. */
    public void cancel() {
        cancelCurrent.set(true);
    }

    private void finished(int run, GalleryEvaluation result, OptionalDouble base) {
        if (run != generation) {
            return;
        }
        running.set(false);
        progress.set(1);
        evaluation.set(result);
        baselineScore.set(base.orElse(Double.NaN));
        categories.setAll(result.categories().values());
        worstFirst.set(result.worstFirst());
        selectedCell.set(null);
        selectedQuery.set(result.queryCount() > 0 ? result.worstFirst().get(0) : null);
        message.set(result.hasScore()
                ? String.format("%,d photos, %,d queries scored in %s", result.gallerySize(), result.queryCount(),
                        result.computeMillis() < 1000
                        ? result.computeMillis() + " ms" : String.format("%.1f s", result.computeMillis() / 1000.0))
                : "Nothing to score: no photo has another photo of its category (are the photos in category subfolders?)");
    }

    private void stopped(int run, String why) {
        if (run != generation) {
            return;
        }
        running.set(false);
        progress.set(0);
        message.set(why);
    }

    private void galleryChanged() {
        cancel();
        generation++;
        running.set(false);
        evaluation.set(null);
        categories.clear();
        worstFirst.set(List.of());
        selectedQuery.set(null);
        selectedCell.set(null);
        baselineScore.set(Double.NaN);
        message.set("");
        if (active.get()) {
            evaluate();
        }
    }

    /**
     * Writes the report of the shown evaluation to {@code file} in the background;
     * {@code onDone} gets a message for the user on the FX thread.
     */
    public boolean exportReport(Path file, java.util.function.Consumer<String> onDone) {
        GalleryEvaluation e = evaluation.get();
        if (e == null) {
            return false;
        }
        OptionalDouble base = Double.isNaN(baselineScore.get()) ? OptionalDouble.empty() : OptionalDouble.of(baselineScore.get());
        IndexedGallery evaluated = gallery.getValue(); // its vectors give the report's map, if it is the evaluated one
        EvaluationReport.Content content = new EvaluationReport.Content(e, galleryDescription(), ZonedDateTime.now(), base,
                reportThumbnails, credits, evaluated != null && evaluated.model().equals(e.model())
                        && evaluated.size() == e.gallerySize() ? evaluated : null);
        try {
            executor.execute(() -> {
                String result;
                try {
                    EvaluationReport.write(content, file);
                    result = "Report saved to " + file;
                } catch (Exception ex) {
                    result = "Cannot write the report " + file + ": " + ErrorText.oneLine(ex);
                }
                String shown = result;
                Platform.runLater(() -> onDone.accept(shown));
            });
        } catch (RejectedExecutionException closing) {
            return false;
        }
        return true;
    }

    /** What the gallery is, for the report: the folder its photos share, and the counts. */
    public String galleryDescription() {
        GalleryEvaluation e = evaluation.get();
        IndexedGallery g = gallery.getValue();
        if (g == null || g.size() == 0) {
            return "empty gallery";
        }
        Path common = g.entries().get(0).path().getParent();
        for (var entry : g.entries()) {
            while (common != null && !entry.path().startsWith(common)) {
                common = common.getParent();
            }
        }
        // Photos sit in category subfolders: name the gallery folder above them.
        if (common != null && e != null && e.categories().containsKey(String.valueOf(common.getFileName()))) {
            common = common.getParent();
        }
        String name = common == null || common.getFileName() == null ? "gallery" : common.getFileName().toString();
        return name + " (" + (e == null ? g.size() : e.categories().size()) + " categories)";
    }

    public ReadOnlyObjectProperty<GalleryEvaluation> evaluationProperty() {
        return evaluation;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running;
    }

    /** 0..1, or -1 while the amount is unknown. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    /** The colour-histogram baseline's mP@5 on this gallery; NaN when unknown. */
    public ReadOnlyDoubleProperty baselineProperty() {
        return baselineScore;
    }

    /** Per category, by name. */
    public ObservableList<CategoryScore> categories() {
        return categories;
    }

    /** The scored queries, worst first (a lazy list: 100,000 queries cost nothing until shown). */
    public ReadOnlyObjectProperty<List<QueryScore>> worstFirstProperty() {
        return worstFirst;
    }

    /** The query whose top-5 is shown; the worst one after each evaluation. */
    public ObjectProperty<QueryScore> selectedQueryProperty() {
        return selectedQuery;
    }

    public ObjectProperty<Cell> selectedCellProperty() {
        return selectedCell;
    }

    /** The (query, result) pairs of the selected confusion cell. */
    public ObservableList<ConfusionPair> cellPairs() {
        return cellPairs;
    }

    /** Whether the view is showing: it evaluates when it opens (instant when cached) and when the gallery changes while open. */
    public BooleanProperty activeProperty() {
        return active;
    }
}
