package org.visualsearch.core.store;

/**
 * How much of the user's gallery is indexed for one model.
 *
 * @param files    photo entries in the user's folders
 * @param embedded of those, entries that have a vector for the model
 * @param problems files and folders that could not be indexed
 */
public record GalleryCounts(int files, int embedded, int problems) {

    /** Entries still to embed for the model. */
    public int missing() {
        return files - embedded;
    }
}
