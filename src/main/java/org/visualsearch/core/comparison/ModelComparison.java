package org.visualsearch.core.comparison;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.visualsearch.core.evaluation.GalleryEvaluation;
import org.visualsearch.core.evaluation.GalleryEvaluator;
import org.visualsearch.core.search.GalleryEntry;
import org.visualsearch.core.search.IndexedGallery;
import org.visualsearch.core.metrics.PrecisionAtK;
import org.visualsearch.core.model.ModelInfo;
import org.visualsearch.core.search.Neighbor;
import org.visualsearch.core.search.VectorIndex;

/**
 * Two models scored on the same photos, the challenge's way (leave-one-out k-NN, mean P@k): both
 * means, both per-category tables and every query's precision under each, so the queries that
 * changed most can be looked at. The scores are {@link GalleryEvaluator}'s, under its rules (unlabelled
 * photos and photos alone in their category are results, never queries).
 *
 * <p>The two galleries are matched photo by photo (content hash, else path); photos that only
 * one model has embedded (e.g. one model could not read them) are left out of both, and counted
 * in {@link #onlyInOne()}.
 */
public final class ModelComparison {
    private final IndexedGallery a;
    private final IndexedGallery b;
    private final int k;
    private final int onlyInOne;
    private final List<QueryScore> queries;
    private final List<CategoryRow> categories;
    private final double meanA;
    private final double meanB;

    private ModelComparison(IndexedGallery a, IndexedGallery b, int k, int onlyInOne) {
        this.a = a;
        this.b = b;
        this.k = k;
        this.onlyInOne = onlyInOne;
        // One implementation of the metric: both galleries hold the same photos in the same order,
        // so the evaluator picks the same queries, in the same order, under both models.
        GalleryEvaluation evaluationA = GalleryEvaluator.evaluate(a, k, GalleryEvaluator.Listener.NONE);
        GalleryEvaluation evaluationB = GalleryEvaluator.evaluate(b, k, GalleryEvaluator.Listener.NONE);
        List<org.visualsearch.core.evaluation.QueryScore> underA = evaluationA.queries();
        List<org.visualsearch.core.evaluation.QueryScore> underB = evaluationB.queries();
        List<QueryScore> scored = new ArrayList<>(underA.size());
        for (int q = 0; q < underA.size(); q++) {
            org.visualsearch.core.evaluation.QueryScore qa = underA.get(q);
            scored.add(new QueryScore(qa.index(), qa.entry(), qa.precision(), underB.get(q).precision()));
        }
        this.queries = List.copyOf(scored);
        List<CategoryRow> rows = new ArrayList<>();
        evaluationA.categories().forEach((label, sa) -> rows.add(new CategoryRow(label, sa.queries(),
                sa.meanPrecision(), evaluationB.categories().get(label).meanPrecision())));
        this.categories = List.copyOf(rows);
        this.meanA = evaluationA.meanPrecision();
        this.meanB = evaluationB.meanPrecision();
    }

    /** Compares with the challenge's k = 5. */
    public static ModelComparison of(IndexedGallery a, IndexedGallery b) {
        return of(a, b, PrecisionAtK.CHALLENGE_K);
    }

    public static ModelComparison of(IndexedGallery a, IndexedGallery b, int k) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        if (k <= 0) {
            throw new IllegalArgumentException("k must be positive: " + k);
        }
        if (a.entries().equals(b.entries())) {
            return new ModelComparison(a, b, k, 0);
        }
        Map<String, Integer> inB = new HashMap<>();
        for (int i = 0; i < b.size(); i++) {
            inB.putIfAbsent(keyOf(b.entries().get(i)), i);
        }
        List<GalleryEntry> common = new ArrayList<>();
        List<float[]> vectorsA = new ArrayList<>();
        List<float[]> vectorsB = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            Integer j = inB.remove(keyOf(a.entries().get(i)));
            if (j != null) {
                common.add(a.entries().get(i));
                vectorsA.add(a.vectors().vector(i));
                vectorsB.add(b.vectors().vector(j));
            }
        }
        int onlyInOne = a.size() + b.size() - 2 * common.size();
        return new ModelComparison(subset(a.model(), common, vectorsA), subset(b.model(), common, vectorsB), k, onlyInOne);
    }

    private static IndexedGallery subset(ModelInfo model, List<GalleryEntry> entries, List<float[]> vectors) {
        return new IndexedGallery(model, entries, VectorIndex.of(model.dimension(), vectors));
    }

    private static String keyOf(GalleryEntry e) {
        return e.contentHash() != null ? e.contentHash() + "|" + e.path() : e.path().toString();
    }

    public ModelInfo modelA() {
        return a.model();
    }

    public ModelInfo modelB() {
        return b.model();
    }

    /** Model A's gallery, restricted to the photos both models have. */
    public IndexedGallery galleryA() {
        return a;
    }

    /** Model B's gallery, entry for entry the same photos as {@link #galleryA()}. */
    public IndexedGallery galleryB() {
        return b;
    }

    public int k() {
        return k;
    }

    /** Photos only one of the two models has embedded, left out of the comparison. */
    public int onlyInOne() {
        return onlyInOne;
    }

    public double meanPrecisionA() {
        return meanA;
    }

    public double meanPrecisionB() {
        return meanB;
    }

    /** B minus A. */
    public double difference() {
        return meanB - meanA;
    }

    public boolean hasScore() {
        return !queries.isEmpty();
    }

    /** Per category, sorted by name. */
    public List<CategoryRow> categories() {
        return categories;
    }

    /** Every scored query, in gallery order. */
    public List<QueryScore> queries() {
        return queries;
    }

    /** The {@code n} queries whose P@k changed most (by size of the change; ties by gallery order); unchanged ones are left out. */
    public List<QueryScore> mostChanged(int n) {
        return queries.stream().filter(q -> q.change() != 0)
                .sorted(Comparator.comparingDouble((QueryScore q) -> -Math.abs(q.change())).thenComparingInt(QueryScore::index))
                .limit(n).toList();
    }

    /** The score of query {@code index}, or null when it is not a query (unlabelled or alone in its category). */
    public QueryScore scoreOf(int index) {
        for (QueryScore q : queries) {
            if (q.index() == index) {
                return q;
            }
        }
        return null;
    }

    /** The gallery index of a photo in the compared galleries, or -1. */
    public int indexOf(GalleryEntry entry) {
        return a.entries().indexOf(entry);
    }

    /** Query {@code index}'s top-k under A and under B, each result ranked and measured under both (the query left out). */
    public QueryComparison query(int index) {
        int[] rankA = new int[a.size()];
        float[] distA = new float[a.size()];
        int[] rankB = new int[b.size()];
        float[] distB = new float[b.size()];
        List<Neighbor> rankedA = ranking(a, index, rankA, distA);
        List<Neighbor> rankedB = ranking(b, index, rankB, distB);
        String label = a.entries().get(index).category();
        List<ResultRow> topA = rows(a, rankedA, rankB, distB, label);
        List<ResultRow> topB = rows(b, rankedB, rankA, distA, label);
        QueryScore score = scoreOf(index);
        return new QueryComparison(index, a.entries().get(index), k, topA, topB,
                score == null ? Double.NaN : score.precisionA(), score == null ? Double.NaN : score.precisionB());
    }

    /** The whole gallery but the query, closest first; fills each photo's 1-based rank and distance. */
    private static List<Neighbor> ranking(IndexedGallery g, int query, int[] rank, float[] dist) {
        List<Neighbor> all = g.vectors().rankAll(g.vectors().vector(query));
        List<Neighbor> others = new ArrayList<>(all.size());
        for (Neighbor n : all) {
            if (n.index() != query) {
                others.add(n);
                rank[n.index()] = others.size();
                dist[n.index()] = n.distance();
            }
        }
        return others;
    }

    private List<ResultRow> rows(IndexedGallery g, List<Neighbor> ranked, int[] otherRank, float[] otherDist, String label) {
        List<ResultRow> rows = new ArrayList<>(k);
        for (int r = 0; r < Math.min(k, ranked.size()); r++) {
            Neighbor n = ranked.get(r);
            GalleryEntry e = g.entries().get(n.index());
            rows.add(new ResultRow(r + 1, n.index(), e, n.distance(), otherRank[n.index()], otherDist[n.index()],
                    label != null && label.equals(e.category())));
        }
        return rows;
    }

    /** Per-category rows keyed by category (for lookups). */
    public Map<String, CategoryRow> categoriesByName() {
        Map<String, CategoryRow> byName = new LinkedHashMap<>();
        categories.forEach(c -> byName.put(c.category(), c));
        return byName;
    }
}
