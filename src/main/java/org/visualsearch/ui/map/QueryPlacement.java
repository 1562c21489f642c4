package org.visualsearch.ui.map;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.visualsearch.core.projection.NeighbourDistortion;
import org.visualsearch.core.projection.Projection;
import org.visualsearch.core.search.IndexedGallery;

/**
 * Where the query sits on the map, its true top 5 in the full space, and the photos the map puts
 * nearer than those (the intruders). Use from the FX thread.
 */
final class QueryPlacement {
    private static final int TOP_K = 5;
    private final SimpleObjectProperty<float[]> queryOnMap = new SimpleObjectProperty<>();
    private final ObservableList<Integer> neighbours = FXCollections.observableArrayList();
    private final ObservableList<Integer> intruders = FXCollections.observableArrayList();
    private final ObservableList<Integer> neighboursView = FXCollections.unmodifiableObservableList(neighbours);
    private final ObservableList<Integer> intrudersView = FXCollections.unmodifiableObservableList(intruders);

    /** The search's query (a vector of the mapped gallery's model) with its top matches in that gallery. */
    void placeQuery(Projection p, IndexedGallery g, float[] v, List<IndexedGallery.Hit> topMatches) {
        List<Integer> near = new ArrayList<>();
        for (IndexedGallery.Hit hit : topMatches) {
            near.add(hit.index());
        }
        if (p == null || g == null || v == null || v.length != g.vectors().dimension() || near.isEmpty()
                || !belongTo(topMatches, g)) {
            clear();
            return;
        }
        set(p, p.place(v), near, -1);
    }

    /**
     * A gallery photo as the query, with lines to its true top 5 in the gallery (itself left
     * out): under model B the search's query, a vector of model A, has no place; the picked photo does.
     */
    void placePhoto(Projection p, IndexedGallery g, int index) {
        if (p == null || g == null || index < 0 || index >= g.size() || g.size() < 2) {
            clear();
            return;
        }
        float[] v = g.vectors().vector(index);
        List<Integer> near = new ArrayList<>();
        for (var n : g.vectors().nearest(v, TOP_K, index)) {
            near.add(n.index());
        }
        set(p, p.place(v), near, index);
    }

    private void set(Projection p, float[] place, List<Integer> near, int exclude) {
        queryOnMap.set(place);
        neighbours.setAll(near);
        intruders.setAll(NeighbourDistortion.mapIntruders(p, place, near, exclude));
    }

    private void clear() {
        queryOnMap.set(null);
        neighbours.clear();
        intruders.clear();
    }

    private static boolean belongTo(List<IndexedGallery.Hit> hits, IndexedGallery g) {
        for (IndexedGallery.Hit hit : hits) {
            if (hit.index() >= g.size() || !g.entries().get(hit.index()).equals(hit.entry())) {
                return false;
            }
        }
        return true;
    }

    ReadOnlyObjectProperty<float[]> queryOnMapProperty() {
        return queryOnMap;
    }

    ObservableList<Integer> neighbours() {
        return neighboursView;
    }

    ObservableList<Integer> intruders() {
        return intrudersView;
    }
}
