package org.visualsearch.core.evaluation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.visualsearch.core.search.GalleryEntry;
import org.visualsearch.core.search.IndexedGallery;
import org.visualsearch.core.model.ModelInfo;
import org.visualsearch.core.search.VectorIndex;

/**
 * Times leave-one-out evaluation on synthetic labelled galleries: unit vectors scattered around
 * 100 random category centres, as {@code generate-synthetic} makes them, so the numbers say what
 * evaluating a gallery of that size costs without that many photos.
 */
public final class EvaluationBenchmark {
    private static final int MAX_CATEGORIES = 100;

    /**
     * @param size          photos
     * @param dimension     vector length
     * @param runs          timed runs
     * @param medianMs      median wall time of {@link GalleryEvaluator#evaluate} (fingerprint included)
     * @param minMs         fastest run
     * @param meanPrecision the score, as a check that the work was done
     * @param oneByOneMs    the same queries searched one at a time with {@link VectorIndex#nearest}
     *                      on one thread (the way the {@code eval} command used to), extrapolated
     *                      from {@code oneByOneSampled} queries; NaN when not measured
     * @param oneByOneSampled queries timed for {@code oneByOneMs}
     */
    public record Result(int size, int dimension, int runs, double medianMs, double minMs, double meanPrecision,
                         double oneByOneMs, int oneByOneSampled) {
    }

    private EvaluationBenchmark() {
    }

    /**
     * A gallery of {@code size} clustered unit vectors, categories {@code cat-00..} round-robin:
     * 100 of them, or one per 20 photos in a small gallery (100 photos: 5 of 20, like the sample).
     */
    public static IndexedGallery syntheticGallery(int size, int dimension, long seed) {
        Random random = new Random(seed);
        int categories = Math.max(2, Math.min(MAX_CATEGORIES, size / 20));
        float[][] centres = new float[categories][dimension];
        for (float[] c : centres) {
            for (int j = 0; j < dimension; j++) {
                c[j] = (float) random.nextGaussian();
            }
        }
        float[] data = new float[size * dimension];
        List<GalleryEntry> entries = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            int category = i % categories;
            double norm = 0;
            for (int j = 0; j < dimension; j++) {
                float v = centres[category][j] + 0.8f * (float) random.nextGaussian();
                data[i * dimension + j] = v;
                norm += v * v;
            }
            float inv = (float) (1 / Math.sqrt(norm));
            for (int j = 0; j < dimension; j++) {
                data[i * dimension + j] *= inv;
            }
            String name = String.format("cat-%02d", category);
            entries.add(new GalleryEntry(Path.of(name, String.format("img-%07d.jpg", i)), name, "synthetic-" + seed + "-" + i));
        }
        ModelInfo model = new ModelInfo("synthetic-" + dimension + "d", "Synthetic vectors (" + dimension + "-d)", dimension);
        return new IndexedGallery(model, entries, VectorIndex.wrap(dimension, data));
    }

    /**
     * Times {@code runs} evaluations (after one untimed warm-up) and, when {@code oneByOneQueries}
     * is positive, that many one-at-a-time leave-one-out searches for comparison.
     */
    public static Result time(int size, int dimension, int runs, int oneByOneQueries, long seed) {
        IndexedGallery gallery = syntheticGallery(size, dimension, seed);
        GalleryEvaluation warm = GalleryEvaluator.evaluate(gallery);
        double[] ms = new double[runs];
        double score = warm.meanPrecision();
        for (int r = 0; r < runs; r++) {
            long t0 = System.nanoTime();
            GalleryEvaluation e = GalleryEvaluator.evaluate(gallery);
            ms[r] = (System.nanoTime() - t0) / 1e6;
            score = e.meanPrecision();
        }
        Arrays.sort(ms);
        double median = runs % 2 == 1 ? ms[runs / 2] : (ms[runs / 2 - 1] + ms[runs / 2]) / 2;
        double oneByOne = Double.NaN;
        int sampled = Math.min(oneByOneQueries, size);
        if (sampled > 0) {
            VectorIndex index = gallery.vectors();
            Random random = new Random(seed + 1);
            int sink = 0;
            for (int i = 0; i < Math.min(sampled, 200); i++) { // warm-up
                int q = random.nextInt(size);
                sink += index.nearest(index.vector(q), 5, q).size();
            }
            long t0 = System.nanoTime();
            for (int i = 0; i < sampled; i++) {
                int q = random.nextInt(size);
                sink += index.nearest(index.vector(q), 5, q).size();
            }
            oneByOne = (System.nanoTime() - t0) / 1e6 / sampled * size;
            if (sink < 0) {
                throw new AssertionError();
            }
        }
        return new Result(size, dimension, runs, median, ms[0], score, oneByOne, sampled);
    }
}
