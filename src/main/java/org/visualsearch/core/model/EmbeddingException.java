package org.visualsearch.core.model;

/** A model could not be loaded or could not embed an image; the message names model and cause. */
public class EmbeddingException extends Exception {
    public EmbeddingException(String message) {
        super(message);
    }

    public EmbeddingException(String message, Throwable cause) {
        super(message, cause);
    }
}
