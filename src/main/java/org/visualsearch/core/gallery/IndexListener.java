package org.visualsearch.core.gallery;

/**
 * Told of an indexing run's progress, on the indexing thread, after every photo: keep it cheap
 * and hand over to the UI thread yourself (throttled).
 */
@FunctionalInterface
public interface IndexListener {
    IndexListener NONE = progress -> { };

    void onProgress(IndexProgress progress);
}
