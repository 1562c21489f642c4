package org.visualsearch.ui.compare;

import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
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
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.visualsearch.core.comparison.ModelComparison;
import org.visualsearch.core.comparison.QueryComparison;
import org.visualsearch.core.comparison.QueryScore;
import org.visualsearch.core.search.IndexedGallery;
import org.visualsearch.app.ProgressSink;
import org.visualsearch.app.ModelChoice;

/**
 * Comparing the current model (A) with a second one (B) on the same photos: B's embeddings are
 * brought up to date in the background (with progress and cancel; what is embedded is kept),
 * then both scores, the per-category table and the queries that changed most are shown, and one
 * query's top-5 under each. Use from the FX thread.
 */
public final class CompareViewModel {
    /** How many of the queries that changed most are listed. */
    public static final int CHANGED_SHOWN = 10;

    /** Embeds what model B is missing and returns its gallery; runs on the executor. */
    @FunctionalInterface
    public interface GalleryLoader {
        IndexedGallery load(ModelChoice model, ProgressSink progress) throws Exception;
    }

    private final ObservableValue<? extends IndexedGallery> galleryA;
    private final ObservableValue<ModelChoice> modelA;
    private final ObservableList<ModelChoice> models;
    private final GalleryLoader loader;
    private final Executor executor;
    private final ObjectProperty<ModelChoice> modelB = new SimpleObjectProperty<>();
    private final ObservableList<ModelChoice> choicesForB = FXCollections.observableArrayList();
    private final ObjectProperty<ModelComparison> comparison = new SimpleObjectProperty<>();
    private final ObservableList<QueryScore> changedMost = FXCollections.observableArrayList();
    private final ObjectProperty<QueryComparison> query = new SimpleObjectProperty<>();
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final DoubleProperty progress = new SimpleDoubleProperty(-1);
    private final StringProperty message = new SimpleStringProperty("");
    private final StringProperty problem = new SimpleStringProperty();
    private AtomicBoolean cancelRunning;
    private long generation;

    /**
     * @param galleryA the current gallery, embedded by the current model
     * @param modelA   the current model
     * @param models   the models to choose from (B is any but A)
     * @param loader   B's gallery, embedding what is missing
     * @param executor runs the loader (the library's thread: one job at a time with indexing)
     */
    public CompareViewModel(ObservableValue<? extends IndexedGallery> galleryA, ObservableValue<ModelChoice> modelA,
                            ObservableList<ModelChoice> models, GalleryLoader loader, Executor executor) {
        this.galleryA = Objects.requireNonNull(galleryA);
        this.modelA = Objects.requireNonNull(modelA);
        this.models = Objects.requireNonNull(models);
        this.loader = Objects.requireNonNull(loader);
        this.executor = Objects.requireNonNull(executor);
        models.addListener((ListChangeListener<ModelChoice>) c -> refreshChoices());
        modelA.addListener((o, a, b) -> {
            refreshChoices();
            clear();
        });
        galleryA.addListener((o, a, b) -> clear());
        refreshChoices();
    }

    private void refreshChoices() {
        ModelChoice a = modelA.getValue();
        choicesForB.setAll(models.stream().filter(m -> !m.equals(a)).toList());
        if (modelB.get() == null || !choicesForB.contains(modelB.get())) {
            // the baseline is the natural second: it shows what a learned embedding adds
            modelB.set(choicesForB.contains(ModelChoice.HISTOGRAM) ? ModelChoice.HISTOGRAM
                    : choicesForB.isEmpty() ? null : choicesForB.get(0));
        }
    }

    private void clear() {
        cancel();
        comparison.set(null);
        changedMost.clear();
        query.set(null);
    }

    /** Embeds what B is missing, in the background, then compares. Returns false when it cannot start. */
    public boolean compare() {
        IndexedGallery a = galleryA.getValue();
        ModelChoice b = modelB.get();
        if (a == null || a.size() == 0 || b == null) {
            problem.set(a == null || a.size() == 0 ? "There are no photos to compare on yet." : "Pick a second model.");
            return false;
        }
        cancel();
        problem.set(null);
        long myGeneration = ++generation;
        AtomicBoolean cancelled = new AtomicBoolean();
        cancelRunning = cancelled;
        running.set(true);
        progress.set(-1);
        message.set("Embedding the photos with " + b.label() + "…");
        ProgressSink sink = new ProgressSink() {
            private long lastPosted;

            @Override
            public void progress(long done, long total, String text) {
                long now = System.nanoTime();
                if (now - lastPosted > 100_000_000L || done == total) {
                    lastPosted = now;
                    Platform.runLater(() -> {
                        if (myGeneration == generation) {
                            progress.set(total > 0 ? (double) done / total : -1);
                            message.set(text);
                        }
                    });
                }
            }

            @Override
            public boolean isCancelled() {
                return cancelled.get() || Thread.currentThread().isInterrupted();
            }
        };
        try {
            executor.execute(() -> {
                try {
                    IndexedGallery galleryB = loader.load(b, sink);
                    if (cancelled.get()) {
                        throw new CancellationException();
                    }
                    ModelComparison result = ModelComparison.of(a, galleryB);
                    Platform.runLater(() -> {
                        if (myGeneration == generation) {
                            running.set(false);
                            message.set("");
                            show(result);
                        }
                    });
                } catch (CancellationException e) {
                    Platform.runLater(() -> {
                        if (myGeneration == generation) {
                            running.set(false);
                            message.set("Cancelled: what was embedded is kept, so comparing again goes on from there.");
                        }
                    });
                } catch (Exception | OutOfMemoryError e) {
                    Platform.runLater(() -> {
                        if (myGeneration == generation) {
                            running.set(false);
                            message.set("");
                            problem.set("Comparing with " + b.label() + " failed: " + e.getMessage());
                        }
                    });
                }
            });
        } catch (RejectedExecutionException closing) {
            running.set(false);
            return false;
        }
        return true;
    }

    private void show(ModelComparison result) {
        comparison.set(result);
        changedMost.setAll(result.mostChanged(CHANGED_SHOWN));
        if (!result.hasScore()) {
            problem.set("Nothing to score: no photo has another photo of its category.");
        }
        if (!changedMost.isEmpty()) {
            selectQuery(changedMost.get(0).index());
        } else if (result.galleryA().size() > 1) {
            selectQuery(result.queries().isEmpty() ? 0 : result.queries().get(0).index());
        }
    }

    /** Shows query {@code index}'s top-5 under A and B (an index into the compared galleries). */
    public void selectQuery(int index) {
        ModelComparison c = comparison.get();
        if (c != null && index >= 0 && index < c.galleryA().size()) {
            query.set(c.query(index));
        }
    }

    /** Shows the comparison for a photo of the current gallery (e.g. the search's query), if it is compared. */
    public boolean selectPhoto(org.visualsearch.core.search.GalleryEntry entry) {
        ModelComparison c = comparison.get();
        int index = c == null ? -1 : c.indexOf(entry);
        if (index >= 0) {
            selectQuery(index);
            return true;
        }
        return false;
    }

    public void cancel() {
        if (cancelRunning != null) {
            cancelRunning.set(true);
            cancelRunning = null;
        }
        if (running.get()) {
            running.set(false);
            generation++;
            message.set("Cancelled: what was embedded is kept.");
        }
    }

    public ObservableValue<ModelChoice> modelAProperty() {
        return modelA;
    }

    public ObjectProperty<ModelChoice> modelBProperty() {
        return modelB;
    }

    public ObservableList<ModelChoice> choicesForB() {
        return choicesForB;
    }

    public ReadOnlyObjectProperty<ModelComparison> comparisonProperty() {
        return comparison;
    }

    public ObservableList<QueryScore> changedMost() {
        return changedMost;
    }

    public ReadOnlyObjectProperty<QueryComparison> queryProperty() {
        return query;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running;
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    /** Why the comparison could not be made, or null. */
    public ReadOnlyStringProperty problemProperty() {
        return problem;
    }
}
