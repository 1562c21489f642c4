package org.visualsearch.core.projection;

import java.util.Locale;

/** How the gallery's vectors are flattened onto the map. */
public enum ProjectionMethod {
    /** Principal component analysis: exact, instant, deterministic; distances along the two axes are real. */
    PCA("PCA"),
    /** Barnes-Hut t-SNE: keeps neighbourhoods, not distances; seeded, on at most a sample of the photos. */
    TSNE("t-SNE");

    private final String label;

    ProjectionMethod(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /**
     * The method a user typed: {@code pca} or {@code tsne}. UMAP is refused with the reason (no
     * maintained Java UMAP with a fitting licence is on Maven Central).
     *
     * @throws IllegalArgumentException naming the accepted values
     */
    public static ProjectionMethod parse(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT).replace("-", "");
        return switch (n) {
            case "pca" -> PCA;
            case "tsne" -> TSNE;
            case "umap" -> throw new IllegalArgumentException("UMAP is not available in this version "
                    + "(no maintained Java UMAP library with a licence that fits is on Maven Central): use pca or tsne");
            default -> throw new IllegalArgumentException("unknown projection method '" + name + "': use pca or tsne");
        };
    }
}
