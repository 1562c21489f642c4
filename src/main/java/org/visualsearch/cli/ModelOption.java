package org.visualsearch.cli;

import org.visualsearch.core.DefaultLocations;
import org.visualsearch.core.model.EmbeddingException;
import org.visualsearch.core.model.ImageEmbedder;
import org.visualsearch.core.model.ModelCatalog;
import org.visualsearch.core.model.TorchScriptEmbedder;
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
        ImageEmbedder embedder;
        try {
            embedder = catalog().open(model);
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

    static ModelCatalog catalog() {
        return new ModelCatalog(DefaultLocations.current().modelsDir());
    }
}
