package org.visualsearch.core.occlusion;

import java.util.List;

/**
 * For each square of the query: the distance to the match with that square hidden. A square
 * whose hiding moves the photo away from its match ({@link #increase} above 0) is part of what
 * made them neighbours; one whose hiding brings it closer pulled the other way.
 *
 * @param width        the query's width in pixels (as embedded)
 * @param height       its height
 * @param baseDistance the distance to the match with nothing hidden
 * @param distances    per square (row-major, as {@link #cells}), the distance with it hidden
 * @param embeds       how many times the model ran
 * @param nanos        how long it took
 */
public record SimilarityHeatmap(OcclusionSettings settings, int width, int height, List<OcclusionGrid.Cell> cells,
                                double baseDistance, double[] distances, int embeds, long nanos) {
    public SimilarityHeatmap {
        cells = List.copyOf(cells);
        distances = distances.clone();
        if (distances.length != cells.size()) {
            throw new IllegalArgumentException(distances.length + " distances for " + cells.size() + " squares");
        }
    }

    @Override
    public double[] distances() {
        return distances.clone();
    }

    /** How much hiding square {@code i} moved the photo away from its match (negative: closer). */
    public double increase(int i) {
        return distances[i] - baseDistance;
    }

    /** The largest move away over all squares (0 when no square moved it away). */
    public double maxIncrease() {
        double max = 0;
        for (int i = 0; i < distances.length; i++) {
            max = Math.max(max, increase(i));
        }
        return max;
    }

    /** The largest move closer, as a positive number (0 when none). */
    public double maxDecrease() {
        double max = 0;
        for (int i = 0; i < distances.length; i++) {
            max = Math.max(max, -increase(i));
        }
        return max;
    }

    /**
     * Every square's move on one scale, -1..1: {@link #increase} divided by the largest move
     * either way, so the strongest square is 1 (or -1) and the colours compare across squares.
     * All 0 when no square changed anything (a model that never looks there).
     */
    public double[] normalised() {
        double scale = Math.max(maxIncrease(), maxDecrease());
        double[] out = new double[distances.length];
        if (scale > 0) {
            for (int i = 0; i < out.length; i++) {
                out[i] = increase(i) / scale;
            }
        }
        return out;
    }

    /** The square whose hiding moved the photo furthest from its match, or -1 when none did. */
    public int strongest() {
        int best = -1;
        for (int i = 0; i < distances.length; i++) {
            if (increase(i) > 0 && (best < 0 || increase(i) > increase(best))) {
                best = i;
            }
        }
        return best;
    }
}
