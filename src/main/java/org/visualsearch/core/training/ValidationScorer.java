package org.visualsearch.core.training;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.visualsearch.core.search.GalleryEntry;
import org.visualsearch.core.search.IndexedGallery;
import org.visualsearch.core.evaluation.GalleryEvaluator;
import org.visualsearch.core.model.ModelInfo;
import org.visualsearch.core.search.VectorIndex;

/**
 * Scores embeddings of the validation photos with the app's own leave-one-out mP@5 (the
 * challenge's metric, as {@code eval} computes it): once by category, once by instance group
 * (photos without a group are results only, never queries).
 */
final class ValidationScorer {

    private final List<GalleryEntry> byCategory = new ArrayList<>();
    private final List<GalleryEntry> byInstance = new ArrayList<>();
    private final boolean instances;

    ValidationScorer(List<LabelledFeatures.Sample> samples, List<Integer> rows) {
        boolean any = false;
        for (int i : rows) {
            LabelledFeatures.Sample s = samples.get(i);
            Path path = s.path();
            byCategory.add(new GalleryEntry(path, s.category(), s.hash()));
            byInstance.add(new GalleryEntry(path, s.instance(), s.hash()));
            any |= s.instance() != null;
        }
        instances = any;
    }

    boolean isEmpty() {
        return byCategory.isEmpty();
    }

    /** Figures of embeddings [rows x dim], row-major, in the order of the rows given at construction. */
    Figures score(float[] embeddings, int dim) {
        if (byCategory.isEmpty()) {
            return Figures.NONE;
        }
        ModelInfo info = new ModelInfo("validation", "validation", dim);
        VectorIndex vectors = VectorIndex.wrap(dim, embeddings);
        double category = GalleryEvaluator.evaluate(new IndexedGallery(info, byCategory, vectors)).meanPrecision();
        double instance = instances
                ? GalleryEvaluator.evaluate(new IndexedGallery(info, byInstance, vectors)).meanPrecision()
                : Double.NaN;
        return new Figures(category, instance);
    }
}
