package org.visualsearch.ui.training;

import java.util.Locale;
import org.visualsearch.core.training.Figures;

/** Figures as the Train view words them. */
final class Format {
    private Format() {
    }

    static String value(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.3f", v);
    }

    static String figures(Figures f) {
        return Double.isNaN(f.instance()) ? value(f.category())
                : value(f.category()) + " (instances " + value(f.instance()) + ")";
    }
}
