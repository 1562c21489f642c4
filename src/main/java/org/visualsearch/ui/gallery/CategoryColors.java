package org.visualsearch.ui.gallery;

import java.util.Map;
import javafx.scene.control.Label;

/**
 * One colour per category, the same in the top-5 chips, the grid and the legend. The sample
 * gallery's five categories have fixed, clearly distinct colours; other categories get one of a
 * further palette by name. All are dark enough for white chip text on a projector.
 */
public final class CategoryColors {
    private static final Map<String, String> KNOWN = Map.of(
            "dog", "#c2410c",
            "vehicle", "#1d4ed8",
            "food", "#15803d",
            "landmark", "#7c3aed",
            "clothes", "#be185d");
    private static final String[] OTHERS = {
        "#0e7490", "#a16207", "#4d7c0f", "#9f1239", "#1e40af", "#6d28d9", "#b45309", "#047857"
    };
    private static final String NONE = "#57606a";

    private CategoryColors() {
    }

    public static String colorOf(String category) {
        if (category == null) {
            return NONE;
        }
        String known = KNOWN.get(category.toLowerCase(java.util.Locale.ROOT));
        if (known != null) {
            return known;
        }
        return OTHERS[Math.floorMod(category.hashCode(), OTHERS.length)];
    }

    /** A rounded label in the category's colour. */
    public static Label chip(String category) {
        Label chip = new Label();
        chip.getStyleClass().add("category-chip");
        setChip(chip, category);
        return chip;
    }

    public static void setChip(Label chip, String category) {
        chip.setText(category == null ? "(none)" : category);
        chip.setStyle("-fx-background-color: " + colorOf(category) + ";");
    }
}
