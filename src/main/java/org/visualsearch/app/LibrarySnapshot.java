package org.visualsearch.app;

import java.util.List;
import org.visualsearch.core.search.IndexedGallery;
import org.visualsearch.core.store.Folder;
import org.visualsearch.core.store.GalleryCounts;
import org.visualsearch.core.store.Problem;

/**
 * The database at one moment, for one model: the searchable gallery, the folders, the problems as
 * that model sees them (file-level ones and its own, not other models' failures) and the counts
 * behind the status line.
 */
public record LibrarySnapshot(IndexedGallery gallery, List<Folder> folders, List<Problem> problems,
                              GalleryCounts counts) {

    public LibrarySnapshot {
        folders = List.copyOf(folders);
        problems = List.copyOf(problems);
    }

    /** One short line for the status bar, e.g. "index up to date" or "80 of 100 photos indexed". */
    public String indexState() {
        if (folders.isEmpty()) {
            return "no folders yet";
        }
        if (counts.files() == 0) {
            return "no photos indexed yet";
        }
        if (counts.missing() > 0) {
            return String.format("%,d of %,d photos indexed", counts.embedded(), counts.files());
        }
        return "index up to date";
    }
}
