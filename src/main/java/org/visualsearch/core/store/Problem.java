package org.visualsearch.core.store;

import java.nio.file.Path;
import java.time.Instant;

/**
 * A file or folder that could not be indexed.
 *
 * @param path    the file or folder
 * @param reason  why, in words fit for a problems list (no path repeated); a model-level problem's
 *                reason names the model ("model NAME failed: ...")
 * @param when    when it was found
 * @param modelId null for a file-level problem (the file or folder cannot be read or decoded, for
 *                any model); else the id of the one model that failed on the file
 */
public record Problem(Path path, String reason, Instant when, String modelId) {

    /** A file-level problem. */
    public Problem(Path path, String reason, Instant when) {
        this(path, reason, when, null);
    }

    /** Whether it concerns the file itself, and so every model. */
    public boolean fileLevel() {
        return modelId == null;
    }
}
