package org.visualsearch.ui.evaluate;

import java.util.Locale;
import java.util.function.BiConsumer;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import org.visualsearch.core.evaluation.ConfusionMatrix;

/**
 * The confusion matrix drawn on one canvas (100 categories make 10,000 cells: nodes would be
 * slow): rows the query's category, columns the result's; each cell coloured by its share of the
 * row (blue on the diagonal, orange off it) with its count and share written when there is room.
 * A click on a cell reports (row, column).
 */
final class ConfusionMatrixCanvas extends Canvas {
    private static final double LARGE_CELL = 50;
    private static final double SMALL_CELL = 14;
    private ConfusionMatrix matrix;
    private double cell = LARGE_CELL;
    /** Cell width: as wide as the longest column name when cells are large, so names show whole. */
    private double cellW = LARGE_CELL;
    private double headerWidth = 120;
    private double headerHeight = 40;
    private int selectedRow = -1;
    private int selectedColumn = -1;
    private final Font font = Font.font("System", 14);
    private final Font bold = Font.font("System", FontWeight.BOLD, 15);

    ConfusionMatrixCanvas(BiConsumer<Integer, Integer> onCellClicked) {
        setOnMouseClicked(e -> {
            int[] rc = cellAt(e.getX(), e.getY());
            if (rc != null) {
                onCellClicked.accept(rc[0], rc[1]);
            }
        });
    }

    void setMatrix(ConfusionMatrix newMatrix) {
        matrix = newMatrix;
        selectedRow = -1;
        selectedColumn = -1;
        if (matrix == null) {
            setWidth(0);
            setHeight(0);
            return;
        }
        int n = Math.max(matrix.rows().size(), matrix.columns().size());
        cell = n <= 8 ? LARGE_CELL : n <= 20 ? 44 : SMALL_CELL;
        boolean vertical = cell < LARGE_CELL;
        double longest = 0;
        for (String r : matrix.rows()) {
            longest = Math.max(longest, r.length());
        }
        headerWidth = Math.min(200, Math.max(90, longest * 8.5 + 16));
        double longestColumn = matrix.columns().stream().mapToDouble(c -> label(c).length()).max().orElse(4);
        headerHeight = vertical ? Math.min(160, longestColumn * 8 + 12) : 26;
        cellW = cell;
        if (cell >= LARGE_CELL) {
            for (String c : matrix.columns()) {
                javafx.scene.text.Text probe = new javafx.scene.text.Text(label(c));
                probe.setFont(font);
                cellW = Math.max(cellW, Math.min(76, Math.ceil(probe.getLayoutBounds().getWidth()) + 10));
            }
        }
        setWidth(headerWidth + cellW * matrix.columns().size() + 2);
        setHeight(headerHeight + cell * matrix.rows().size() + 2);
        draw();
    }

    void select(int row, int column) {
        selectedRow = row;
        selectedColumn = column;
        draw();
    }

    /** Centre of a cell in this canvas' coordinates, for tests that click it. */
    double[] cellCentre(int row, int column) {
        return new double[] {headerWidth + (column + 0.5) * cellW, headerHeight + (row + 0.5) * cell};
    }

    private int[] cellAt(double x, double y) {
        if (matrix == null || x < headerWidth || y < headerHeight) {
            return null;
        }
        int column = (int) ((x - headerWidth) / cellW);
        int row = (int) ((y - headerHeight) / cell);
        return row < matrix.rows().size() && column < matrix.columns().size() ? new int[] {row, column} : null;
    }

    private void draw() {
        GraphicsContext g = getGraphicsContext2D();
        g.clearRect(0, 0, getWidth(), getHeight());
        if (matrix == null) {
            return;
        }
        g.setTextBaseline(VPos.CENTER);
        g.setFont(font);
        g.setFill(Color.web("#1f2328"));
        boolean text = cell >= 40;
        // column headers
        for (int c = 0; c < matrix.columns().size(); c++) {
            double x = headerWidth + c * cellW + cellW / 2;
            if (cell >= LARGE_CELL) {
                g.setTextAlign(TextAlignment.CENTER);
                g.fillText(fitWidth(label(matrix.columns().get(c)), cellW - 4), x, headerHeight / 2);
            } else {
                g.save();
                g.translate(x, headerHeight - 4);
                g.rotate(-90);
                g.setTextAlign(TextAlignment.LEFT);
                g.fillText(label(matrix.columns().get(c)), 0, 0);
                g.restore();
            }
        }
        for (int r = 0; r < matrix.rows().size(); r++) {
            double y = headerHeight + r * cell;
            g.setTextAlign(TextAlignment.RIGHT);
            g.setFill(Color.web("#1f2328"));
            g.setFont(font);
            g.fillText(fit(matrix.rows().get(r), 22), headerWidth - 8, y + cell / 2);
            for (int c = 0; c < matrix.columns().size(); c++) {
                double x = headerWidth + c * cellW;
                double f = matrix.fraction(r, c);
                boolean diagonal = matrix.rows().get(r).equals(matrix.columns().get(c));
                g.setFill(cellColour(f, diagonal));
                g.fillRect(x + 1, y + 1, cellW - 2, cell - 2);
                if (text) {
                    g.setFill(f > 0.45 ? Color.WHITE : Color.web("#1f2328"));
                    g.setTextAlign(TextAlignment.CENTER);
                    g.setFont(bold);
                    g.fillText(String.valueOf(matrix.count(r, c)), x + cellW / 2, y + cell / 2 - (cell >= LARGE_CELL ? 8 : 0));
                    if (cell >= LARGE_CELL) {
                        g.setFont(font);
                        g.fillText(String.format(Locale.ROOT, "%.0f%%", 100 * f), x + cellW / 2, y + cell / 2 + 10);
                    }
                }
            }
        }
        if (selectedRow >= 0) {
            g.setStroke(Color.web("#1f2328"));
            g.setLineWidth(3);
            g.strokeRect(headerWidth + selectedColumn * cellW + 1.5, headerHeight + selectedRow * cell + 1.5, cellW - 3, cell - 3);
        }
    }

    /** Share of the row, 0..1: white to blue (right results) or to orange (wrong ones). */
    static Color cellColour(double fraction, boolean diagonal) {
        Color strong = diagonal ? Color.web("#1d4ed8") : Color.web("#c2410c");
        if (fraction == 0) {
            return Color.web("#f6f8fa");
        }
        return Color.web("#ffffff").interpolate(strong, 0.12 + 0.88 * fraction);
    }

    static String label(String category) {
        return category == null ? "(none)" : category;
    }

    /** The label, shortened with "…" until it is at most {@code width} pixels wide in the header font. */
    private String fitWidth(String s, double width) {
        javafx.scene.text.Text probe = new javafx.scene.text.Text(s);
        probe.setFont(font);
        String shown = s;
        while (shown.length() > 1 && probe.getLayoutBounds().getWidth() > width) {
            shown = shown.substring(0, shown.length() - 1);
            probe.setText(shown + "…");
        }
        return shown.equals(s) ? s : shown + "…";
    }

    private static String fit(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
