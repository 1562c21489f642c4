package org.visualsearch.core.gallery;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import org.visualsearch.core.model.ModelInfo;

/**
 * Vectors a model is known to give for some photo contents, computed ahead of time (the sample
 * gallery ships its default model's): the indexer stores them instead of embedding those photos.
 * They are only used for the model they were made with ({@link #modelId()} and dimension equal to
 * the embedder's) and for a file whose own SHA-256, as hashed while indexing, is a key here, so a
 * changed model or a changed photo is embedded as usual.
 *
 * @param modelId   the model id the vectors were computed with
 * @param dimension their length
 * @param byHash    content SHA-256 (lower-case hex) to vector
 * @param applies   which files may use them (e.g. only those in the sample folder)
 */
public record KnownVectors(String modelId, int dimension, Map<String, float[]> byHash, Predicate<Path> applies) {

    /** No known vectors: everything is embedded. */
    public static final KnownVectors NONE = new KnownVectors("", 1, Map.of(), p -> false);

    public KnownVectors {
        Objects.requireNonNull(modelId);
        byHash = Map.copyOf(byHash);
        Objects.requireNonNull(applies);
    }

    /** Whether these vectors were made by {@code model}. */
    public boolean isFor(ModelInfo model) {
        return modelId.equals(model.id()) && dimension == model.dimension() && !byHash.isEmpty();
    }

    /** The vector of {@code file}, whose content hashes to {@code sha256}, or null when unknown. */
    float[] vectorFor(Path file, String sha256) {
        float[] v = byHash.get(sha256);
        return v != null && v.length == dimension && applies.test(file) ? v.clone() : null;
    }
}
