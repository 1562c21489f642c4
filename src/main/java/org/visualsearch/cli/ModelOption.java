package org.visualsearch.cli;

import org.visualsearch.core.DefaultLocations;
import org.visualsearch.core.model.EmbeddingException;
import org.visualsearch.core.model.ImageEmbedder;
import org.visualsearch.core.model.ModelCatalog;
import picocli.CommandLine.Option;

/** The {@code --model} option shared by the commands that embed, as a picocli mixin. */
public final class ModelOption {

    @Option(names = "--model", paramLabel = "MODEL", defaultValue = ModelCatalog.DEFAULT,
            description = "Model: a folder under models/ (default: ${DEFAULT-VALUE}), a path to a model folder "
                    + "or TorchScript file, or '" + ModelCatalog.HISTOGRAM + "' for the colour-histogram baseline.")
    String model = ModelCatalog.DEFAULT;

    /** Opens the model; an unloadable one becomes a one-line CLI failure. */
    ImageEmbedder open() {
        try {
            return catalog().open(model);
        } catch (EmbeddingException e) {
            throw new CliException(e.getMessage());
        }
    }

    static ModelCatalog catalog() {
        return new ModelCatalog(DefaultLocations.current().modelsDir());
    }
}
