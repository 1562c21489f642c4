package org.visualsearch.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.visualsearch.core.model.ImageEmbedder;
import org.visualsearch.core.model.ModelCatalog;
import org.visualsearch.core.search.IndexedGallery;
import org.visualsearch.core.store.GalleryDatabase;

/**
 * The model jobs of a {@link GallerySession}: which models there are, and opening another one with
 * what it is missing embedded first (its vectors are kept beside the other models').
 */
final class ModelSwitching {
    private final GalleryDatabase db;
    private final ModelCatalog catalog;
    private final FolderIndexing indexing;

    ModelSwitching(GalleryDatabase db, ModelCatalog catalog, FolderIndexing indexing) {
        this.db = db;
        this.catalog = catalog;
        this.indexing = indexing;
    }

    /** See {@link GallerySession#choiceOf}. */
    static ModelChoice choiceOf(ModelCatalog catalog, String key) {
        if (ModelChoice.HISTOGRAM.key().equalsIgnoreCase(key)) {
            return ModelChoice.HISTOGRAM;
        }
        return choiceFor(catalog.resolve(key));
    }

    /** See {@link GallerySession#choiceFor}. */
    static ModelChoice choiceFor(Path folder) {
        String key = folder.getFileName().toString();
        return new ModelChoice(key, ModelCatalog.DEFAULT.equals(key) ? "Default model" : key);
    }

    /** The models installed under the models folder, then the colour-histogram baseline. */
    List<ModelChoice> models() {
        List<ModelChoice> models = new ArrayList<>();
        for (Path folder : catalog.installed()) {
            models.add(choiceFor(folder));
        }
        models.add(ModelChoice.HISTOGRAM);
        return models;
    }

    /**
     * Opens {@code model} and embeds what it is missing; the caller closes the embedder.
     * Cancelled or failed: throws, and the embedder is closed.
     *
     * @throws CancellationException when cancelled (what was embedded stays)
     */
    ImageEmbedder openIndexed(ModelChoice model, ProgressSink progress) throws Exception {
        progress.progress(-1, -1, "Loading " + model.label() + "…");
        ImageEmbedder next = catalog.open(model.key());
        next.warnings().forEach(progress::warn); // the CLI prints them; the window shows the job's warnings
        boolean handedOver = false;
        try {
            indexing.indexAll(next, progress);
            handedOver = true;
            return next;
        } finally {
            if (!handedOver) {
                next.close();
            }
        }
    }

    /** The gallery as {@code model} embeds it, embedding what it is missing first; the model is closed after. */
    IndexedGallery galleryFor(ModelChoice model, ProgressSink progress) throws Exception {
        try (ImageEmbedder other = openIndexed(model, progress)) {
            return db.loadGallery(other.info());
        }
    }
}
