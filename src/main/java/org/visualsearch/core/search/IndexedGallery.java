package org.visualsearch.core.search;

import java.util.List;
import org.visualsearch.core.model.ModelInfo;

/**
 * A gallery whose photos are all embedded by one model, ready to search. Entry {@code i} has
 * vector {@code i} of the index. Immutable: a new scan or model gives a new instance.
 */
public record IndexedGallery(ModelInfo model, List<GalleryEntry> entries, VectorIndex vectors) {

    /** A search hit with its gallery entry; rank starts at 1. */
    public record Hit(int rank, GalleryEntry entry, int index, float distance) {
    }

    public IndexedGallery {
        entries = List.copyOf(entries);
        if (entries.size() != vectors.size()) {
            throw new IllegalArgumentException(entries.size() + " entries but " + vectors.size() + " vectors");
        }
        if (vectors.size() > 0 && vectors.dimension() != model.dimension()) {
            throw new IllegalArgumentException("vectors have dimension " + vectors.dimension()
                    + " but model " + model.name() + " has " + model.dimension());
        }
    }

    public int size() {
        return entries.size();
    }

    /** The {@code k} nearest photos, closest first. */
    public List<Hit> nearest(float[] query, int k) {
        return hits(vectors.nearest(query, k));
    }

    /**
     * The whole gallery, closest first; like {@link VectorIndex#rankAll} sorted only as far as it
     * is read, so a caller that shows the first screenful does not pay for sorting the rest.
     */
    public List<Hit> rankAll(float[] query) {
        List<Neighbor> ranking = vectors.rankAll(query);
        return new RankedHits(ranking);
    }

    /** Hits made as they are read from a lazily sorted ranking. */
    private final class RankedHits extends java.util.AbstractList<Hit> implements java.util.RandomAccess {
        private final List<Neighbor> ranking;

        RankedHits(List<Neighbor> ranking) {
            this.ranking = ranking;
        }

        @Override
        public Hit get(int i) {
            Neighbor n = ranking.get(i);
            return new Hit(i + 1, entries.get(n.index()), n.index(), n.distance());
        }

        @Override
        public int size() {
            return ranking.size();
        }
    }

    private List<Hit> hits(List<Neighbor> neighbors) {
        Hit[] hits = new Hit[neighbors.size()];
        for (int i = 0; i < hits.length; i++) {
            Neighbor n = neighbors.get(i);
            hits[i] = new Hit(i + 1, entries.get(n.index()), n.index(), n.distance());
        }
        return List.of(hits);
    }
}
