package org.visualsearch.app;

import java.nio.file.Path;
import java.util.List;
import org.visualsearch.core.model.ModelCatalog;
import org.visualsearch.core.store.GalleryDatabase;
import org.visualsearch.core.training.TrainingOptions;
import org.visualsearch.core.training.TrainingRun;
import org.visualsearch.core.model.Backbone;

/**
 * The training use-case of a session: the catalog (bases to train on, where heads are saved) and
 * the session's database (where backbone features are cached), so that the window never holds the
 * store itself.
 */
public final class HeadTraining {
    private final ModelCatalog catalog;
    private final GalleryDatabase db;

    public HeadTraining(ModelCatalog catalog, GalleryDatabase db) {
        this.catalog = catalog;
        this.db = db;
    }

    public ModelCatalog catalog() {
        return catalog;
    }

    /** A run over the session's feature cache; start it with {@link TrainingRun#run}. */
    public TrainingRun newRun(Backbone backbone, List<Path> folders, TrainingOptions options) {
        return new TrainingRun(db, backbone, folders, options);
    }
}
