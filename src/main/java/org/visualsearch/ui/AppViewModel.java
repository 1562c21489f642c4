package org.visualsearch.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.visualsearch.core.store.Folder;
import org.visualsearch.core.store.Problem;
import org.visualsearch.ui.gallery.ProgressSink;
import org.visualsearch.ui.library.GalleryLibrary;
import org.visualsearch.ui.library.LibrarySnapshot;
import org.visualsearch.ui.library.ModelChoice;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.visualsearch.core.search.IndexedGallery;
import org.visualsearch.core.image.ImageLoader;
import org.visualsearch.core.model.ImageEmbedder;
import org.visualsearch.ui.credits.CreditsSource;
import org.visualsearch.ui.gallery.ThumbnailCache;
import org.visualsearch.ui.jobs.BackgroundWork;
import org.visualsearch.ui.jobs.JobViewModel;
import org.visualsearch.ui.search.SearchViewModel;

/**
 * The window's controller: owns the search, the background job (sample gallery, indexing), the
 * thumbnail cache and the services from the core. Everything here is usable without a window.
 * Call from the FX thread.
 */
public final class AppViewModel implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(AppViewModel.class.getName());
    private final ExecutorService searchExecutor = Executors.newSingleThreadExecutor(daemon("vss-search"));
    private final ExecutorService jobExecutor = Executors.newSingleThreadExecutor(daemon("vss-job"));
    private final ExecutorService thumbnailExecutor = Executors.newFixedThreadPool(2, daemon("vss-thumbnail"));

    private final SearchViewModel search = new SearchViewModel(searchExecutor, new ImageLoader());
    private final JobViewModel job = new JobViewModel(jobExecutor);
    // A screen shows a few dozen tiles; 48 MB keeps several screens of 256 x 192 thumbnails (was
    // 4,000 thumbnails, up to ~750 MB of images after scrolling through a large gallery).
    private final ThumbnailCache thumbnails = new ThumbnailCache(thumbnailExecutor, 4_000, 48L << 20);
    private final ObjectProperty<AppServices> services = new SimpleObjectProperty<>();
    private final StringProperty indexState = new SimpleStringProperty("starting…");
    private final StringProperty loadProblem = new SimpleStringProperty();
    private final BooleanBinding sampleGalleryAvailable =
            Bindings.createBooleanBinding(() -> services.get() != null && services.get().sampleGallery() != null, services);
    /** The status bar's model text: name and dimension, loading, or that none could be loaded. */
    private final StringBinding modelStatus = Bindings.createStringBinding(
            () -> search.embedderProperty().get() == null && loadProblem.get() != null
                    ? "No model loaded" : search.modelDescription(),
            search.embedderProperty(), loadProblem);
    private final BooleanBinding libraryAvailable =
            Bindings.createBooleanBinding(() -> services.get() != null && services.get().library() != null, services);
    private final ObservableList<Folder> folders = FXCollections.observableArrayList();
    private final ObservableList<Problem> problems = FXCollections.observableArrayList();
    private final ObservableList<ModelChoice> models = FXCollections.observableArrayList();
    private final ObjectProperty<ModelChoice> currentModel = new SimpleObjectProperty<>();
    private final StringProperty fallbackLabel = new SimpleStringProperty();
    private final ObservableList<Folder> foldersView = FXCollections.unmodifiableObservableList(folders);
    private final ObservableList<Problem> problemsView = FXCollections.unmodifiableObservableList(problems);
    private final ObservableList<ModelChoice> modelsView = FXCollections.unmodifiableObservableList(models);
    private final List<Path> pendingFolders = new ArrayList<>();
    private Callable<AppServices> fallback;

    /** Installs what the core built; replaces any previous model (and closes it). */
    public void install(AppServices newServices) {
        AppServices old = services.get();
        boolean recovered = loadProblem.get() != null;
        services.set(newServices);
        thumbnails.setSource(newServices.thumbnails());
        search.setModel(newServices.embedder(), newServices.gallery());
        indexState.set(newServices.indexState());
        loadProblem.set(null);
        fallback = null;
        fallbackLabel.set(null);
        if (recovered) {
            search.dismissError();
        }
        GalleryLibrary library = newServices.library();
        if (library != null) {
            models.setAll(library.models());
            currentModel.set(library.currentModel());
            refreshLibrary();
        } else {
            models.clear();
            currentModel.set(null);
            folders.clear();
            problems.clear();
        }
        if (old != null && old.embedder() != newServices.embedder()) {
            ImageEmbedder stale = old.embedder();
            searchExecutor.execute(stale::close); // after any search still using it
        }
    }

    /**
     * Installs the services and brings the gallery database up to date in the background (the
     * start-up path: the window shows what is indexed at once; an interrupted run resumes).
     */
    public void installAndIndex(AppServices newServices) {
        install(newServices);
        updateIndex();
    }

    /** The model or gallery could not be loaded: the window says so and stays usable. */
    public void loadFailed(String message) {
        loadProblem.set(message);
        indexState.set("not loaded");
        search.reportError(message);
    }

    /** Like {@link #loadFailed(String)}, offering the failure's way out (e.g. the baseline model). */
    public void loadFailed(StartupFailure failure) {
        loadFailed(failure.getMessage());
        fallback = failure.fallback();
        fallbackLabel.set(failure.fallbackLabel());
    }

    /** Takes the way out offered by the start-up failure; returns false when there is none. */
    public boolean useFallback() {
        Callable<AppServices> way = fallback;
        if (way == null) {
            return false;
        }
        return job.start(fallbackLabel.get(), progress -> {
            progress.progress(-1, -1, "Opening…");
            return way.call();
        }, this::installAndIndex, search::reportError);
    }

    // ---- the gallery database -------------------------------------------------------------------

    /** Indexes what is new or changed in every folder, with progress, Pause and Cancel. */
    public boolean updateIndex() {
        GalleryLibrary library = library();
        if (library == null) {
            return false;
        }
        return runLibraryJob("Indexing your photos", library, (lib, sink, interim) -> lib.update(sink, interim));
    }

    /**
     * Adds folders to the database and indexes them; while another job runs they wait for it.
     * Returns false when there is no database.
     */
    public boolean addFolders(List<Path> newFolders) {
        GalleryLibrary library = library();
        if (library == null) {
            search.reportError("Adding folders needs the gallery database, which is not loaded.");
            return false;
        }
        if (newFolders.isEmpty()) {
            return false;
        }
        if (job.runningProperty().get()) {
            pendingFolders.addAll(newFolders);
            indexState.set(pendingFolders.size() + " folder" + (pendingFolders.size() == 1 ? "" : "s")
                    + " waiting to be added");
            return true;
        }
        List<Path> adding = List.copyOf(newFolders);
        String title = adding.size() == 1
                ? "Adding “" + (adding.get(0).getFileName() == null ? adding.get(0) : adding.get(0).getFileName()) + "”"
                : "Adding " + adding.size() + " folders";
        return runLibraryJob(title, library, (lib, sink, interim) -> lib.addFolders(adding, sink, interim));
    }

    /** Removes a folder from the database (its photos stay on disk). */
    public boolean removeFolder(Path folder) {
        GalleryLibrary library = library();
        if (library == null) {
            return false;
        }
        if (job.runningProperty().get()) {
            search.reportError("Wait for “" + job.titleProperty().get() + "” to finish (or cancel it) before removing a folder.");
            return false;
        }
        return runLibraryJob("Removing “" + folder.getFileName() + "”", library,
                (lib, sink, interim) -> lib.removeFolder(folder));
    }

    /**
     * Switches to another model: loads it and embeds what it is missing (with progress, Pause and
     * Cancel), then searches with it. Cancelled or failed: the current model stays.
     */
    public boolean switchModel(ModelChoice choice) {
        GalleryLibrary library = library();
        if (library == null || choice == null || choice.equals(currentModel.get())) {
            return false;
        }
        if (job.runningProperty().get()) {
            search.reportError("Wait for “" + job.titleProperty().get() + "” to finish (or cancel it) before switching the model.");
            return false;
        }
        String before = indexState.get();
        boolean started = job.start("Switching to " + choice.label(), sink -> library.switchModel(choice, sink),
                this::install, message -> {
                    indexState.set(before);
                    search.reportError(message);
                });
        if (started) {
            indexState.set("switching to " + choice.label() + "…");
            whenJobEnds(ok -> {
                if (!ok) {
                    indexState.set(before);
                }
            });
        }
        return started;
    }

    /** A step of work on the library that may publish interim snapshots. */
    @FunctionalInterface
    private interface LibraryWork {
        LibrarySnapshot run(GalleryLibrary library, ProgressSink progress, Consumer<LibrarySnapshot> interim)
                throws Exception;
    }

    private boolean runLibraryJob(String title, GalleryLibrary library, LibraryWork work) {
        String before = indexState.get();
        Consumer<LibrarySnapshot> interim = snapshot -> Platform.runLater(() -> {
            if (library() == library && job.runningProperty().get()) {
                applySnapshot(snapshot, false);
            }
        });
        boolean started = job.start(title, sink -> work.run(library, sink, interim), snapshot -> {
            if (library() == library) {
                applySnapshot(snapshot, true);
            }
        }, message -> {
            indexState.set(before);
            search.reportError(message);
        }, search::reportError);
        if (started) {
            indexState.set(title.toLowerCase(java.util.Locale.ROOT) + "…");
            whenJobEnds(ok -> {
                if (!ok) {
                    // shows what the cancelled or failed run committed; the rest is done on the next run
                    boolean cancelled = job.messageProperty().get().endsWith(": cancelled");
                    refreshLibrary(cancelled ? "indexing cancelled: it goes on where it stopped next time" : null);
                }
            });
        }
        return started;
    }

    /** Calls {@code then} on the FX thread once the running job ends, with whether it succeeded; then starts waiting folders. */
    private void whenJobEnds(Consumer<Boolean> then) {
        String doneMessage = job.titleProperty().get() + ": done";
        job.runningProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Boolean> obs, Boolean was, Boolean now) {
                if (!now) {
                    obs.removeListener(this);
                    then.accept(doneMessage.equals(job.messageProperty().get()));
                    Platform.runLater(AppViewModel.this::startPendingFolders);
                }
            }
        });
    }

    private void startPendingFolders() {
        if (!pendingFolders.isEmpty() && !job.runningProperty().get()) {
            List<Path> waiting = List.copyOf(pendingFolders);
            pendingFolders.clear();
            addFolders(waiting);
        }
    }

    /** Reloads gallery, folders and problems from the database, after any work in progress. */
    public void refreshLibrary() {
        refreshLibrary(null);
    }

    /** Like {@link #refreshLibrary()}, with the status line's index state {@code state} when not null. */
    private void refreshLibrary(String state) {
        GalleryLibrary library = library();
        if (library == null) {
            return;
        }
        try {
            jobExecutor.execute(() -> {
                try {
                    LibrarySnapshot snapshot = library.snapshot();
                    Platform.runLater(() -> {
                        if (library() == library) {
                            boolean idle = !job.runningProperty().get();
                            applySnapshot(snapshot, idle);
                            if (idle && state != null) {
                                indexState.set(state);
                            }
                        }
                    });
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "cannot read the gallery database", e);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // closing
        }
    }

    private void applySnapshot(LibrarySnapshot snapshot, boolean final_) {
        IndexedGallery shown = search.galleryProperty().get();
        IndexedGallery next = snapshot.gallery();
        if (shown == null || shown.size() != next.size() || !shown.model().equals(next.model())
                || !shown.entries().equals(next.entries())) {
            search.setGallery(next);
        }
        folders.setAll(snapshot.folders());
        problems.setAll(snapshot.problems());
        if (final_) {
            indexState.set(snapshot.indexState());
        }
    }

    private GalleryLibrary library() {
        AppServices current = services.get();
        return current == null ? null : current.library();
    }

    /** Downloads and indexes the sample gallery in the background. */
    public boolean downloadSampleGallery() {
        AppServices current = services.get();
        if (current == null || current.sampleGallery() == null) {
            search.reportError("Getting the sample gallery is not available in this build.");
            return false;
        }
        return runGalleryJob("Getting the sample gallery", current.sampleGallery()::download);
    }

    /** Imports the sample gallery from a folder the user picked, then indexes it. */
    public boolean importSampleGallery(Path folder) {
        AppServices current = services.get();
        if (current == null || current.sampleGallery() == null) {
            search.reportError("Importing the sample gallery is not available in this build.");
            return false;
        }
        return runGalleryJob("Importing the sample gallery", progress -> current.sampleGallery().importFrom(folder, progress));
    }

    /**
     * Runs work that ends with a new gallery for the current model (indexing, adding a folder,
     * an import), with progress and Cancel in the window; the result replaces the searched gallery.
     */
    public boolean runGalleryJob(String title, BackgroundWork<IndexedGallery> work) {
        String before = indexState.get();
        boolean started = job.start(title, work, gallery -> {
            search.setGallery(gallery);
            indexState.set("index ready");
            refreshLibrary();
        }, message -> {
            indexState.set(before);
            search.reportError(message);
        }, search::reportError);
        if (started) {
            indexState.set(title.toLowerCase() + "…");
            job.runningProperty().addListener(new javafx.beans.value.ChangeListener<>() {
                @Override
                public void changed(javafx.beans.value.ObservableValue<? extends Boolean> obs, Boolean was, Boolean now) {
                    if (!now) {
                        obs.removeListener(this);
                        if (indexState.get().endsWith("…")) {
                            indexState.set(before + " (" + title.toLowerCase() + " cancelled)");
                        }
                    }
                }
            });
        }
        return started;
    }

    public SearchViewModel search() {
        return search;
    }

    public JobViewModel job() {
        return job;
    }

    public ThumbnailCache thumbnails() {
        return thumbnails;
    }

    public ReadOnlyObjectProperty<AppServices> servicesProperty() {
        return services;
    }

    public CreditsSource credits() {
        AppServices current = services.get();
        return current == null ? CreditsSource.fromWorkingDirectory() : current.credits();
    }

    public ReadOnlyStringProperty indexStateProperty() {
        return indexState;
    }

    public StringBinding modelStatusProperty() {
        return modelStatus;
    }

    /** Why the model or gallery could not be loaded, or null. */
    public ReadOnlyStringProperty loadProblemProperty() {
        return loadProblem;
    }

    public BooleanBinding sampleGalleryAvailableProperty() {
        return sampleGalleryAvailable;
    }

    /** Whether a gallery database is behind the window (folders, problems, models). */
    public BooleanBinding libraryAvailableProperty() {
        return libraryAvailable;
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

    /** The start-up failure's way out (button text), or null. */
    public ReadOnlyStringProperty fallbackLabelProperty() {
        return fallbackLabel;
    }

    @Override
    public void close() {
        job.cancel();
        AppServices current = services.get();
        jobExecutor.shutdownNow();
        thumbnailExecutor.shutdownNow();
        try {
            // The indexer commits what it has and stops before the model it embeds with is closed:
            // an embed after the close would fail and be stored as a problem with that photo.
            jobExecutor.awaitTermination(5, TimeUnit.SECONDS);
            if (current != null) {
                searchExecutor.execute(current.embedder()::close);
            }
            searchExecutor.shutdown();
            searchExecutor.awaitTermination(2, TimeUnit.SECONDS);
            thumbnailExecutor.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (current != null && current.library() != null) {
            current.library().close();
        }
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            thread.setPriority(Thread.NORM_PRIORITY - 1);
            return thread;
        };
    }
}
