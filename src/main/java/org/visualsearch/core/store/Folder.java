package org.visualsearch.core.store;

import java.nio.file.Path;
import java.time.Instant;

/**
 * A folder the user added to the gallery.
 *
 * @param path      absolute, normalised path of the folder
 * @param addedAt   when it was added
 * @param fileCount photos currently recorded under it (indexed at least once, by any model)
 */
public record Folder(Path path, Instant addedAt, int fileCount) {
}
