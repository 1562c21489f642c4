package org.visualsearch.ui.library;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.visualsearch.ui.AppServices;
import org.visualsearch.ui.gallery.ProgressSink;

/**
 * The user's gallery database as the window sees it, for the model currently in use: folders,
 * indexing, problems and the models to choose from. Implemented over the core's
 * {@code GalleryDatabase} and {@code Indexer} by {@link DatabaseLibrary}.
 *
 * <p>Every method may take a while (disk, embedding) and runs on a background thread, one call at
 * a time (the window's job thread); work methods report through {@code progress}, offer
 * Pause/Resume, and stop early when it is cancelled, keeping what they committed.
 */
public interface GalleryLibrary extends AutoCloseable {

    /** What is in the database now for the current model. */
    LibrarySnapshot snapshot();

    /**
     * Brings every folder up to date for the current model (new, changed and deleted files;
     * resumes an interrupted run). {@code interim} gets the gallery as it grows, now and then.
     */
    LibrarySnapshot update(ProgressSink progress, Consumer<LibrarySnapshot> interim) throws Exception;

    /** Adds folders (recursively) to the database and indexes them. */
    LibrarySnapshot addFolders(List<Path> folders, ProgressSink progress, Consumer<LibrarySnapshot> interim)
            throws Exception;

    /** Removes a folder and its entries from the database (the photos stay on disk). */
    LibrarySnapshot removeFolder(Path folder) throws Exception;

    /** The models installed under the models folder, then the colour-histogram baseline. */
    List<ModelChoice> models();

    /** The model this library searches with. */
    ModelChoice currentModel();

    /**
     * Opens another model and embeds what it is missing (the other model's vectors stay), then
     * returns the services to install for it. Cancelled: the current model stays.
     */
    AppServices switchModel(ModelChoice model, ProgressSink progress) throws Exception;

    /**
     * What the Train view needs: the model catalog (bases to train on, where to save) and the
     * database (where backbone features are cached); empty when this library has neither.
     */
    default java.util.Optional<TrainingAccess> training() {
        return java.util.Optional.empty();
    }

    /** The catalog and database behind a library, for training heads. */
    record TrainingAccess(org.visualsearch.core.model.ModelCatalog catalog,
                          org.visualsearch.core.store.GalleryDatabase database) {
    }

    /** Closes the database; call once, when the window closes. */
    @Override
    void close();
}
