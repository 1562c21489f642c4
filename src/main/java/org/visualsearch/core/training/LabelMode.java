package org.visualsearch.core.training;

import java.util.Locale;

/**
 * Which labels the ArcFace heads learn, as the Python tool's {@code --labels}: the category (the
 * first-level folder), the instance group (the second-level folder, or a manifest's instance
 * column; photos without a group fall back to their fine class or category), or both (category
 * weight 1, instance weight 0.5, the recipe's "catfine:1+fine:0.5" with plain categories).
 */
public enum LabelMode {
    CATEGORY,
    INSTANCE,
    BOTH,
    /** BOTH when the data has instance groups, else CATEGORY. */
    AUTO;

    /** Weight of the instance head next to the category head in {@link #BOTH}, as in the recipe. */
    public static final float INSTANCE_WEIGHT = 0.5f;

    public LabelMode resolve(boolean hasInstances) {
        if (this != AUTO) {
            return this;
        }
        return hasInstances ? BOTH : CATEGORY;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses category, instance, both or auto (any case). */
    public static LabelMode parse(String text) {
        for (LabelMode m : values()) {
            if (m.key().equalsIgnoreCase(text.strip())) {
                return m;
            }
        }
        throw new IllegalArgumentException("label mode '" + text + "' is not one of category, instance, both, auto");
    }
}
