package org.visualsearch.core.store;

import java.nio.file.Path;

/**
 * The gallery database file is damaged (not a database, or a malformed one). The caller can offer
 * to keep it aside with {@link GalleryDatabase#moveAside} and start with a fresh one.
 */
public final class DamagedDatabaseException extends StoreException {
    private final Path file;
    private final String reason;

    DamagedDatabaseException(Path file, String cause, Throwable e) {
        super("the gallery database " + file + " is damaged (" + cause + "); to keep it and start fresh, move it aside as "
                + GalleryDatabase.damagedName(file).getFileName(), e);
        this.file = file;
        this.reason = cause;
    }

    /** What is wrong with it, e.g. "file is not a database". */
    public String reason() {
        return reason;
    }

    /** The damaged file. */
    public Path file() {
        return file;
    }
}
