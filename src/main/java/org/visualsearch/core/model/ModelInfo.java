package org.visualsearch.core.model;

/**
 * Identity of an embedding model.
 *
 * @param id        stable key for cached embeddings: changes whenever the weights or the
 *                  preprocessing change (e.g. name plus a hash of the model file and descriptor)
 * @param name      human-readable name shown in the UI and CLI
 * @param dimension length of the vectors it returns
 */
public record ModelInfo(String id, String name, int dimension) {
    public ModelInfo {
        if (dimension <= 0) {
            throw new IllegalArgumentException("dimension must be positive: " + dimension);
        }
    }
}
