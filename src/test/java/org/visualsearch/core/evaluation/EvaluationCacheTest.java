package org.visualsearch.core.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.visualsearch.core.search.GalleryEntry;
import org.visualsearch.core.search.IndexedGallery;
import org.visualsearch.core.model.ModelInfo;

class EvaluationCacheTest {

    /** Counts how often an evaluation really ran (progress is only reported by a computation). */
    private static final class Counting implements GalleryEvaluator.Listener {
        final AtomicInteger runs = new AtomicInteger();

        @Override
        public void progress(int done, int total) {
            if (done == total) {
                runs.incrementAndGet();
            }
        }
    }

    @Test
    void sameModelAndContentsAreComputedOnce() {
        EvaluationCache cache = new EvaluationCache(4);
        Counting counting = new Counting();
        GalleryEvaluation first = cache.evaluate(GalleryEvaluatorTest.mixed(), 5, counting);
        // An equal gallery built again (a reload from the database) hits the cache.
        GalleryEvaluation again = cache.evaluate(GalleryEvaluatorTest.mixed(), 5, counting);
        assertThat(again).isSameAs(first);
        assertThat(counting.runs.get()).isEqualTo(1);
        assertThat(cache.cached(GalleryEvaluatorTest.mixed(), 5)).containsSame(first);
    }

    @Test
    void anotherModelAVectorOrACategoryChangeIsANewEvaluation() {
        IndexedGallery base = GalleryEvaluatorTest.gallery("a", 0, "a", 1, "b", 2, "b", 3);
        IndexedGallery otherModel = new IndexedGallery(new ModelInfo("other", "other", 1), base.entries(), base.vectors());
        IndexedGallery movedVector = GalleryEvaluatorTest.gallery("a", 0, "a", 1, "b", 2, "b", 30);
        IndexedGallery relabelled = new IndexedGallery(base.model(), List.of(
                base.entries().get(0), base.entries().get(1), base.entries().get(2),
                new GalleryEntry(Path.of("img3.jpg"), "a", "h6")), base.vectors());
        String key = GalleryFingerprint.of(base);
        assertThat(GalleryFingerprint.of(otherModel)).isNotEqualTo(key);
        assertThat(GalleryFingerprint.of(movedVector)).isNotEqualTo(key);
        assertThat(GalleryFingerprint.of(relabelled)).isNotEqualTo(key);
        assertThat(GalleryFingerprint.of(GalleryEvaluatorTest.gallery("a", 0, "a", 1, "b", 2, "b", 3))).isEqualTo(key);

        EvaluationCache cache = new EvaluationCache(4);
        Counting counting = new Counting();
        for (IndexedGallery g : List.of(base, otherModel, movedVector, relabelled)) {
            cache.evaluate(g, 5, counting);
        }
        assertThat(counting.runs.get()).isEqualTo(4);
        assertThat(cache.evaluate(relabelled, 5, counting).categories().get("a").queries()).isEqualTo(3);
        assertThat(counting.runs.get()).isEqualTo(4);
    }

    @Test
    void leastRecentlyUsedGoesFirst() {
        EvaluationCache cache = new EvaluationCache(2);
        IndexedGallery a = GalleryEvaluatorTest.gallery("a", 0, "a", 1);
        IndexedGallery b = GalleryEvaluatorTest.gallery("a", 0, "a", 2);
        IndexedGallery c = GalleryEvaluatorTest.gallery("a", 0, "a", 3);
        cache.evaluate(a, 5, GalleryEvaluator.Listener.NONE);
        cache.evaluate(b, 5, GalleryEvaluator.Listener.NONE);
        cache.cached(a, 5); // a is now the most recent
        cache.evaluate(c, 5, GalleryEvaluator.Listener.NONE);
        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.cached(a, 5)).isPresent();
        assertThat(cache.cached(b, 5)).isEmpty();
        assertThat(cache.cached(c, 5)).isPresent();
    }

    @Test
    void aDifferentKIsADifferentEntry() {
        EvaluationCache cache = new EvaluationCache(4);
        IndexedGallery g = GalleryEvaluatorTest.mixed();
        assertThat(cache.evaluate(g, 1, GalleryEvaluator.Listener.NONE).k()).isEqualTo(1);
        assertThat(cache.evaluate(g, 5, GalleryEvaluator.Listener.NONE).k()).isEqualTo(5);
        assertThat(cache.size()).isEqualTo(2);
    }

}
