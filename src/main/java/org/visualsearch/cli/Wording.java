package org.visualsearch.cli;

import java.util.Locale;
import org.visualsearch.core.model.ModelInfo;

/**
 * The command line's one vocabulary: a model is named by its display name and dimension (never
 * its internal id, and without a second pair of brackets after a name that has its own), counts
 * are "N photos" / "N problems" with the right plural.
 */
final class Wording {

    private Wording() {
    }

    /** "Colour histogram (baseline), 64-d". */
    static String model(ModelInfo model) {
        return model.name() + ", " + model.dimension() + "-d";
    }

    /** "1 photo", "1,000 photos". */
    static String count(long n, String singular) {
        return String.format(Locale.ROOT, "%,d %s%s", n, singular, n == 1 ? "" : "s");
    }
}
