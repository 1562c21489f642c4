package org.visualsearch.core.occlusion;

import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.List;

/** Cuts a picture into the settings' grid: every square, and the patch hidden for it. */
public final class OcclusionGrid {
    /**
     * One square of the grid, row-major index {@code row * columns + column}.
     *
     * @param cell  what the heat colours (the squares tile the picture exactly)
     * @param patch what is hidden for it (the square, or larger and clipped to the picture)
     */
    public record Cell(int column, int row, Rectangle cell, Rectangle patch) {
    }

    private OcclusionGrid() {
    }

    /** The squares of a {@code width x height} picture, row by row from the top left. */
    public static List<Cell> cells(int width, int height, OcclusionSettings settings) {
        if (width < settings.columns() || height < settings.rows()) {
            throw new IllegalArgumentException("a " + width + " x " + height + " picture is too small for a "
                    + settings.columns() + " x " + settings.rows() + " grid");
        }
        List<Cell> cells = new ArrayList<>(settings.cells());
        Rectangle picture = new Rectangle(0, 0, width, height);
        for (int row = 0; row < settings.rows(); row++) {
            int y0 = edge(row, height, settings.rows());
            int y1 = edge(row + 1, height, settings.rows());
            for (int column = 0; column < settings.columns(); column++) {
                int x0 = edge(column, width, settings.columns());
                int x1 = edge(column + 1, width, settings.columns());
                Rectangle cell = new Rectangle(x0, y0, x1 - x0, y1 - y0);
                cells.add(new Cell(column, row, cell, patch(cell, settings.patchScale()).intersection(picture)));
            }
        }
        return cells;
    }

    /** The i-th of {@code parts} edges across {@code size} pixels, so the squares tile it with no gap. */
    private static int edge(int i, int size, int parts) {
        return (int) ((long) i * size / parts);
    }

    private static Rectangle patch(Rectangle cell, double scale) {
        if (scale == 1) {
            return new Rectangle(cell);
        }
        int w = (int) Math.round(cell.width * scale);
        int h = (int) Math.round(cell.height * scale);
        return new Rectangle(cell.x + cell.width / 2 - w / 2, cell.y + cell.height / 2 - h / 2, w, h);
    }
}
