package org.visualsearch.ui.gallery;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import org.visualsearch.ui.jobs.JobViewModel;

/**
 * What the gallery area says while it has no photos: loading, the model failed, a job is
 * filling it, or how to get photos (the sample gallery, a folder of one's own).
 */
public final class EmptyGalleryModel {
    private final StringBinding title;
    private final StringBinding text;
    private final BooleanBinding offersVisible;
    private final ObservableBooleanValue sampleAvailable;
    private final ObservableBooleanValue libraryAvailable;
    private final JobViewModel job;

    /**
     * @param loaded           whether start-up has ended (services installed)
     * @param loadProblem      why the model could not be loaded, or null
     * @param job              the job runner (a running job fills the gallery)
     * @param sampleAvailable  whether the sample gallery can be downloaded or imported
     * @param libraryAvailable whether folders of one's own can be added
     */
    public EmptyGalleryModel(ObservableBooleanValue loaded, ObservableStringValue loadProblem, JobViewModel job,
                             ObservableBooleanValue sampleAvailable, ObservableBooleanValue libraryAvailable) {
        this(loaded, loadProblem, new javafx.beans.property.SimpleStringProperty(), job, sampleAvailable,
                libraryAvailable);
    }

    /** @param loadProblemTitle what failed in a few words, or null for "The model could not be loaded" */
    public EmptyGalleryModel(ObservableBooleanValue loaded, ObservableStringValue loadProblem,
                             ObservableStringValue loadProblemTitle, JobViewModel job,
                             ObservableBooleanValue sampleAvailable, ObservableBooleanValue libraryAvailable) {
        this.job = job;
        this.sampleAvailable = sampleAvailable;
        this.libraryAvailable = libraryAvailable;
        title = Bindings.createStringBinding(() -> {
            if (loadProblem.get() != null) {
                return loadProblemTitle.get() != null ? loadProblemTitle.get() : "The model could not be loaded";
            } else if (!loaded.get()) {
                return "Loading the model and the gallery…";
            } else if (job.runningProperty().get()) {
                return job.titleProperty().get() + "…";
            }
            return "No gallery yet";
        }, loaded, loadProblem, loadProblemTitle, job.runningProperty(), job.titleProperty());
        text = Bindings.createStringBinding(() -> {
            if (loadProblem.get() != null) {
                return loadProblem.get();
            } else if (!loaded.get()) {
                // every start takes them, not only the first; a query need not wait for it
                return "This takes a few seconds. You can already drop, open or paste a photo: "
                        + "it is searched as soon as the model is ready.";
            } else if (job.runningProperty().get()) {
                return "The photos appear here as they are indexed. You can pause or cancel below; "
                        + "what is done is kept, and indexing goes on where it stopped next time.";
            } else if (sampleAvailable.get()) {
                return "The sample gallery (100 photos: dogs, vehicles, food, landmarks and clothes) "
                        + "is not on this computer yet. Get it to start searching, or import it from a folder "
                        + "you already have."
                        + (libraryAvailable.get()
                                ? " To search your own photos, add a folder (or drop one on this window)." : "");
            }
            return "There are no photos to search. Getting the sample gallery is not available in "
                    + "this build; see the README to put it in place.";
        }, loaded, loadProblem, job.runningProperty(), sampleAvailable, libraryAvailable);
        offersVisible = Bindings.createBooleanBinding(() -> loaded.get() && !job.runningProperty().get(),
                loaded, job.runningProperty());
    }

    public StringBinding title() {
        return title;
    }

    public StringBinding text() {
        return text;
    }

    /** Whether the ways to get photos show (not while loading or while a job runs). */
    public BooleanBinding offersVisible() {
        return offersVisible;
    }

    /** Whether getting the sample gallery can start now. */
    public BooleanBinding sampleEnabled() {
        return Bindings.createBooleanBinding(() -> sampleAvailable.get() && !job.runningProperty().get(),
                sampleAvailable, job.runningProperty());
    }

    public ObservableBooleanValue libraryAvailable() {
        return libraryAvailable;
    }

    public JobViewModel job() {
        return job;
    }

    /** Why a typed sample-gallery path cannot be imported, or null when it names a folder. */
    public static String importPathProblem(String typed) {
        String text = typed == null ? "" : typed.strip();
        if (text.isEmpty()) {
            return "Type or paste the path of the folder that holds the sample photos.";
        }
        java.nio.file.Path path;
        try {
            path = java.nio.file.Path.of(text);
        } catch (java.nio.file.InvalidPathException e) {
            return "“" + text + "” is not a path.";
        }
        if (!java.nio.file.Files.exists(path)) {
            return "No folder “" + text + "”.";
        }
        if (!java.nio.file.Files.isDirectory(path)) {
            return "“" + text + "” is a file, not a folder.";
        }
        return null;
    }
}
