package org.visualsearch.ui.gallery;

import impl.org.controlsfx.skin.GridViewSkin;
import org.controlsfx.control.GridView;

/**
 * The grid's skin with its rows' height fixed (a grid row is always {@code cellHeight} plus the
 * vertical spacing above and below). Without it the virtual flow estimates the height of a
 * gallery's many rows by laying out rows that are not on screen, which fills their tiles (and
 * asks for their thumbnails) and makes jumps such as scrolling to the end slow.
 */
public final class FixedRowGridSkin<T> extends GridViewSkin<T> {

    public FixedRowGridSkin(GridView<T> grid) {
        super(grid);
        getVirtualFlow().fixedCellSizeProperty().bind(
                grid.cellHeightProperty().add(grid.verticalCellSpacingProperty().multiply(2)));
    }
}
