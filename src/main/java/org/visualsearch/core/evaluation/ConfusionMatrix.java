package org.visualsearch.core.evaluation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Where the queries of each category land: row = the query's category, column = the category of
 * a photo in its top-k, cell = how many such (query, result) pairs there are. The diagonal holds
 * the right results. Columns are the row categories, in the same order, then categories that only
 * appear as results, then {@code null} (unlabelled results) when there were any.
 */
public final class ConfusionMatrix {
    private final List<String> rows;
    private final List<String> columns;
    private final int[][] counts;

    ConfusionMatrix(List<String> rows, List<String> columns, int[][] counts) {
        this.rows = List.copyOf(rows);
        this.columns = Collections.unmodifiableList(new ArrayList<>(columns)); // may hold null
        this.counts = counts;
    }

    public List<String> rows() {
        return rows;
    }

    /** Result categories; {@code null} stands for unlabelled results. */
    public List<String> columns() {
        return columns;
    }

    public int count(int row, int column) {
        return counts[row][column];
    }

    /** Results of the row's queries (queries x k when every query has k results). */
    public int rowTotal(int row) {
        int sum = 0;
        for (int c : counts[row]) {
            sum += c;
        }
        return sum;
    }

    /** The cell's share of its row, 0 for an empty row. */
    public double fraction(int row, int column) {
        int total = rowTotal(row);
        return total == 0 ? 0 : (double) counts[row][column] / total;
    }

    /** Largest cell, for colour scales. */
    public int maxCount() {
        int max = 0;
        for (int[] row : counts) {
            for (int c : row) {
                max = Math.max(max, c);
            }
        }
        return max;
    }

    public int rowOf(String category) {
        return rows.indexOf(category);
    }

    public int columnOf(String category) {
        for (int i = 0; i < columns.size(); i++) {
            if (Objects.equals(columns.get(i), category)) {
                return i;
            }
        }
        return -1;
    }
}
