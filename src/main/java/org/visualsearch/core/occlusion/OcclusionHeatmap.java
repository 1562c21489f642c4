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
        Run run = new Run(model, query, match, settings);
        progress.progress(0, run.total());
        while (!run.finished()) {
            checkCancelled(progress);
            run.step();
            progress.progress(run.done(), run.total());
        }
        return run.result();
    }

    /**
     * One heatmap computed an embed at a time, for a caller that shares the model's thread with
     * other work (the window's search thread: a search waits one embed, never the whole heatmap).
     * Not thread safe: call from one thread at a time.
     */
    public static final class Run {
        private final ImageEmbedder model;
        private final float[] match;
        private final OcclusionSettings settings;
        private final List<OcclusionGrid.Cell> cells;
        private final Occluder occluder;
        private final double[] distances;
        private final int width;
        private final int height;
        private double base = Double.NaN;
        private int done;
        private long nanos;

        public Run(ImageEmbedder model, BufferedImage query, float[] match, OcclusionSettings settings) {
            this.model = model;
            this.match = match.clone();
            this.settings = settings;
            width = query.getWidth();
            height = query.getHeight();
            cells = OcclusionGrid.cells(width, height, settings);
            occluder = new Occluder(query);
            distances = new double[cells.size()];
        }

        /** Runs the next embed: the photo as it is first, then each square hidden in turn. */
        public void step() throws EmbeddingException {
            if (finished()) {
                throw new IllegalStateException("the heatmap is finished");
            }
            long start = System.nanoTime();
            if (done == 0) {
                base = distance(model, occluder.original(), match);
            } else {
                distances[done - 1] = distance(model, occluder.hide(cells.get(done - 1).patch(), settings.fill()), match);
            }
            done++;
            nanos += System.nanoTime() - start;
        }

        public boolean finished() {
            return done == total();
        }

        /** Embeds done so far. */
        public int done() {
            return done;
        }

        /** Embeds in all: {@link OcclusionSettings#embeds()}. */
        public int total() {
            return settings.embeds();
        }

        /** The heatmap, once {@link #finished()}; its time is the embeds' and the copies', not the waits between steps. */
        public SimilarityHeatmap result() {
            if (!finished()) {
                throw new IllegalStateException(done + " of " + total() + " embeds done");
            }
            return new SimilarityHeatmap(settings, width, height, cells, base, distances, total(), nanos);
        }
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
