package org.visualsearch.ui.compare;

import java.util.Locale;
import org.visualsearch.core.search.GalleryEntry;

/** How the comparison writes names and numbers. */
final class CompareText {
    private CompareText() {
    }

    static String fileName(GalleryEntry e) {
        return e.path().getFileName() == null ? e.path().toString() : e.path().getFileName().toString();
    }

    static String fmt(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.3f", v);
    }

    static String signed(double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        String s = String.format(Locale.ROOT, "%.3f", Math.abs(v));
        return v > 0.0005 ? "+" + s : v < -0.0005 ? "−" + s : "±" + s;
    }
}
