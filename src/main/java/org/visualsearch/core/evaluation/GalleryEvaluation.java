package org.visualsearch.core.evaluation;

import java.time.Instant;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.visualsearch.core.search.GalleryEntry;
import org.visualsearch.core.metrics.Evaluation;
import org.visualsearch.core.model.ModelInfo;

/**
 * A model's leave-one-out score on one gallery, with everything behind it: each scored query's
 * P@k and top-k, the per-category means, the confusion matrix and what was left out.
 * Made by {@link GalleryEvaluator}; immutable.
 *
 * <p>Per-query data is kept in flat arrays (a 100,000-photo gallery has 500,000 results) and
 * {@link QueryScore} values are made when asked for.
 */
public final class GalleryEvaluation {
    private final ModelInfo model;
    private final String galleryKey;
    private final int k;
    private final List<GalleryEntry> entries;
    private final int[] queryIndex;
    private final double[] precision;
    private final int[] cutoff;
    private final int[] neighbours;
    private final float[] distances;
    private final Map<String, CategoryScore> categories;
    private final double meanPrecision;
    private final ConfusionMatrix confusion;
    private final LeftOut leftOut;
    private final Instant computedAt;
    private final long computeMillis;
    private final int[] worstOrder;
    private final int[] positionOfIndex;

    GalleryEvaluation(ModelInfo model, String galleryKey, int k, List<GalleryEntry> entries, int[] queryIndex,
                      double[] precision, int[] cutoff, int[] neighbours, float[] distances,
                      Map<String, CategoryScore> categories, double meanPrecision, ConfusionMatrix confusion,
                      LeftOut leftOut, Instant computedAt, long computeMillis) {
        this.model = model;
        this.galleryKey = galleryKey;
        this.k = k;
        this.entries = entries;
        this.queryIndex = queryIndex;
        this.precision = precision;
        this.cutoff = cutoff;
        this.neighbours = neighbours;
        this.distances = distances;
        this.categories = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(categories));
        this.meanPrecision = meanPrecision;
        this.confusion = confusion;
        this.leftOut = leftOut;
        this.computedAt = computedAt;
        this.computeMillis = computeMillis;
        this.worstOrder = worstOrder();
        this.positionOfIndex = new int[entries.size()];
        Arrays.fill(positionOfIndex, -1);
        for (int q = 0; q < queryIndex.length; q++) {
            positionOfIndex[queryIndex[q]] = q;
        }
    }

    public ModelInfo model() {
        return model;
    }

    /** The gallery's contents fingerprint with the model (see {@link GalleryFingerprint}). */
    public String galleryKey() {
        return galleryKey;
    }

    public int k() {
        return k;
    }

    /** Photos in the gallery searched (scored or not). */
    public int gallerySize() {
        return entries.size();
    }

    /** Number of scored queries. */
    public int queryCount() {
        return queryIndex.length;
    }

    public boolean hasScore() {
        return queryIndex.length > 0;
    }

    /** Mean P@k over all scored queries (the challenge's mP@k; not the mean of category means); NaN without queries. */
    public double meanPrecision() {
        return meanPrecision;
    }

    /** Per category, sorted by name. */
    public Map<String, CategoryScore> categories() {
        return categories;
    }

    public ConfusionMatrix confusion() {
        return confusion;
    }

    public LeftOut leftOut() {
        return leftOut;
    }

    public Instant computedAt() {
        return computedAt;
    }

    /** How long the computation took (not the cache lookup). */
    public long computeMillis() {
        return computeMillis;
    }

    /** The scored queries in gallery order. */
    public List<QueryScore> queries() {
        return new AbstractList<>() {
            @Override
            public QueryScore get(int i) {
                return query(i);
            }

            @Override
            public int size() {
                return queryIndex.length;
            }
        };
    }

    /** The scored queries, lowest P@k first (ties: category, then path), so the worst come first. */
    public List<QueryScore> worstFirst() {
        return new AbstractList<>() {
            @Override
            public QueryScore get(int i) {
                return query(worstOrder[i]);
            }

            @Override
            public int size() {
                return worstOrder.length;
            }
        };
    }

    /** The score of gallery photo {@code galleryIndex}, when it was scored. */
    public Optional<QueryScore> queryAt(int galleryIndex) {
        if (galleryIndex < 0 || galleryIndex >= positionOfIndex.length || positionOfIndex[galleryIndex] < 0) {
            return Optional.empty();
        }
        return Optional.of(query(positionOfIndex[galleryIndex]));
    }

    /** Every (query, result) pair behind a confusion-matrix cell, in gallery order of the queries. */
    public List<ConfusionPair> pairs(String queryCategory, String resultCategory) {
        List<ConfusionPair> pairs = new ArrayList<>();
        for (int q = 0; q < queryIndex.length; q++) {
            if (!Objects.equals(entries.get(queryIndex[q]).category(), queryCategory)) {
                continue;
            }
            QueryScore score = null;
            for (int r = 0; r < k; r++) {
                int n = neighbours[q * k + r];
                if (n >= 0 && Objects.equals(entries.get(n).category(), resultCategory)) {
                    if (score == null) {
                        score = query(q);
                    }
                    pairs.add(new ConfusionPair(score, score.top().get(r)));
                }
            }
        }
        return pairs;
    }

    /** The headline numbers, as the {@code eval} command printed them before this class existed. */
    public Evaluation summary() {
        Map<String, Evaluation.LabelScore> perLabel = new LinkedHashMap<>();
        categories.forEach((c, s) -> perLabel.put(c, new Evaluation.LabelScore(c, s.queries(), s.meanPrecision())));
        return new Evaluation(k, perLabel, meanPrecision, queryIndex.length, leftOut.total());
    }

    private QueryScore query(int q) {
        int index = queryIndex[q];
        GalleryEntry entry = entries.get(index);
        List<Match> top = new ArrayList<>(k);
        for (int r = 0; r < k; r++) {
            int n = neighbours[q * k + r];
            if (n < 0) {
                break;
            }
            GalleryEntry result = entries.get(n);
            top.add(new Match(r + 1, n, result, distances[q * k + r], Objects.equals(entry.category(), result.category())));
        }
        return new QueryScore(index, entry, precision[q], cutoff[q], top);
    }

    private int[] worstOrder() {
        Integer[] order = new Integer[queryIndex.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Comparator<Integer> byPrecision = Comparator.comparingDouble(q -> precision[q]);
        Arrays.sort(order, byPrecision
                .thenComparing(q -> entries.get(queryIndex[q]).category())
                .thenComparing(q -> entries.get(queryIndex[q]).path().toString()));
        return Arrays.stream(order).mapToInt(Integer::intValue).toArray();
    }
}
