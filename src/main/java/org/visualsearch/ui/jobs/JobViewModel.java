package org.visualsearch.ui.jobs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.concurrent.Task;
import org.visualsearch.app.IndexProgressText;
import org.visualsearch.app.ProgressSink;

/**
 * The one long job the window shows at a time (sample download, import, indexing): title,
 * progress, a message line and Cancel. The work runs in a JavaFX {@link Task} on a background
 * thread; all properties change on the FX thread. Use from the FX thread.
 */
public final class JobViewModel {
    private final Executor executor;
    private final BooleanProperty running = new SimpleBooleanProperty(false);
    private final StringProperty title = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final DoubleProperty progress = new SimpleDoubleProperty(-1);
    private final BooleanProperty pausable = new SimpleBooleanProperty(false);
    private final BooleanProperty paused = new SimpleBooleanProperty(false);
    /** "43 of 100 photos indexed" while an indexing job runs, else null: the gallery header says it too. */
    private final StringProperty indexedLine = new SimpleStringProperty();
    private final java.util.concurrent.atomic.AtomicReference<String> pendingIndexedLine =
            new java.util.concurrent.atomic.AtomicReference<>();
    private Task<?> current;
    private ProgressSink.Pausable pauseControl;

    public JobViewModel(Executor executor) {
        this.executor = Objects.requireNonNull(executor);
    }

    /**
     * Starts {@code work} unless a job is already running (then returns false). {@code onEnd} gets
     * the outcome on the FX thread, after {@link #runningProperty()} turned false.
     */
    public <T> boolean start(String jobTitle, BackgroundWork<T> work, Consumer<JobOutcome<T>> onEnd) {
        if (running.get()) {
            return false;
        }
        List<String> warnings = Collections.synchronizedList(new ArrayList<>());
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                ProgressSink sink = new ProgressSink() {
                    @Override
                    public void progress(long done, long total, String line) {
                        updateProgress(total > 0 ? done : -1, total > 0 ? total : 1);
                        updateMessage(line == null ? "" : line);
                    }

                    @Override
                    public boolean isCancelled() {
                        return isCancelled0();
                    }

                    @Override
                    public void indexing(org.visualsearch.core.gallery.IndexProgress p) {
                        ProgressSink.super.indexing(p);
                        if (p.state() == org.visualsearch.core.gallery.IndexProgress.State.INDEXING
                                || p.state() == org.visualsearch.core.gallery.IndexProgress.State.PAUSED) {
                            // one hop to the FX thread at a time, with the newest line
                            if (pendingIndexedLine.getAndSet(IndexProgressText.indexed(p)) == null) {
                                Platform.runLater(() -> {
                                    String line = pendingIndexedLine.getAndSet(null);
                                    if (running.get()) {
                                        indexedLine.set(line);
                                    }
                                });
                            }
                        }
                    }

                    @Override
                    public void warn(String warning) {
                        warnings.add(warning);
                    }

                    @Override
                    public void pausable(ProgressSink.Pausable control) {
                        Task<?> self = currentTask();
                        Platform.runLater(() -> offerPause(self, control));
                    }
                };
                return work.run(sink);
            }

            private boolean isCancelled0() {
                return isCancelled();
            }

            private Task<?> currentTask() {
                return this;
            }
        };
        title.set(jobTitle);
        indexedLine.set(null);
        pausable.set(false);
        paused.set(false);
        pauseControl = null;
        message.set("Starting…");
        progress.set(-1);
        task.messageProperty().addListener((obs, old, now) -> message.set(now));
        task.progressProperty().addListener((obs, old, now) -> progress.set(now.doubleValue()));
        task.setOnSucceeded(e -> {
            finish(task, "Done");
            onEnd.accept(new JobOutcome.Done<>(task.getValue(), warnings));
        });
        task.setOnCancelled(e -> {
            finish(task, "Cancelled");
            onEnd.accept(new JobOutcome.Cancelled<>());
        });
        task.setOnFailed(e -> {
            Throwable error = task.getException();
            if (error instanceof CancellationException || task.isCancelled()) {
                finish(task, "Cancelled");
                onEnd.accept(new JobOutcome.Cancelled<>());
                return;
            }
            finish(task, "Failed");
            onEnd.accept(new JobOutcome.Failed<>(jobTitle + " failed: " + Messages.describe(error), error));
        });
        current = task;
        running.set(true);
        executor.execute(task);
        return true;
    }

    /** Asks the running job to stop; the work sees it through {@link ProgressSink#isCancelled()} or an interrupt. */
    public void cancel() {
        if (current != null) {
            message.set("Cancelling…");
            current.cancel(true);
        }
    }

    /** Pauses the running job, or resumes it when paused; only for work that offered a control. */
    public void togglePause() {
        ProgressSink.Pausable control = pauseControl;
        if (current == null || control == null) {
            return;
        }
        // Say so at once: the work only notices between two items, and its last line still shows a rate.
        if (paused.get()) {
            paused.set(false);
            message.set("Resuming…");
            control.resume();
        } else {
            paused.set(true);
            message.set("Pausing after the current photo…");
            control.pause();
        }
    }

    private void offerPause(Task<?> task, ProgressSink.Pausable control) {
        if (task == current && control != null) {
            pauseControl = control;
            pausable.set(true);
        }
    }

    private void finish(Task<?> task, String outcome) {
        if (task != current) {
            return;
        }
        current = null;
        pauseControl = null;
        indexedLine.set(null);
        pausable.set(false);
        paused.set(false);
        message.set(title.get() + ": " + outcome.toLowerCase());
        progress.set(0);
        running.set(false);
    }

    /** The gallery's indexed count while an indexing job runs ("43 of 100 photos indexed"), else null. */
    public ReadOnlyStringProperty indexedLineProperty() {
        return indexedLine;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running;
    }

    public ReadOnlyStringProperty titleProperty() {
        return title;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress;
    }

    /** Whether the running job can be paused. */
    public ReadOnlyBooleanProperty pausableProperty() {
        return pausable;
    }

    public ReadOnlyBooleanProperty pausedProperty() {
        return paused;
    }
}
