package org.visualsearch.ui;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import org.visualsearch.core.common.StartupTrace;
import org.visualsearch.app.GallerySession;
import org.visualsearch.app.ModelChoice;
import org.visualsearch.app.ProgressSink;
import org.visualsearch.core.search.IndexedGallery;
import org.visualsearch.core.image.ImageLoader;
import org.visualsearch.core.model.ImageEmbedder;
import org.visualsearch.ui.credits.CreditsSource;
import org.visualsearch.ui.gallery.ThumbnailCache;
import org.visualsearch.ui.jobs.JobOutcome;
import org.visualsearch.ui.jobs.JobViewModel;
import org.visualsearch.ui.library.LibraryViewModel;
import org.visualsearch.ui.search.SearchViewModel;

/**
 * The window's composition root: owns the threads, the view-models (search, jobs, library) and
 * the services from the core, and hands each view-model the plain inputs it needs. A new view's
 * view-model takes {@link #galleryProperty()}, {@link #embedderProperty()}, {@link #thumbnails()},
 * {@link #jobs()} or {@link #backgroundExecutor()}: see {@link MainWindow}. Everything here is
 * usable without a window. Call from the FX thread.
 */
public final class AppViewModel implements AutoCloseable {
    private final ExecutorService searchExecutor = Executors.newSingleThreadExecutor(daemon("vss-search"));
    private final ExecutorService jobExecutor = Executors.newSingleThreadExecutor(daemon("vss-job"));
    // projections for the map: CPU only, beside the search and the library's jobs
    private final ExecutorService analysisExecutor = Executors.newSingleThreadExecutor(daemon("vss-analysis"));
    private final ExecutorService thumbnailExecutor = Executors.newFixedThreadPool(2, daemon("vss-thumbnail"));

    private final SearchViewModel search = new SearchViewModel(searchExecutor, new ImageLoader());
    private final JobViewModel jobs = new JobViewModel(jobExecutor);
    private final LibraryViewModel library = new LibraryViewModel(jobs, jobExecutor, search);
    // A screen shows a few dozen tiles; 48 MB keeps several screens of 256 x 192 thumbnails (was
    // 4,000 thumbnails, up to ~750 MB of images after scrolling through a large gallery).
    private final ThumbnailCache thumbnails = new ThumbnailCache(thumbnailExecutor, 4_000, 48L << 20);
    private final ObjectProperty<AppServices> services = new SimpleObjectProperty<>();
    private final StringProperty loadProblem = new SimpleStringProperty();
    private final StringProperty loadProblemTitle = new SimpleStringProperty();
    private final StringProperty fallbackLabel = new SimpleStringProperty();
    private final BooleanBinding sampleGalleryAvailable =
            Bindings.createBooleanBinding(() -> services.get() != null && services.get().sampleGallery() != null, services);
    private Callable<AppServices> fallback;

    /** Installs what the core built; replaces any previous model (and closes it). */
    public void install(AppServices newServices) {
        AppServices old = services.get();
        boolean recovered = loadProblem.get() != null;
        services.set(newServices);
        thumbnails.setSource(newServices.thumbnails());
        search.setModel(newServices.embedder(), newServices.gallery());
        library.setSession(newServices.library(), newServices.indexState());
        loadProblem.set(null);
        loadProblemTitle.set(null);
        fallback = null;
        fallbackLabel.set(null);
        if (recovered) {
            search.dismissError();
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
        // a misspelt vss.* key loads anyway: say so, as the CLI does (a model switch says it through its job)
        java.util.List<String> warnings = newServices.embedder().warnings();
        if (!warnings.isEmpty()) {
            search.reportError(String.join(" ", warnings));
        }
        StartupTrace.mark("model and gallery in the window: " + newServices.gallery().size() + " photos searchable");
        boolean started = library.updateIndex();
        if (StartupTrace.enabled() && started) {
            jobs.runningProperty().addListener(new javafx.beans.value.ChangeListener<Boolean>() {
                @Override
                public void changed(javafx.beans.value.ObservableValue<? extends Boolean> obs, Boolean was, Boolean now) {
                    if (!now) {
                        obs.removeListener(this);
                        javafx.application.Platform.runLater(() -> { // after the job's outcome is applied
                            StartupTrace.mark("index up to date: " + search.galleryProperty().get().size()
                                    + " photos searchable");
                            if (StartupTrace.exitWhenReady()) {
                                javafx.application.Platform.exit();
                            }
                        });
                    }
                }
            });
        } else if (StartupTrace.exitWhenReady()) {
            javafx.application.Platform.exit();
        }
    }

    /** The model or gallery could not be loaded: the window says so and stays usable. */
    public void loadFailed(String message) {
        loadProblem.set(message);
        library.setIndexState("not loaded");
        search.reportError(message);
    }

    /** Like {@link #loadFailed(String)}, offering the failure's way out (e.g. the baseline model). */
    public void loadFailed(StartupFailure failure) {
        loadFailed(failure.getMessage());
        loadProblemTitle.set(failure.title());
        fallback = failure.fallback();
        fallbackLabel.set(failure.fallbackLabel());
    }

    /** Takes the way out offered by the start-up failure; returns false when there is none. */
    public boolean useFallback() {
        Callable<AppServices> way = fallback;
        if (way == null) {
            return false;
        }
        return library.runJob(fallbackLabel.get(), null, progress -> {
            progress.progress(-1, -1, "Opening…");
            return way.call();
        }, outcome -> {
            if (outcome instanceof JobOutcome.Done<AppServices> done) {
                installAndIndex(done.value());
            }
        });
    }

    /** Switches the model (see {@link LibraryViewModel#switchModel}) and installs it when ready. */
    public boolean switchModel(org.visualsearch.app.ModelChoice choice) {
        CreditsSource credits = credits();
        return library.switchModel(choice, switched ->
                install(AppServices.forSession(switched.session(), switched.snapshot(), credits)));
    }

    /** Downloads and indexes the sample gallery in the background. */
    public boolean downloadSampleGallery() {
        AppServices current = services.get();
        if (current == null || current.sampleGallery() == null) {
            search.reportError("Getting the sample gallery is not available in this build.");
            return false;
        }
        return library.runGalleryJob("Getting the sample gallery", current.sampleGallery()::download);
    }

    /** Imports the sample gallery from a folder the user picked, then indexes it. */
    public boolean importSampleGallery(Path folder) {
        AppServices current = services.get();
        if (current == null || current.sampleGallery() == null) {
            search.reportError("Importing the sample gallery is not available in this build.");
            return false;
        }
        return library.runGalleryJob("Importing the sample gallery",
                progress -> current.sampleGallery().importFrom(folder, progress));
    }

    // ---- the view-models and the inputs of views ----------------------------------------------------

    /** Runs CPU-only analysis (the map's projections) off the FX thread. */
    public java.util.concurrent.Executor analysisExecutor() {
        return analysisExecutor;
    }

    /**
     * Runs work on the library's own thread, one job at a time with indexing and model switches
     * (the comparison embeds with a second model there).
     */
    public java.util.concurrent.Executor libraryExecutor() {
        return jobExecutor;
    }

    /**
     * The gallery as {@code model} embeds it, embedding what is missing (kept); call on the
     * library's thread ({@link #libraryExecutor()}).
     */
    public IndexedGallery galleryFor(ModelChoice model, ProgressSink progress) throws Exception {
        GallerySession session = library.sessionProperty().get();
        if (session == null) {
            throw new IllegalStateException("comparing models needs the gallery database, which is not loaded");
        }
        return session.galleryFor(model, progress);
    }

    public SearchViewModel search() {
        return search;
    }

    /** The job runner: one long job at a time, with progress, Pause and Cancel in the job bar. */
    public JobViewModel jobs() {
        return jobs;
    }

    /** Folders, problems, models and the jobs on the gallery database. */
    public LibraryViewModel library() {
        return library;
    }

    public ThumbnailCache thumbnails() {
        return thumbnails;
    }

    /** The gallery being searched (changes while indexing and when the model switches); null before start-up ends. */
    public ObservableValue<IndexedGallery> galleryProperty() {
        return search.galleryProperty();
    }

    /** The model that embeds queries; null before start-up ends. Call it from one background thread at a time. */
    public ObservableValue<ImageEmbedder> embedderProperty() {
        return search.embedderProperty();
    }

    /**
     * A thread for a view's own background work that may use the model (e.g. embedding for an
     * evaluation): the search thread, so the model is only ever called from one thread. Long work
     * with progress and Cancel goes through {@link #jobs()} instead.
     */
    public Executor backgroundExecutor() {
        return searchExecutor;
    }

    public ReadOnlyObjectProperty<AppServices> servicesProperty() {
        return services;
    }

    /** The session behind the window, or null (tests, the bare baseline). */
    public ReadOnlyObjectProperty<GallerySession> sessionProperty() {
        return library.sessionProperty();
    }

    public CreditsSource credits() {
        AppServices current = services.get();
        return current == null ? CreditsSource.fromWorkingDirectory() : current.credits();
    }

    /** Why the model or gallery could not be loaded, or null. */
    /** What failed at start-up in a few words, or null for the model (the usual case). */
    public ReadOnlyStringProperty loadProblemTitleProperty() {
        return loadProblemTitle;
    }

    public ReadOnlyStringProperty loadProblemProperty() {
        return loadProblem;
    }

    public BooleanBinding sampleGalleryAvailableProperty() {
        return sampleGalleryAvailable;
    }

    /** The start-up failure's way out (button text), or null. */
    public ReadOnlyStringProperty fallbackLabelProperty() {
        return fallbackLabel;
    }

    @Override
    public void close() {
        jobs.cancel();
        AppServices current = services.get();
        jobExecutor.shutdownNow();
        thumbnailExecutor.shutdownNow();
        analysisExecutor.shutdownNow();
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
