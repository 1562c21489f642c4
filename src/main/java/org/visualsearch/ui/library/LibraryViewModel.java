package org.visualsearch.ui.library;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.visualsearch.app.GallerySession;
import org.visualsearch.app.LibrarySnapshot;
import org.visualsearch.app.ModelChoice;
import org.visualsearch.core.search.IndexedGallery;
import org.visualsearch.core.store.Folder;
import org.visualsearch.core.store.Problem;
import org.visualsearch.ui.jobs.BackgroundWork;
import org.visualsearch.ui.jobs.JobOutcome;
import org.visualsearch.ui.jobs.JobViewModel;
import org.visualsearch.ui.search.SearchViewModel;

/**
 * The gallery database as the window shows it: folders, problems, the models to choose from, the
 * status line's index state, and the jobs on it (index, add and remove folders, switch the model,
 * get the sample gallery), all run by the one {@link #runJob job runner} with progress, Pause and
 * Cancel. Use from the FX thread.
 */
public final class LibraryViewModel {
    private static final System.Logger LOG = System.getLogger(LibraryViewModel.class.getName());

    private final JobViewModel jobs;
    private final Executor reads;
    private final SearchViewModel search;
    private final ObjectProperty<GallerySession> session = new SimpleObjectProperty<>();
    private final StringProperty indexState = new SimpleStringProperty("starting…");
    private final ObservableList<Folder> folders = FXCollections.observableArrayList();
    private final ObservableList<Problem> problems = FXCollections.observableArrayList();
    private final ObservableList<ModelChoice> models = FXCollections.observableArrayList();
    private final ObjectProperty<ModelChoice> currentModel = new SimpleObjectProperty<>();
    private final ObservableList<Folder> foldersView = FXCollections.unmodifiableObservableList(folders);
    private final ObservableList<Problem> problemsView = FXCollections.unmodifiableObservableList(problems);
    private final ObservableList<ModelChoice> modelsView = FXCollections.unmodifiableObservableList(models);
    private final BooleanBinding available = session.isNotNull();
    private final List<Path> pendingFolders = new ArrayList<>();

    /**
     * @param jobs   runs the work, one job at a time
     * @param reads  where database reads after a job run (the job thread: after the work in progress)
     * @param search gets the gallery as it changes, and the messages of failed jobs
     */
    public LibraryViewModel(JobViewModel jobs, Executor reads, SearchViewModel search) {
        this.jobs = Objects.requireNonNull(jobs);
        this.reads = Objects.requireNonNull(reads);
        this.search = Objects.requireNonNull(search);
    }

    /** Shows this session's database (null: none behind the window). Does not touch the search. */
    public void setSession(GallerySession newSession, String newIndexState) {
        session.set(newSession);
        indexState.set(newIndexState);
        if (newSession != null) {
            models.setAll(newSession.models());
            currentModel.set(newSession.currentModel());
            refresh();
        } else {
            models.clear();
            currentModel.set(null);
            folders.clear();
            problems.clear();
        }
    }

    /** Sets the status line's index state (e.g. "not loaded"). */
    public void setIndexState(String state) {
        indexState.set(state);
    }

    // ---- the jobs --------------------------------------------------------------------------------

    /**
     * The one job runner of the window: runs {@code work} with the index state {@code busyState}
     * while it runs (null: unchanged). A failure restores the previous state and shows its
     * message; warnings of a finished job show as a message too. Then {@code onEnd} gets the
     * outcome, and folders dropped meanwhile are added. Returns false when another job runs.
     */
    public <T> boolean runJob(String title, String busyState, BackgroundWork<T> work, Consumer<JobOutcome<T>> onEnd) {
        String before = indexState.get();
        boolean started = jobs.start(title, work, outcome -> {
            if (outcome instanceof JobOutcome.Failed<T> failed) {
                if (busyState != null) {
                    indexState.set(before);
                }
                search.reportError(failed.message());
            } else if (outcome instanceof JobOutcome.Done<T> done && !done.warnings().isEmpty()) {
                search.reportError(String.join(" ", done.warnings()));
            }
            onEnd.accept(outcome);
            Platform.runLater(this::startPendingFolders);
        });
        if (started && busyState != null) {
            indexState.set(busyState);
        }
        return started;
    }

    /** Indexes what is new or changed in every folder, with progress, Pause and Cancel. */
    public boolean updateIndex() {
        GallerySession library = session.get();
        if (library == null) {
            return false;
        }
        return runLibraryJob("Indexing your photos", library, interim -> sink -> library.update(sink, interim));
    }

    /**
     * Adds folders to the database and indexes them; while another job runs they wait for it.
     * Returns false when there is no database.
     */
    public boolean addFolders(List<Path> newFolders) {
        GallerySession library = session.get();
        if (library == null) {
            search.reportError("Adding folders needs the gallery database, which is not loaded.");
            return false;
        }
        if (newFolders.isEmpty()) {
            return false;
        }
        if (jobs.runningProperty().get()) {
            pendingFolders.addAll(newFolders);
            indexState.set(pendingFolders.size() + " folder" + (pendingFolders.size() == 1 ? "" : "s")
                    + " waiting to be added");
            return true;
        }
        List<Path> adding = List.copyOf(newFolders);
        String title = adding.size() == 1
                ? "Adding “" + (adding.get(0).getFileName() == null ? adding.get(0) : adding.get(0).getFileName()) + "”"
                : "Adding " + adding.size() + " folders";
        return runLibraryJob(title, library, interim -> sink -> library.addFolders(adding, sink, interim));
    }

    /** Removes a folder from the database (its photos stay on disk). */
    public boolean removeFolder(Path folder) {
        GallerySession library = session.get();
        if (library == null) {
            return false;
        }
        if (jobs.runningProperty().get()) {
            search.reportError("Wait for “" + jobs.titleProperty().get()
                    + "” to finish (or cancel it) before removing a folder.");
            return false;
        }
        return runLibraryJob("Removing “" + folder.getFileName() + "”", library,
                interim -> sink -> library.removeFolder(folder));
    }

    /** A switched model: its session and what it has indexed, both read off the FX thread. */
    public record SwitchedModel(GallerySession session, LibrarySnapshot snapshot) {
    }

    /**
     * Switches to another model: loads it and embeds what it is missing (with progress, Pause and
     * Cancel); {@code install} then gets it on the FX thread. Cancelled or failed: the current model stays.
     */
    public boolean switchModel(ModelChoice choice, Consumer<SwitchedModel> install) {
        GallerySession library = session.get();
        if (library == null || choice == null || choice.equals(currentModel.get())) {
            return false;
        }
        if (jobs.runningProperty().get()) {
            search.reportError("Wait for “" + jobs.titleProperty().get()
                    + "” to finish (or cancel it) before switching the model.");
            return false;
        }
        String before = indexState.get();
        return runJob("Switching to " + choice.label(), "switching to " + choice.label() + "…", sink -> {
            GallerySession next = library.switchModel(choice, sink);
            return new SwitchedModel(next, next.snapshot());
        }, outcome -> {
            if (outcome instanceof JobOutcome.Done<SwitchedModel> done) {
                install.accept(done.value());
            } else {
                indexState.set(before);
            }
        });
    }

    /** A job on the database that may publish interim snapshots while it runs. */
    @FunctionalInterface
    private interface LibraryWork {
        BackgroundWork<LibrarySnapshot> with(Consumer<LibrarySnapshot> interim);
    }

    private boolean runLibraryJob(String title, GallerySession library, LibraryWork work) {
        Consumer<LibrarySnapshot> interim = snapshot -> Platform.runLater(() -> {
            if (session.get() == library && jobs.runningProperty().get()) {
                apply(snapshot, false);
            }
        });
        return runJob(title, title.toLowerCase(Locale.ROOT) + "…", work.with(interim), outcome -> {
            if (outcome instanceof JobOutcome.Done<LibrarySnapshot> done) {
                if (session.get() == library) {
                    apply(done.value(), true);
                }
            } else {
                // shows what the cancelled or failed run committed; the rest is done on the next run
                refresh(outcome instanceof JobOutcome.Cancelled
                        ? "indexing cancelled: it goes on where it stopped next time" : null);
            }
        });
    }

    /**
     * Runs work that ends with a new gallery for the current model (e.g. getting the sample
     * gallery), with progress and Cancel; the result replaces the searched gallery.
     */
    public boolean runGalleryJob(String title, BackgroundWork<IndexedGallery> work) {
        String before = indexState.get();
        String busy = title.toLowerCase(Locale.ROOT);
        return runJob(title, busy + "…", work, outcome -> {
            if (outcome instanceof JobOutcome.Done<IndexedGallery> done) {
                search.setGallery(done.value());
                indexState.set("index ready");
                refresh();
            } else if (outcome instanceof JobOutcome.Cancelled) {
                indexState.set(before + " (" + busy + " cancelled)");
            }
        });
    }

    private void startPendingFolders() {
        if (!pendingFolders.isEmpty() && !jobs.runningProperty().get()) {
            List<Path> waiting = List.copyOf(pendingFolders);
            pendingFolders.clear();
            addFolders(waiting);
        }
    }

    // ---- reading the database ---------------------------------------------------------------------

    /** Reloads gallery, folders and problems from the database, after any work in progress. */
    public void refresh() {
        refresh(null);
    }

    /** Like {@link #refresh()}, with the status line's index state {@code state} when not null. */
    private void refresh(String state) {
        GallerySession library = session.get();
        if (library == null) {
            return;
        }
        try {
            reads.execute(() -> {
                try {
                    LibrarySnapshot snapshot = library.snapshot();
                    Platform.runLater(() -> {
                        if (session.get() == library) {
                            boolean idle = !jobs.runningProperty().get();
                            apply(snapshot, idle);
                            if (idle && state != null) {
                                indexState.set(state);
                            }
                        }
                    });
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "cannot read the gallery database", e);
                }
            });
        } catch (RejectedExecutionException e) {
            // closing
        }
    }

    private void apply(LibrarySnapshot snapshot, boolean finished) {
        IndexedGallery shown = search.galleryProperty().get();
        IndexedGallery next = snapshot.gallery();
        if (shown == null || shown.size() != next.size() || !shown.model().equals(next.model())
                || !shown.entries().equals(next.entries())) {
            search.setGallery(next);
        }
        folders.setAll(snapshot.folders());
        problems.setAll(snapshot.problems());
        if (finished) {
            indexState.set(snapshot.indexState());
        }
    }

    // ---- what the views show -------------------------------------------------------------------

    /** The session behind the window, or null. */
    public ReadOnlyObjectProperty<GallerySession> sessionProperty() {
        return session;
    }

    /** Whether a gallery database is behind the window (folders, problems, models). */
    public BooleanBinding availableProperty() {
        return available;
    }

    /** One short line for the status bar, e.g. "index up to date". */
    public ReadOnlyStringProperty indexStateProperty() {
        return indexState;
    }

    /** The database's folders, sorted by path. */
    public ObservableList<Folder> folders() {
        return foldersView;
    }

    /** Files that could not be indexed, with their reasons. */
    public ObservableList<Problem> problems() {
        return problemsView;
    }

    /** Models to choose from. */
    public ObservableList<ModelChoice> models() {
        return modelsView;
    }

    public ReadOnlyObjectProperty<ModelChoice> currentModelProperty() {
        return currentModel;
    }

    /** The job runner (e.g. whether a job runs, to disable what would start another). */
    public JobViewModel jobs() {
        return jobs;
    }
}
