package org.visualsearch.ui.gallery;

import java.nio.file.Path;
import org.visualsearch.app.ProgressSink;
import org.visualsearch.core.search.IndexedGallery;

/**
 * Gets the sample gallery into place and indexes it with the current model (over a
 * {@code GallerySession}, see {@code AppServices.forSession}). Both methods run on a background
 * thread and report through {@code progress}.
 */
public interface SampleGallerySource {

    /** Downloads the sample photos, checks them, indexes them and returns the searchable gallery. */
    IndexedGallery download(ProgressSink progress) throws Exception;

    /** Imports the sample photos from a folder the user picked (e.g. an unpacked archive), then indexes them. */
    IndexedGallery importFrom(Path folder, ProgressSink progress) throws Exception;
}
