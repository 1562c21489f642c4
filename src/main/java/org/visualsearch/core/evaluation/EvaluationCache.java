package org.visualsearch.core.evaluation;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import org.visualsearch.core.search.IndexedGallery;

/**
 * Evaluations kept per (model, gallery contents, k), so showing the same model on the same
 * gallery again is instant. Least recently used ones go first. Thread-safe; two callers asking
 * for the same missing evaluation at once may both compute it (the last one stays).
 */
public final class EvaluationCache {
    private record Key(String galleryKey, int k) {
    }

    private final int capacity;
    private final Map<Key, GalleryEvaluation> cache;

    /** @param capacity evaluations kept (one for a 100,000-photo gallery holds about 5 MB) */
    public EvaluationCache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.capacity = capacity;
        this.cache = new LinkedHashMap<>(16, 0.75f, true);
    }

    /** The cached evaluation of this gallery (its model included), if any. */
    public Optional<GalleryEvaluation> cached(IndexedGallery gallery, int k) {
        return cached(GalleryFingerprint.of(gallery), k);
    }

    public synchronized Optional<GalleryEvaluation> cached(String galleryKey, int k) {
        return Optional.ofNullable(cache.get(new Key(galleryKey, k)));
    }

    /**
     * The cached evaluation, else a new one (then cached).
     *
     * @throws CancellationException when the listener cancels (nothing is cached)
     */
    public GalleryEvaluation evaluate(IndexedGallery gallery, int k, GalleryEvaluator.Listener listener) {
        String galleryKey = GalleryFingerprint.of(gallery);
        Optional<GalleryEvaluation> hit = cached(galleryKey, k);
        if (hit.isPresent()) {
            return hit.get();
        }
        GalleryEvaluation evaluation = GalleryEvaluator.evaluate(gallery, k, listener, galleryKey);
        put(evaluation);
        return evaluation;
    }

    private synchronized void put(GalleryEvaluation evaluation) {
        cache.put(new Key(evaluation.galleryKey(), evaluation.k()), evaluation);
        var eldest = cache.entrySet().iterator();
        while (cache.size() > capacity) {
            eldest.next();
            eldest.remove();
        }
    }

    public synchronized int size() {
        return cache.size();
    }
}
