package org.visualsearch.core.store;

/**
 * The gallery database could not be opened, read or written. Unchecked because every caller
 * (UI, CLI) handles it the same way: show the message, which names the database and the cause.
 */
public class StoreException extends RuntimeException {
    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
