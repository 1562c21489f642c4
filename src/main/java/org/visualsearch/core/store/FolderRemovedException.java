package org.visualsearch.core.store;

import java.nio.file.Path;

/**
 * A folder was removed (by another window or command: {@code remove} while {@code add} runs)
 * while it was being indexed; what the run had written went with it. The run stops: its
 * writes would belong to no folder.
 */
public class FolderRemovedException extends StoreException {
    private final Path folder;

    /** Raised by the store, which knows the folder only by its row. */
    FolderRemovedException() {
        super("the folder was removed while it was being indexed");
        this.folder = null;
    }

    public FolderRemovedException(Path folder) {
        super("the folder " + folder + " was removed while it was being indexed");
        this.folder = folder;
    }

    /** The folder, or null when not known. */
    public Path folder() {
        return folder;
    }
}
