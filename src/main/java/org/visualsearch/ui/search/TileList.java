package org.visualsearch.ui.search;

import org.visualsearch.ui.gallery.GalleryTile;
import java.util.List;
import javafx.collections.ObservableListBase;

/**
 * The grid's tiles: a list whose whole content is swapped for a list built elsewhere (off the FX
 * thread, for a ranking), announced as one replacement. Unlike {@code setAll} on an observable
 * array list it does not copy 100,000 tiles on the FX thread. Change it on the FX thread only.
 */
final class TileList extends ObservableListBase<GalleryTile> {
    private List<GalleryTile> content = List.of();

    /** Shows {@code tiles}, which nobody may change afterwards. */
    void replaceAll(List<GalleryTile> tiles) {
        List<GalleryTile> old = content;
        content = tiles;
        if (old.isEmpty() && tiles.isEmpty()) {
            return;
        }
        beginChange();
        if (tiles.isEmpty()) {
            nextRemove(0, old);
        } else if (old.isEmpty()) {
            nextAdd(0, tiles.size());
        } else {
            nextReplace(0, tiles.size(), old);
        }
        endChange();
    }

    @Override
    public GalleryTile get(int index) {
        return content.get(index);
    }

    @Override
    public int size() {
        return content.size();
    }
}
