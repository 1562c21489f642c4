package org.visualsearch.cli;

import org.visualsearch.app.GallerySession;
import org.visualsearch.app.SampleGallery;
import org.visualsearch.core.DefaultLocations;
import org.visualsearch.core.gallery.EarlyPhotos;
import org.visualsearch.core.model.EmbeddingException;
import org.visualsearch.core.model.ImageEmbedder;
import org.visualsearch.core.model.ModelCatalog;
import org.visualsearch.core.model.TorchScriptEmbedder;
import org.visualsearch.core.sampledb.SampleManifest;
import org.visualsearch.core.store.GalleryDatabase;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The {@code --model} option shared by the commands that embed, as a picocli mixin. */
public final class ModelOption {

    @Option(names = "--model", paramLabel = "MODEL", defaultValue = ModelCatalog.DEFAULT,
            description = "Model: a folder under models/ (default: ${DEFAULT-VALUE}), a path to a model folder "
                    + "or TorchScript file, or '" + ModelCatalog.HISTOGRAM + "' for the colour-histogram baseline.")
    String model = ModelCatalog.DEFAULT;

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    /**
     * Opens the model; an unloadable one becomes a one-line CLI failure. What its descriptor says
     * that the app ignores (a misspelt key) is a warning on stderr.
     */
    ImageEmbedder open() {
        return open(catalog());
    }

    private ImageEmbedder open(ModelCatalog catalog) {
        ImageEmbedder embedder;
        try {
            embedder = catalog.open(model);
        } catch (EmbeddingException e) {
            throw new CliException(e.getMessage());
        }
        if (embedder instanceof TorchScriptEmbedder torch && mixee != null) {
            for (String warning : torch.descriptor().warnings()) {
                mixee.commandLine().getErr().println("warning: " + warning);
            }
        }
        return embedder;
    }

    /**
     * A session on {@code db} with this model opened; the caller closes its embedder. The sample
     * folder is the default one, so a new database starts with it as the app's does.
     */
    GallerySession session(GalleryDatabase db) {
        return session(db, null);
    }

    /**
     * As {@link #session(GalleryDatabase)}, for a command that indexes {@code gallery} (or the
     * database's folders, for null): its first photos are decoded while the model loads.
     */
    GallerySession session(GalleryDatabase db, java.nio.file.Path gallery) {
        ModelCatalog catalog = catalog();
        EarlyPhotos early = GallerySession.prepareWhileModelLoads(db, catalog, model, gallery);
        ImageEmbedder embedder;
        try {
            embedder = open(catalog);
        } catch (RuntimeException e) {
            early.close();
            throw e;
        }
        return new GallerySession(db, catalog, embedder, GallerySession.choiceOf(catalog, model),
                new SampleGallery(DefaultLocations.current().sampleGalleryDir(), SampleManifest.bundled(), null), null)
                .preparedEarly(early);
    }

    static ModelCatalog catalog() {
        DefaultLocations locations = DefaultLocations.current();
        return new ModelCatalog(locations.modelsDir(), locations.userModelsDir());
    }
}
