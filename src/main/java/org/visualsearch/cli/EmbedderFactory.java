package org.visualsearch.cli;

import java.util.Locale;
import org.visualsearch.core.model.ColorHistogramEmbedder;
import org.visualsearch.core.model.EmbeddingException;
import org.visualsearch.core.model.ImageEmbedder;

/**
 * Opens the embedder named by a command's {@code --model} option. The app wires one that knows
 * the DJL models (a folder under {@code models/}) and the histogram baseline.
 */
@FunctionalInterface
public interface EmbedderFactory {

    /** Name of the colour-histogram baseline model. */
    String HISTOGRAM = "histogram";

    /** Only the colour-histogram baseline; anything else is refused with a clear reason. */
    EmbedderFactory HISTOGRAM_ONLY = model -> {
        if (HISTOGRAM.equals(model.toLowerCase(Locale.ROOT))) {
            return new ColorHistogramEmbedder();
        }
        throw new EmbeddingException("model '" + model + "' is not available here; use --model " + HISTOGRAM);
    };

    /**
     * @param model the {@code --model} value: {@value #HISTOGRAM} or a model folder
     * @throws EmbeddingException naming the model and the cause when it cannot be loaded
     */
    ImageEmbedder open(String model) throws EmbeddingException;
}
