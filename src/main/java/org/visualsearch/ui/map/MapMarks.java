package org.visualsearch.ui.map;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.visualsearch.core.search.GalleryEntry;
import org.visualsearch.core.search.IndexedGallery;

/**
 * The photos marked on the map: the box selection and the one highlighted photo (clicked on the
 * map, or picked in the comparison). They are kept as photos, not positions, so they stay marked
 * when the map changes to another model's gallery or method; {@link #showOn} finds them in the
 * gallery on screen. Use from the FX thread.
 */
final class MapMarks {
    private final List<GalleryEntry> selectedEntries = new ArrayList<>();
    private final ObservableList<Integer> selection = FXCollections.observableArrayList();
    private final ObservableList<Integer> selectionView = FXCollections.unmodifiableObservableList(selection);
    private final SimpleStringProperty selectionText = new SimpleStringProperty("");
    private final SimpleObjectProperty<GalleryEntry> highlighted = new SimpleObjectProperty<>();
    private final SimpleIntegerProperty highlightedIndex = new SimpleIntegerProperty(-1);
    private IndexedGallery shown;
    private Map<GalleryEntry, Integer> indexOfEntry = Map.of();

    /** The gallery on screen changed: find the marked photos in it (those it lacks are not drawn). */
    void showOn(IndexedGallery gallery) {
        if (gallery != shown) {
            shown = gallery;
            indexOfEntry = null; // built when first needed
        }
        List<Integer> indices = new ArrayList<>(selectedEntries.size());
        for (GalleryEntry e : selectedEntries) {
            int i = indexOf(e);
            if (i >= 0) {
                indices.add(i);
            }
        }
        selection.setAll(indices);
        highlightedIndex.set(indexOf(highlighted.get()));
        selectionText.set(describeSelection());
    }

    /** The gallery index of {@code entry} on screen, or -1. */
    int indexOf(GalleryEntry entry) {
        if (entry == null || shown == null) {
            return -1;
        }
        if (indexOfEntry == null) {
            Map<GalleryEntry, Integer> map = new HashMap<>(shown.size() * 2);
            for (int i = 0; i < shown.size(); i++) {
                map.putIfAbsent(shown.entries().get(i), i);
            }
            indexOfEntry = map;
        }
        return indexOfEntry.getOrDefault(entry, -1);
    }

    /** Selects these gallery indices of the gallery on screen. */
    void select(List<Integer> indices) {
        selectedEntries.clear();
        if (shown != null) {
            for (int i : indices) {
                selectedEntries.add(shown.entries().get(i));
            }
        }
        showOn(shown);
    }

    void highlight(GalleryEntry entry) {
        highlighted.set(entry);
        highlightedIndex.set(indexOf(entry));
    }

    private String describeSelection() {
        if (selection.isEmpty() || shown == null) {
            return "";
        }
        Map<String, Integer> byCategory = new TreeMap<>();
        for (int index : selection) {
            byCategory.merge(shown.entries().get(index).categoryOrUnlabelled(), 1, Integer::sum);
        }
        StringBuilder text = new StringBuilder(String.format("%,d selected:", selection.size()));
        byCategory.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(6)
                .forEach(e -> text.append(' ').append(e.getValue()).append(' ').append(e.getKey()).append(','));
        text.setLength(text.length() - 1);
        return text.toString();
    }

    ObservableList<Integer> selection() {
        return selectionView;
    }

    ReadOnlyStringProperty selectionTextProperty() {
        return selectionText;
    }

    ReadOnlyObjectProperty<GalleryEntry> highlightedProperty() {
        return highlighted;
    }

    ReadOnlyIntegerProperty highlightedIndexProperty() {
        return highlightedIndex;
    }
}
