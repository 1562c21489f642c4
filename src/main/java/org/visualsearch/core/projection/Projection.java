package org.visualsearch.core.projection;

import java.util.Arrays;
import java.util.Objects;
import org.visualsearch.core.search.Neighbor;
import org.visualsearch.core.search.VectorIndex;

/**
 * A gallery flattened onto a 2-D map: point {@code p} is gallery entry {@link #galleryIndex(int)}
 * at ({@link #x(int)}, {@link #y(int)}). PCA maps every photo; t-SNE may map only a seeded
 * sample ({@link #sampled()}), and so may UMAP. Immutable.
 */
public final class Projection {
    private final ProjectionSettings settings;
    private final int galleryTotal;
    private final int[] galleryIndex;
    private final int[] pointOfEntry;
    private final float[] x;
    private final float[] y;
    private final Pca pca;
    private final VectorIndex sampleVectors;

    Projection(ProjectionSettings settings, int galleryTotal, int[] galleryIndex, float[] x, float[] y,
               Pca pca, VectorIndex sampleVectors) {
        this.settings = Objects.requireNonNull(settings);
        this.galleryTotal = galleryTotal;
        this.galleryIndex = galleryIndex;
        this.x = x;
        this.y = y;
        this.pca = pca;
        this.sampleVectors = sampleVectors;
        this.pointOfEntry = new int[galleryTotal];
        Arrays.fill(pointOfEntry, -1);
        for (int p = 0; p < galleryIndex.length; p++) {
            pointOfEntry[galleryIndex[p]] = p;
        }
    }

    public ProjectionSettings settings() {
        return settings;
    }

    public ProjectionMethod method() {
        return settings.method();
    }

    /** Number of points on the map. */
    public int size() {
        return galleryIndex.length;
    }

    /** Number of photos in the gallery that was projected. */
    public int galleryTotal() {
        return galleryTotal;
    }

    /** Whether only a sample of the gallery is on the map. */
    public boolean sampled() {
        return galleryIndex.length < galleryTotal;
    }

    public int galleryIndex(int point) {
        return galleryIndex[point];
    }

    /** The point of gallery entry {@code index}, or -1 when it is not in the sample. */
    public int pointOf(int index) {
        return index >= 0 && index < pointOfEntry.length ? pointOfEntry[index] : -1;
    }

    public float x(int point) {
        return x[point];
    }

    public float y(int point) {
        return y[point];
    }

    /** PCA's share of the variance along axis {@code k}, or NaN for t-SNE. */
    public double explainedVariance(int k) {
        return pca == null ? Double.NaN : pca.explainedVariance(k);
    }

    /**
     * Where a vector that is not on the map (a query) goes: exactly, by PCA's formula; for
     * t-SNE, which has no formula for new points, at the centre of its 5 nearest mapped photos.
     */
    public float[] place(float[] vector) {
        if (pca != null) {
            return pca.project(vector);
        }
        var near = sampleVectors.nearest(vector, 5);
        double px = 0;
        double py = 0;
        for (Neighbor n : near) {
            px += x[n.index()];
            py += y[n.index()];
        }
        return new float[] {(float) (px / near.size()), (float) (py / near.size())};
    }

    /** {minX, minY, maxX, maxY} over all points (zeros when empty). */
    public float[] bounds() {
        if (x.length == 0) {
            return new float[4];
        }
        float minX = Float.POSITIVE_INFINITY;
        float minY = Float.POSITIVE_INFINITY;
        float maxX = Float.NEGATIVE_INFINITY;
        float maxY = Float.NEGATIVE_INFINITY;
        for (int p = 0; p < x.length; p++) {
            minX = Math.min(minX, x[p]);
            maxX = Math.max(maxX, x[p]);
            minY = Math.min(minY, y[p]);
            maxY = Math.max(maxY, y[p]);
        }
        return new float[] {minX, minY, maxX, maxY};
    }

    /** One line saying what the map is, e.g. "t-SNE of a random sample of 10,000 of 100,000 photos (seed 42)". */
    public String describe() {
        if (pca != null) {
            return String.format("PCA of %,d photo%s: the axes hold %.0f%% and %.0f%% of the variance",
                    galleryTotal, galleryTotal == 1 ? "" : "s", 100 * pca.explainedVariance(0), 100 * pca.explainedVariance(1));
        }
        String what = sampled()
                ? String.format("a random sample of %,d of %,d photos", size(), galleryTotal)
                : String.format("%,d photo%s", galleryTotal, galleryTotal == 1 ? "" : "s");
        if (settings.method() == ProjectionMethod.UMAP) {
            return String.format("UMAP of %s (%d neighbours, seed %d)", what,
                    Math.max(1, Math.min(UmapLayout.NEIGHBOURS, size() - 1)), settings.seed());
        }
        return String.format("t-SNE of %s (perplexity %.0f, seed %d)", what,
                Math.min(settings.perplexity(), Math.max(1, (size() - 1) / 3.0)), settings.seed());
    }
}
