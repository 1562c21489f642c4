package org.visualsearch.core.search;

import java.nio.file.Path;

/**
 * One photo of a gallery.
 *
 * @param path        where the photo is on disk
 * @param category    its label: the first-level subfolder of the gallery folder it was found in,
 *                    or {@code null} when it lies directly in the gallery folder
 * @param contentHash hex SHA-256 of the file's bytes; keys embeddings and thumbnails, so the same
 *                    photo under two paths is embedded once
 */
public record GalleryEntry(Path path, String category, String contentHash) {

    /** The label to show; photos without a category get a placeholder. */
    public String categoryOrUnlabelled() {
        return category == null ? "(none)" : category;
    }
}
