package org.visualsearch.ui;

import java.nio.file.Path;
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
import org.visualsearch.core.gallery.IndexedGallery;
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
    private final ExecutorService searchExecutor = Executors.newSingleThreadExecutor(daemon("vss-search"));
    private final ExecutorService jobExecutor = Executors.newSingleThreadExecutor(daemon("vss-job"));
    private final ExecutorService thumbnailExecutor = Executors.newFixedThreadPool(2, daemon("vss-thumbnail"));

    private final SearchViewModel search = new SearchViewModel(searchExecutor, new ImageLoader());
    private final JobViewModel job = new JobViewModel(jobExecutor);
    private final ThumbnailCache thumbnails = new ThumbnailCache(thumbnailExecutor, 4_000);
    private final ObjectProperty<AppServices> services = new SimpleObjectProperty<>();
    private final StringProperty indexState = new SimpleStringProperty("starting…");
    private final StringProperty loadProblem = new SimpleStringProperty();
    private final BooleanBinding sampleGalleryAvailable =
            Bindings.createBooleanBinding(() -> services.get() != null && services.get().sampleGallery() != null, services);

    /** Installs what the core built; replaces any previous model (and closes it). */
    public void install(AppServices newServices) {
        AppServices old = services.get();
        services.set(newServices);
        thumbnails.setSource(newServices.thumbnails());
        search.setModel(newServices.embedder(), newServices.gallery());
        indexState.set(newServices.indexState());
        loadProblem.set(null);
        if (old != null && old.embedder() != newServices.embedder()) {
            ImageEmbedder stale = old.embedder();
            searchExecutor.execute(stale::close); // after any search still using it
        }
    }

    /** The model or gallery could not be loaded: the window says so and stays usable. */
    public void loadFailed(String message) {
        loadProblem.set(message);
        indexState.set("not loaded");
        search.reportError(message);
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
        }, message -> {
            indexState.set(before);
            search.reportError(message);
        });
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

    /** Why the model or gallery could not be loaded, or null. */
    public ReadOnlyStringProperty loadProblemProperty() {
        return loadProblem;
    }

    public BooleanBinding sampleGalleryAvailableProperty() {
        return sampleGalleryAvailable;
    }

    @Override
    public void close() {
        job.cancel();
        AppServices current = services.get();
        if (current != null) {
            searchExecutor.execute(current.embedder()::close);
        }
        searchExecutor.shutdown();
        jobExecutor.shutdownNow();
        thumbnailExecutor.shutdownNow();
        try {
            searchExecutor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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
