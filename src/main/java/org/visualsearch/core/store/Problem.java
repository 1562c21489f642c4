package org.visualsearch.core.store;

import java.nio.file.Path;
import java.time.Instant;

/**
 * A file or folder that could not be indexed.
 *
 * @param path   the file or folder
 * @param reason why, in words fit for a problems list (no path repeated)
 * @param when   when it was found
 */
public record Problem(Path path, String reason, Instant when) {
}
