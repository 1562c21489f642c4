package org.visualsearch.core.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.visualsearch.core.search.GalleryEntry;
import org.visualsearch.core.search.IndexedGallery;
import org.visualsearch.core.metrics.Evaluation;
import org.visualsearch.core.model.ModelInfo;
import org.visualsearch.core.search.Neighbor;
import org.visualsearch.core.search.VectorIndex;

/**
 * Galleries of 1-d "embeddings" (points on a line), so every expected score below can be worked
 * out by hand; the working is in the comments.
 */
class GalleryEvaluatorTest {

    static IndexedGallery gallery(Object... labelPositionPairs) {
        List<GalleryEntry> entries = new ArrayList<>();
        List<float[]> vectors = new ArrayList<>();
        for (int i = 0; i < labelPositionPairs.length; i += 2) {
            entries.add(new GalleryEntry(Path.of("img" + i / 2 + ".jpg"), (String) labelPositionPairs[i], "h" + i));
            vectors.add(new float[] {((Number) labelPositionPairs[i + 1]).floatValue()});
        }
        return new IndexedGallery(new ModelInfo("line", "line", 1), entries, VectorIndex.of(1, vectors));
    }

    /** The first gallery: small categories, ties, an unlabelled photo and a category of one. */
    static IndexedGallery mixed() {
        return gallery(
                "a", 0.0,   // 0
                "a", 1.0,   // 1
                "b", 2.0,   // 2
                "a", 3.0,   // 3
                "b", 2.5,   // 4
                null, 0.5,  // 5  unlabelled: never a query, never right
                "c", 20.0); // 6  the only "c": n_q = 0, not scored
    }

    @Test
    void smallCategoriesTiesUnlabelledAndSingletons() {
        // a has n_q = 2, so each "a" query is judged on its first 2 results:
        //   #0 @0: #5 (0.5, none), #1 (1, a)              -> 1/2
        //   #1 @1: #5 (0.5, none), then #0 and #2 tie at 1; the lower index #0 (a) wins -> 1/2
        //   #3 @3: #4 (0.5, b), #2 (1, b)                  -> 0
        // b has n_q = 1, judged on the first result:
        //   #2 @2: #4 (0.5, b)                             -> 1
        //   #4 @2.5: #2 and #3 tie at 0.5; #2 (b) wins     -> 1
        GalleryEvaluation e = GalleryEvaluator.evaluate(mixed());

        assertThat(e.k()).isEqualTo(5);
        assertThat(e.queryCount()).isEqualTo(5);
        assertThat(e.gallerySize()).isEqualTo(7);
        assertThat(e.categories()).containsOnlyKeys("a", "b");
        assertThat(e.categories().get("a").queries()).isEqualTo(3);
        assertThat(e.categories().get("a").meanPrecision()).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(e.categories().get("b").queries()).isEqualTo(2);
        assertThat(e.categories().get("b").meanPrecision()).isEqualTo(1.0);
        // Mean over queries, not over categories: (0.5 + 0.5 + 0 + 1 + 1) / 5.
        assertThat(e.meanPrecision()).isCloseTo(0.6, within(1e-12));

        assertThat(e.queries()).extracting(QueryScore::index).containsExactly(0, 1, 2, 3, 4);
        assertThat(e.queries()).extracting(QueryScore::precision).containsExactly(0.5, 0.5, 1.0, 0.0, 1.0);
        assertThat(e.queries()).extracting(QueryScore::cutoff).containsExactly(2, 2, 1, 2, 1);
    }

    @Test
    void eachQueryHasItsTopFiveWithDistancesAndWithoutItself() {
        GalleryEvaluation e = GalleryEvaluator.evaluate(mixed());
        QueryScore q3 = e.queryAt(3).orElseThrow();
        // @3: #4 at 0.5, #2 at 1, #1 at 2, #5 at 2.5, #0 at 3 (#6 at 17 is sixth).
        assertThat(q3.top()).extracting(Match::index).containsExactly(4, 2, 1, 5, 0);
        assertThat(q3.top()).extracting(Match::distance).containsExactly(0.5f, 1f, 2f, 2.5f, 3f);
        assertThat(q3.top()).extracting(Match::rank).containsExactly(1, 2, 3, 4, 5);
        assertThat(q3.top()).extracting(Match::correct).containsExactly(false, false, true, false, true);
        assertThat(q3.wrongCount()).isEqualTo(3);
        for (QueryScore q : e.queries()) {
            assertThat(q.top()).hasSize(5).extracting(Match::index).doesNotContain(q.index());
        }
    }

    @Test
    void selfIsLeftOutEvenWhenADuplicateSitsAtDistanceZero() {
        // #0 and #1 are the same point; #0 must find #1 (distance 0), never itself.
        GalleryEvaluation e = GalleryEvaluator.evaluate(gallery("a", 0, "a", 0, "b", 0.1, "b", 5));
        QueryScore q0 = e.queryAt(0).orElseThrow();
        assertThat(q0.top()).extracting(Match::index).containsExactly(1, 2, 3);
        assertThat(q0.top().get(0).distance()).isZero();
        assertThat(q0.precision()).isEqualTo(1.0);
        // With 4 photos there are only 3 others: top-k holds 3.
        assertThat(e.queries()).allSatisfy(q -> assertThat(q.top()).hasSize(3));
    }

    @Test
    void unlabelledAndSingletonPhotosAreLeftOutWithCountsAndReasons() {
        GalleryEvaluation e = GalleryEvaluator.evaluate(mixed());
        assertThat(e.queryAt(5)).isEmpty();
        assertThat(e.queryAt(6)).isEmpty();
        assertThat(e.leftOut().unlabelled()).isEqualTo(1);
        assertThat(e.leftOut().alone()).isEqualTo(1);
        assertThat(e.leftOut().aloneCategories()).containsExactly("c");
        assertThat(e.leftOut().total()).isEqualTo(2);
        assertThat(e.leftOut().describe()).contains("1 photo without a category", "not scored", "(c)");
        // Left out as queries, but still searched as results: #5 is #1's closest.
        assertThat(e.queryAt(1).orElseThrow().top().get(0).index()).isEqualTo(5);
    }

    @Test
    void confusionCountsEveryTopFiveResultByQueryAndResultCategory() {
        GalleryEvaluation e = GalleryEvaluator.evaluate(mixed());
        ConfusionMatrix m = e.confusion();
        // Top-5 of each query (working as in the first test, extended to 5 results):
        //   #0 @0:   5(-) 1(a) 2(b) 4(b) 3(a)     a: 2  b: 2  -: 1
        //   #1 @1:   5(-) 0(a) 2(b) 4(b) 3(a)     a: 2  b: 2  -: 1
        //   #3 @3:   4(b) 2(b) 1(a) 5(-) 0(a)     a: 2  b: 2  -: 1
        //   #2 @2:   4(b) 1(a) 3(a) 5(-) 0(a)     a: 3  b: 1  -: 1
        //   #4 @2.5: 2(b) 3(a) 1(a) 5(-) 0(a)     a: 3  b: 1  -: 1
        // Column c: #6 is never in anyone's top-5; unlabelled is last.
        assertThat(m.rows()).containsExactly("a", "b");
        assertThat(m.columns()).containsExactly("a", "b", null);
        assertThat(m.count(0, 0)).isEqualTo(6);
        assertThat(m.count(0, 1)).isEqualTo(6);
        assertThat(m.count(0, 2)).isEqualTo(3);
        assertThat(m.count(1, 0)).isEqualTo(6);
        assertThat(m.count(1, 1)).isEqualTo(2);
        assertThat(m.count(1, 2)).isEqualTo(2);
        assertThat(m.rowTotal(0)).isEqualTo(15);
        assertThat(m.fraction(1, 1)).isCloseTo(0.2, within(1e-12));
        assertThat(m.maxCount()).isEqualTo(6);

        List<ConfusionPair> bAsA = e.pairs("b", "a");
        assertThat(bAsA).hasSize(6);
        assertThat(bAsA).extracting(p -> p.query().index() + "->" + p.result().index())
                .containsExactly("2->1", "2->3", "2->0", "4->3", "4->1", "4->0");
        assertThat(e.pairs("a", null)).extracting(p -> p.result().index()).containsOnly(5);
    }

    @Test
    void resultOnlyCategoriesGetAColumnAfterTheRows() {
        // "z" is alone (not a row) but is the nearest of #0.
        GalleryEvaluation e = GalleryEvaluator.evaluate(gallery("a", 0, "a", 10, "z", 1));
        assertThat(e.confusion().rows()).containsExactly("a");
        assertThat(e.confusion().columns()).containsExactly("a", "z");
        assertThat(e.confusion().count(0, 1)).isEqualTo(2);
    }

    @Test
    void categoryWithMoreThanFiveOthersIsJudgedOnFiveResults() {
        IndexedGallery g = gallery(
                "a", 0, "a", 1, "a", 2, "a", 3, "a", 4, "a", 5, "a", 6, // 0..6
                "b", 0.5,                                                // 7
                "b", 100);                                               // 8
        // a: n_q = 6, so the cut-off is 5 (a sixth "a" further down does not count).
        //   @0: #7 .5, #1 1, #2 2, #3 3, #4 4                       -> 4/5
        //   @1: #7 .5, #0 1, #2 1, #3 2, #4 3                       -> 4/5
        //   @2: #1 1, #3 1, #7 1.5, #0 2, #4 2                      -> 4/5
        //   @3: #2 1, #4 1, #1 2, #5 2, #7 2.5 (before #0, #6 at 3) -> 4/5
        //   @4: #3 1, #5 1, #2 2, #6 2, #1 3 (#7 at 3.5)            -> 5/5
        //   @5, @6: five "a" closer than #7                         -> 5/5 each
        // b: n_q = 1. @0.5: #0 and #1 tie at .5, #0 (a) wins -> 0. @100: #6 (a) -> 0.
        GalleryEvaluation e = GalleryEvaluator.evaluate(g);

        assertThat(e.queryCount()).isEqualTo(9);
        assertThat(e.leftOut().total()).isZero();
        assertThat(e.categories().get("a").meanPrecision()).isCloseTo(6.2 / 7, within(1e-12));
        assertThat(e.categories().get("b").meanPrecision()).isZero();
        assertThat(e.meanPrecision()).isCloseTo(6.2 / 9, within(1e-12));
        // Worst first: the two b queries (0), then a's 4/5 ones, by path.
        assertThat(e.worstFirst()).extracting(QueryScore::index).startsWith(7, 8, 0, 1, 2, 3);
    }

    @Test
    void perfectlySeparatedCategoriesScoreOne() {
        GalleryEvaluation e = GalleryEvaluator.evaluate(gallery("x", 0, "x", 1, "x", 2, "y", 50, "y", 51, "y", 52));
        assertThat(e.meanPrecision()).isEqualTo(1.0);
        assertThat(e.categories().keySet()).containsExactly("x", "y");
        // Yet each x query's top-5 holds 3 y photos: with only 2 other x, P@5 is judged on the
        // first 2 results, while the confusion matrix counts all 5.
        assertThat(e.confusion().count(0, 0)).isEqualTo(6);
        assertThat(e.confusion().count(0, 1)).isEqualTo(9);
    }

    @Test
    void galleryWithoutScorableQueriesHasNoScore() {
        GalleryEvaluation e = GalleryEvaluator.evaluate(gallery(null, 0, "solo", 1));
        assertThat(e.hasScore()).isFalse();
        assertThat(e.queryCount()).isZero();
        assertThat(e.leftOut().total()).isEqualTo(2);
        assertThat(e.meanPrecision()).isNaN();
        assertThat(e.categories()).isEmpty();
        assertThat(e.confusion().rows()).isEmpty();
    }

    @Test
    void summaryKeepsTheNumbersTheEvalCommandPrints() {
        Evaluation s = GalleryEvaluator.evaluate(mixed()).summary();
        assertThat(s.k()).isEqualTo(5);
        assertThat(s.queries()).isEqualTo(5);
        assertThat(s.skipped()).isEqualTo(2);
        assertThat(s.meanPrecision()).isCloseTo(0.6, within(1e-12));
        assertThat(s.perLabel().keySet()).containsExactly("a", "b");
    }

    /**
     * The tiled, parallel search must answer exactly what {@link VectorIndex#nearest} answers for
     * each query: across tile boundaries, with duplicate vectors (ties) and coarse values (many
     * equal distances).
     */
    @Test
    void neighboursAreExactlyVectorIndexNearestWithTheQueryExcluded() {
        Random random = new Random(7);
        int n = LeaveOneOutNeighbours.TILE * 3 + 17;
        int dim = 19;
        List<float[]> vectors = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            float[] v = new float[dim];
            for (int d = 0; d < dim; d++) {
                v[d] = i % 10 == 3 ? vectors.get(i - 1)[d] : random.nextInt(3) / 2f + (float) random.nextGaussian() * 1e-3f * (i % 2);
            }
            vectors.add(v);
        }
        VectorIndex index = VectorIndex.of(dim, vectors);
        LeaveOneOutNeighbours neighbours = new LeaveOneOutNeighbours(index);
        // All rows (each distance computed once for both rows) and every third row (one side only).
        int[] all = java.util.stream.IntStream.range(0, n).toArray();
        int[] someRows = java.util.stream.IntStream.range(0, n).filter(i -> i % 3 == 1).toArray();
        for (int[] queries : List.of(all, someRows)) {
            AtomicInteger lastDone = new AtomicInteger();
            LeaveOneOutNeighbours.Result found = neighbours.search(queries, 5, new LeaveOneOutNeighbours.Progress() {
                @Override
                public void done(int queriesDone, int queriesTotal) {
                    lastDone.accumulateAndGet(queriesDone, Math::max);
                    assertThat(queriesTotal).isEqualTo(queries.length);
                }

                @Override
                public boolean cancelled() {
                    return false;
                }
            });
            for (int q = 0; q < queries.length; q++) {
                int i = queries[q];
                List<Neighbor> expected = index.nearest(index.vector(i), 5, i);
                for (int r = 0; r < 5; r++) {
                    assertThat(found.indices()[q * 5 + r]).as("query %d rank %d", i, r).isEqualTo(expected.get(r).index());
                    // Same neighbours; the distance may differ in the last float bit (the two loops sum in other orders).
                    assertThat(found.distances()[q * 5 + r]).isCloseTo(expected.get(r).distance(), org.assertj.core.data.Offset.offset(1e-5f));
                }
            }
            assertThat(lastDone.get()).isEqualTo(queries.length);
        }
    }

    @Test
    void aCancelledEvaluationThrowsAndReportsNoResult() {
        AtomicInteger polls = new AtomicInteger();
        GalleryEvaluator.Listener cancelAtOnce = new GalleryEvaluator.Listener() {
            @Override
            public boolean cancelled() {
                polls.incrementAndGet();
                return true;
            }
        };
        assertThatThrownBy(() -> GalleryEvaluator.evaluate(mixed(), 5, cancelAtOnce))
                .isInstanceOf(CancellationException.class);
        assertThat(polls.get()).isPositive();
    }
}
