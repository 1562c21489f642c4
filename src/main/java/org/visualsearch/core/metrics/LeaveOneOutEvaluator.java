package org.visualsearch.core.metrics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.visualsearch.core.search.GalleryEntry;
import org.visualsearch.core.search.IndexedGallery;
import org.visualsearch.core.search.Neighbor;
import org.visualsearch.core.search.VectorIndex;

/**
 * Scores a labelled gallery the way the challenge scores a submission: every labelled entry in
 * turn queries all the <em>other</em> entries (leave-one-out, through
 * {@link VectorIndex#nearest(float[], int, int)}'s exclude), and its {@link PrecisionAtK} is taken
 * over its k nearest neighbours.
 *
 * <p>Which entries are scored:
 * <ul>
 *   <li>Unlabelled entries ({@link GalleryEntry#category()} {@code null}) are not queries. They
 *       stay in the gallery as results and are never relevant to any query.</li>
 *   <li>An entry whose label no other entry carries ({@code n_q = 0}) is skipped: it has nothing
 *       to find. It still appears as a result for other queries.</li>
 * </ul>
 * Both kinds are counted in {@link Evaluation#skipped()}. The overall mP@k is the mean over scored
 * queries (not the mean of the per-label means), as in the challenge.
 */
public final class LeaveOneOutEvaluator {

    private LeaveOneOutEvaluator() {
    }

    /** Evaluates with the challenge's k = 5. */
    public static Evaluation evaluate(IndexedGallery gallery) {
        return evaluate(gallery, PrecisionAtK.CHALLENGE_K);
    }

    /** Evaluates with cut-off {@code k}. */
    public static Evaluation evaluate(IndexedGallery gallery, int k) {
        if (k <= 0) {
            throw new IllegalArgumentException("k must be positive: " + k);
        }
        List<GalleryEntry> entries = gallery.entries();
        VectorIndex vectors = gallery.vectors();

        Map<String, Integer> labelCounts = new HashMap<>();
        for (GalleryEntry e : entries) {
            if (e.category() != null) {
                labelCounts.merge(e.category(), 1, Integer::sum);
            }
        }

        Map<String, double[]> sums = new TreeMap<>(); // label -> {sum of P, number of queries}
        double total = 0;
        int queries = 0;
        int skipped = 0;
        List<String> resultLabels = new ArrayList<>(k);
        for (int i = 0; i < entries.size(); i++) {
            String label = entries.get(i).category();
            if (label == null) {
                skipped++;
                continue;
            }
            int others = labelCounts.get(label) - 1;
            if (others == 0) {
                skipped++;
                continue;
            }
            resultLabels.clear();
            for (Neighbor n : vectors.nearest(vectors.vector(i), k, i)) {
                resultLabels.add(entries.get(n.index()).category());
            }
            double p = PrecisionAtK.precision(label, resultLabels, others, k);
            double[] s = sums.computeIfAbsent(label, l -> new double[2]);
            s[0] += p;
            s[1]++;
            total += p;
            queries++;
        }

        Map<String, Evaluation.LabelScore> perLabel = new LinkedHashMap<>();
        sums.forEach((label, s) -> perLabel.put(label, new Evaluation.LabelScore(label, (int) s[1], s[0] / s[1])));
        return new Evaluation(k, perLabel, queries == 0 ? Double.NaN : total / queries, queries, skipped);
    }
}
