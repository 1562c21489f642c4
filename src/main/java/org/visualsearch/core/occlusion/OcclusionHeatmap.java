package org.visualsearch.core.occlusion;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.visualsearch.core.model.EmbeddingException;
import org.visualsearch.core.model.ImageEmbedder;

/**
 * Computes a {@link SimilarityHeatmap}: the query as it is and once per square with that square
 * hidden, each embedded with the model as a black box (any {@link ImageEmbedder}: a TorchScript
 * model, a trained head, the colour histogram), each compared with the match's vector.
 * Costs {@link OcclusionSettings#embeds()} model calls, one after the other on the caller's thread.
 */
public final class OcclusionHeatmap {
    private OcclusionHeatmap() {
    }

    /**
     * @param model the model that embedded the gallery (the match's vector is from it)
     * @param query the query as the model embeds it (already EXIF-rotated and shrunk by the loader)
     * @param match the top-1 match's vector
     * @throws CancellationException when {@code progress} says so, between two embeds
     * @throws EmbeddingException    when the model fails on a copy, or returns a vector of another size than the match's
     */
    public static SimilarityHeatmap compute(ImageEmbedder model, BufferedImage query, float[] match,
                                            OcclusionSettings settings, HeatmapProgress progress) throws EmbeddingException {
        long start = System.nanoTime();
        List<OcclusionGrid.Cell> cells = OcclusionGrid.cells(query.getWidth(), query.getHeight(), settings);
        Occluder occluder = new Occluder(query);
        int total = settings.embeds();
        checkCancelled(progress);
        progress.progress(0, total);
        double base = distance(model, occluder.original(), match);
        progress.progress(1, total);
        double[] distances = new double[cells.size()];
        for (int i = 0; i < cells.size(); i++) {
            checkCancelled(progress);
            distances[i] = distance(model, occluder.hide(cells.get(i).patch(), settings.fill()), match);
            progress.progress(i + 2, total);
        }
        return new SimilarityHeatmap(settings, query.getWidth(), query.getHeight(), cells, base, distances, total,
                System.nanoTime() - start);
    }

    private static void checkCancelled(HeatmapProgress progress) {
        if (progress.isCancelled()) {
            throw new CancellationException("the heatmap was cancelled");
        }
    }

    private static double distance(ImageEmbedder model, BufferedImage picture, float[] match) throws EmbeddingException {
        float[] v = model.embed(picture);
        if (v.length != match.length) {
            throw new EmbeddingException(model.info().name() + " gave a " + v.length + "-d vector, but the match's is "
                    + match.length + "-d: the gallery was embedded by another model");
        }
        double sum = 0;
        for (int i = 0; i < v.length; i++) {
            double d = (double) v[i] - match[i];
            sum += d * d;
        }
        return Math.sqrt(sum);
    }
}
