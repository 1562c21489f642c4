package org.visualsearch.core.evaluation;

import java.util.OptionalDouble;
import org.visualsearch.core.search.IndexedGallery;

/**
 * The colour-histogram baseline's mP@5 on the same photos, for context beside a model's score.
 * Only given when the baseline has embedded every photo of the gallery: a score on a part of
 * it would not compare.
 */
public final class BaselineScore {

    private BaselineScore() {
    }

    /**
     * @param evaluated the gallery the model was evaluated on
     * @param baseline  the same folders as embedded by the baseline (may miss photos it has not embedded)
     */
    public static OptionalDouble of(IndexedGallery evaluated, IndexedGallery baseline, int k, EvaluationCache cache) {
        if (baseline == null || baseline.model().equals(evaluated.model()) || !baseline.entries().equals(evaluated.entries())) {
            return OptionalDouble.empty();
        }
        GalleryEvaluation e = cache.evaluate(baseline, k, GalleryEvaluator.Listener.NONE);
        return e.hasScore() ? OptionalDouble.of(e.meanPrecision()) : OptionalDouble.empty();
    }
}
