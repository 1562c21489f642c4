package org.visualsearch.core.projection;

import java.util.Locale;
import java.util.Map;

/**
 * One colour per category, as hex {@code #rrggbb}: the same in the window (chips, grid, legend,
 * map) and in the map pictures the command line writes. The sample gallery's five categories
 * have fixed, clearly distinct colours; other categories get one of a further palette by name.
 * All are dark enough for white text on a projector.
 */
public final class CategoryPalette {
    private static final Map<String, String> KNOWN = Map.of(
            "dog", "#c2410c",
            "vehicle", "#1d4ed8",
            "food", "#15803d",
            "landmark", "#7c3aed",
            "clothes", "#be185d");
    private static final String[] OTHERS = {
        "#0e7490", "#a16207", "#4d7c0f", "#9f1239", "#1e40af", "#6d28d9", "#b45309", "#047857"
    };
    /** Photos without a category. */
    public static final String NONE = "#57606a";

    private CategoryPalette() {
    }

    public static String colorOf(String category) {
        if (category == null) {
            return NONE;
        }
        String known = KNOWN.get(category.toLowerCase(Locale.ROOT));
        if (known != null) {
            return known;
        }
        return OTHERS[Math.floorMod(category.hashCode(), OTHERS.length)];
    }

    /** The colour as 0xRRGGBB. */
    public static int rgbOf(String category) {
        return Integer.parseInt(colorOf(category).substring(1), 16);
    }
}
