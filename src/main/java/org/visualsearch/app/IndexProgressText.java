package org.visualsearch.app;

import java.time.Duration;
import java.util.Locale;
import org.visualsearch.core.gallery.IndexProgress;

/** The progress line of an indexing run: count, rate and time left. */
public final class IndexProgressText {
    private IndexProgressText() {
    }

    public static String describe(IndexProgress p) {
        return switch (p.state()) {
            case SCANNING -> "Looking for photos" + (p.currentFile() == null ? "" : " in " + p.currentFile()) + "…";
            case INDEXING -> String.format(Locale.ROOT, "%,d of %,d photos", p.done(), p.total())
                    + (p.rate() > 0 ? String.format(Locale.ROOT, " · %.1f photos/s", p.rate()) : "")
                    + (p.eta() != null ? " · " + eta(p.eta()) : "");
            case PAUSED -> String.format(Locale.ROOT, "Paused at %,d of %,d photos", p.done(), p.total());
            case FINISHED -> String.format(Locale.ROOT, "Done: %,d photos", p.done());
            case CANCELLED -> String.format(Locale.ROOT, "Stopped after %,d of %,d photos", p.done(), p.total());
        };
    }

    /** "about 40 s left", "about 3 min left", "about 2 h 5 min left". */
    public static String eta(Duration left) {
        long s = Math.max(0, left.toSeconds());
        if (s < 60) {
            return "about " + Math.max(1, s) + " s left";
        }
        long min = (s + 30) / 60;
        if (min < 60) {
            return "about " + min + " min left";
        }
        return "about " + min / 60 + " h " + min % 60 + " min left";
    }
}
