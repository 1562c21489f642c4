package org.visualsearch.app;

import java.time.Duration;
import java.util.Locale;
import org.visualsearch.core.gallery.IndexProgress;

/** The progress line of an indexing run: count, rate and time left. */
public final class IndexProgressText {
    private IndexProgressText() {
    }

    /**
     * Counts are the gallery's (photos indexed before the run included), so that they agree with
     * the gallery's header and {@code list}; the rate and the time left are this run's.
     */
    public static String describe(IndexProgress p) {
        return switch (p.state()) {
            case SCANNING -> "Looking for photos" + (p.currentFile() == null ? "" : " in " + p.currentFile()) + "…";
            case INDEXING -> String.format(Locale.ROOT, "%,d of %,d photos", p.galleryDone(), p.galleryTotal())
                    + (p.rate() > 0 ? String.format(Locale.ROOT, " · %.1f photos/s", p.rate()) : "")
                    + (p.eta() != null ? " · " + eta(p.eta()) : "");
            case PAUSED -> String.format(Locale.ROOT, "Paused at %,d of %,d photos", p.galleryDone(), p.galleryTotal());
            case FINISHED -> String.format(Locale.ROOT, "Done: %,d photos", p.galleryDone());
            case CANCELLED -> String.format(Locale.ROOT, "Stopped at %,d of %,d photos", p.galleryDone(), p.galleryTotal());
        };
    }

    /** The gallery header's line while indexing, in the same counts as {@link #describe}. */
    public static String indexed(IndexProgress p) {
        return String.format(Locale.ROOT, "%,d of %,d photos indexed", p.galleryDone(), p.galleryTotal());
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
