package org.visualsearch.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.visualsearch.core.model.ModelInfo;
import org.visualsearch.core.search.GalleryEntry;
import org.visualsearch.core.search.IndexedGallery;
import org.visualsearch.core.search.VectorIndex;

/**
 * Galleries of 1-d "embeddings" (points on a line), so every expected score below can be worked
 * out by hand; the working is in the comments.
 */
class LeaveOneOutEvaluatorTest {

    private static IndexedGallery gallery(Object... labelPositionPairs) {
        List<GalleryEntry> entries = new ArrayList<>();
        List<float[]> vectors = new ArrayList<>();
        for (int i = 0; i < labelPositionPairs.length; i += 2) {
            entries.add(new GalleryEntry(Path.of("img" + i / 2 + ".jpg"), (String) labelPositionPairs[i], "h" + i));
            vectors.add(new float[] {((Number) labelPositionPairs[i + 1]).floatValue()});
        }
        return new IndexedGallery(new ModelInfo("line", "line", 1), entries, VectorIndex.of(1, vectors));
    }

    @Test
    void smallLabelsTiesUnlabelledAndSingletons() {
        IndexedGallery g = gallery(
                "a", 0.0,   // 0
                "a", 1.0,   // 1
                "b", 2.0,   // 2
                "a", 3.0,   // 3
                "b", 2.5,   // 4
                null, 0.5,  // 5  unlabelled: never a query, never relevant
                "c", 20.0); // 6  the only "c": n_q = 0, skipped
        // a has n_q = 2, so each "a" query is judged on its first 2 results:
        //   #0 @0: #5 (0.5, none), #1 (1, a)              -> 1/2
        //   #1 @1: #5 (0.5, none), then #0 and #2 tie at 1; the lower index #0 (a) wins -> 1/2
        //   #3 @3: #4 (0.5, b), #2 (1, b)                  -> 0
        // b has n_q = 1, judged on the first result:
        //   #2 @2: #4 (0.5, b)                             -> 1
        //   #4 @2.5: #2 and #3 tie at 0.5; #2 (b) wins     -> 1
        Evaluation e = LeaveOneOutEvaluator.evaluate(g);

        assertThat(e.k()).isEqualTo(5);
        assertThat(e.queries()).isEqualTo(5);
        assertThat(e.skipped()).isEqualTo(2);
        assertThat(e.perLabel()).containsOnlyKeys("a", "b");
        assertThat(e.perLabel().get("a").queries()).isEqualTo(3);
        assertThat(e.perLabel().get("a").meanPrecision()).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(e.perLabel().get("b").queries()).isEqualTo(2);
        assertThat(e.perLabel().get("b").meanPrecision()).isEqualTo(1.0);
        // Mean over queries, not over labels: (0.5 + 0.5 + 0 + 1 + 1) / 5.
        assertThat(e.meanPrecision()).isCloseTo(0.6, within(1e-12));
    }

    @Test
    void labelWithMoreThanFiveOthersIsJudgedOnFiveResults() {
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
        Evaluation e = LeaveOneOutEvaluator.evaluate(g);

        assertThat(e.queries()).isEqualTo(9);
        assertThat(e.skipped()).isZero();
        assertThat(e.perLabel().get("a").meanPrecision()).isCloseTo(6.2 / 7, within(1e-12));
        assertThat(e.perLabel().get("b").meanPrecision()).isZero();
        assertThat(e.meanPrecision()).isCloseTo(6.2 / 9, within(1e-12));
    }

    @Test
    void perfectlySeparatedLabelsScoreOne() {
        IndexedGallery g = gallery("x", 0, "x", 1, "x", 2, "y", 50, "y", 51, "y", 52);
        Evaluation e = LeaveOneOutEvaluator.evaluate(g);
        assertThat(e.meanPrecision()).isEqualTo(1.0);
        assertThat(e.perLabel().keySet()).containsExactly("x", "y");
    }

    @Test
    void galleryWithoutScorableQueriesHasNoScore() {
        Evaluation e = LeaveOneOutEvaluator.evaluate(gallery(null, 0, "solo", 1));
        assertThat(e.hasScore()).isFalse();
        assertThat(e.queries()).isZero();
        assertThat(e.skipped()).isEqualTo(2);
        assertThat(e.meanPrecision()).isNaN();
        assertThat(e.perLabel()).isEmpty();
    }
}
