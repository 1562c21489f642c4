package org.visualsearch.ui.gallery;

import javafx.scene.control.Label;
import org.visualsearch.core.projection.CategoryPalette;

/**
 * One colour per category, the same in the top-5 chips, the grid, the legend and the map (the
 * colours themselves are the core's {@link CategoryPalette}, shared with the command line's map
 * pictures). All are dark enough for white chip text on a projector.
 */
public final class CategoryColors {

    private CategoryColors() {
    }

    public static String colorOf(String category) {
        return CategoryPalette.colorOf(category);
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
