package org.visualsearch.core.projection;

import java.util.Locale;

/** How the gallery's vectors are flattened onto the map. */
public enum ProjectionMethod {
    /** Principal component analysis: exact, instant, deterministic; distances along the two axes are real. */
    PCA("PCA"),
    /** Barnes-Hut t-SNE: keeps neighbourhoods, not distances; seeded, on at most a sample of the photos. */
    TSNE("t-SNE"),
    /** UMAP (McInnes et al.): keeps neighbourhoods and more of the clusters' layout than t-SNE; seeded, on at most a sample. */
    UMAP("UMAP");

    private final String label;

    ProjectionMethod(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /**
     * The method a user typed: {@code pca}, {@code tsne} or {@code umap} (any case, "t-SNE" too).
     *
     * @throws IllegalArgumentException naming the accepted values
     */
    public static ProjectionMethod parse(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT).replace("-", "");
        return switch (n) {
            case "pca" -> PCA;
            case "tsne" -> TSNE;
            case "umap" -> UMAP;
            default -> throw new IllegalArgumentException("unknown projection method '" + name + "': use pca, tsne or umap");
        };
    }
}
