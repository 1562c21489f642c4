package org.visualsearch.core.occlusion;

/**
 * How the query is cut and covered: a grid of {@code columns x rows} squares (the stride), each
 * hidden in turn by a patch {@code patchScale} times its size centred on it (1: the square
 * itself; 2: overlapping patches, a smoother map for as many embeds), filled with {@code fill}.
 */
public record OcclusionSettings(int columns, int rows, double patchScale, Fill fill) {
    /** The largest grid side: 32 x 32 = 1,024 embeds is already minutes with a real model. */
    public static final int MAX_SIDE = 32;

    /** 8 x 8 grey squares: 65 embeds (64 hidden copies and the photo itself). */
    public static final OcclusionSettings DEFAULT = new OcclusionSettings(8, 8, 1.0, Fill.GREY);

    /** What covers a hidden square. */
    public enum Fill {
        /** Mid grey (128, 128, 128): the part is gone. */
        GREY,
        /** The part blurred beyond recognition: its colours stay, its shapes go. */
        BLUR
    }

    public OcclusionSettings {
        if (columns < 1 || rows < 1 || columns > MAX_SIDE || rows > MAX_SIDE) {
            throw new IllegalArgumentException("the grid must be 1 to " + MAX_SIDE + " squares a side, not "
                    + columns + " x " + rows);
        }
        if (!(patchScale >= 1 && patchScale <= 4)) {
            throw new IllegalArgumentException("the patch must be 1 to 4 squares wide, not " + patchScale);
        }
        if (fill == null) {
            throw new IllegalArgumentException("no fill");
        }
    }

    /** A square grid of {@code side x side}, the rest as {@link #DEFAULT}. */
    public static OcclusionSettings grid(int side) {
        return new OcclusionSettings(side, side, DEFAULT.patchScale(), DEFAULT.fill());
    }

    public OcclusionSettings withFill(Fill other) {
        return new OcclusionSettings(columns, rows, patchScale, other);
    }

    public int cells() {
        return columns * rows;
    }

    /** Model calls per heatmap: one per hidden square, and one for the photo as it is. */
    public int embeds() {
        return cells() + 1;
    }
}
