package org.visualsearch.app;

import java.util.Objects;

/**
 * A model the user can pick.
 *
 * @param key   what {@code ModelCatalog.open} takes: a folder name under the models folder, or
 *              {@code "histogram"}
 * @param label what the chooser shows
 */
public record ModelChoice(String key, String label) {
    public static final ModelChoice HISTOGRAM = new ModelChoice("histogram", "Colour histogram (baseline)");

    public ModelChoice {
        Objects.requireNonNull(key);
        Objects.requireNonNull(label);
    }

    @Override
    public String toString() {
        return label;
    }
}
