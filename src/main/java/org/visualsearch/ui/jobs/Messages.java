package org.visualsearch.ui.jobs;

import org.visualsearch.core.common.ErrorText;
import org.visualsearch.core.image.ImageLoadException;
import org.visualsearch.core.model.EmbeddingException;

/** Turns exceptions into one readable sentence for the window; stack traces go to the log only. */
public final class Messages {
    private Messages() {
    }

    public static String describe(Throwable error) {
        if (error == null) {
            return "unknown error";
        }
        if (error instanceof ImageLoadException load) {
            String name = load.file() == null || load.file().getFileName() == null
                    ? "the image" : "“" + load.file().getFileName() + "”";
            return "Cannot read " + name + ": " + load.reason() + ".";
        }
        if (error instanceof EmbeddingException) {
            return "The model failed: " + sentence(error.getMessage());
        }
        if (error instanceof OutOfMemoryError) {
            return "Not enough memory.";
        }
        return ErrorText.oneLine(error);
    }

    /** The text ending with a full stop, so sentences can follow it. */
    public static String sentence(String text) {
        String trimmed = text == null ? "" : text.strip();
        return trimmed.isEmpty() || trimmed.endsWith(".") || trimmed.endsWith("!") || trimmed.endsWith("?")
                ? trimmed : trimmed + ".";
    }
}
