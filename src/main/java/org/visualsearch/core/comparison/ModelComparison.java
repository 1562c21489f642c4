package org.visualsearch.core.comparison;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.visualsearch.core.search.GalleryEntry;
import org.visualsearch.core.search.IndexedGallery;
import org.visualsearch.core.metrics.PrecisionAtK;
import org.visualsearch.core.model.ModelInfo;
import org.visualsearch.core.search.Neighbor;
import org.visualsearch.core.search.VectorIndex;

/**
 * Two models scored on the same photos, the challenge's way (leave-one-out k-NN, mean P@k): both
 * means, both per-category tables and every query's precision under each, so the queries that
 * changed most can be looked at. Scores follow {@code LeaveOneOutEvaluator}'s rules (unlabelled
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
        List<GalleryEntry> entries = a.entries();
        Map<String, Integer> labelCounts = new HashMap<>();
        for (GalleryEntry e : entries) {
            if (e.category() != null) {
                labelCounts.merge(e.category(), 1, Integer::sum);
            }
        }
        List<QueryScore> scored = new ArrayList<>();
        Map<String, double[]> sums = new TreeMap<>(); // label -> {sum A, sum B, count}
        double totalA = 0;
        double totalB = 0;
        for (int i = 0; i < entries.size(); i++) {
            String label = entries.get(i).category();
            if (label == null || labelCounts.get(label) < 2) {
                continue;
            }
            int others = labelCounts.get(label) - 1;
            double pa = precision(a, i, label, others);
            double pb = precision(b, i, label, others);
            scored.add(new QueryScore(i, entries.get(i), pa, pb));
            double[] s = sums.computeIfAbsent(label, l -> new double[3]);
            s[0] += pa;
            s[1] += pb;
            s[2]++;
            totalA += pa;
            totalB += pb;
        }
        this.queries = List.copyOf(scored);
        List<CategoryRow> rows = new ArrayList<>();
        sums.forEach((label, s) -> rows.add(new CategoryRow(label, (int) s[2], s[0] / s[2], s[1] / s[2])));
        this.categories = List.copyOf(rows);
        this.meanA = scored.isEmpty() ? Double.NaN : totalA / scored.size();
        this.meanB = scored.isEmpty() ? Double.NaN : totalB / scored.size();
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

    private double precision(IndexedGallery g, int query, String label, int others) {
        VectorIndex v = g.vectors();
        List<String> labels = new ArrayList<>(k);
        for (Neighbor n : v.nearest(v.vector(query), k, query)) {
            labels.add(g.entries().get(n.index()).category());
        }
        return PrecisionAtK.precision(label, labels, others, k);
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
