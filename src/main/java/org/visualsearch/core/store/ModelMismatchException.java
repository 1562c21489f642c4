package org.visualsearch.core.store;

/**
 * A model id is already stored with another vector dimension: vectors of different lengths are
 * never mixed in one index, so the caller must use a model with a new id.
 */
public class ModelMismatchException extends StoreException {
    public ModelMismatchException(String message) {
        super(message);
    }
}
