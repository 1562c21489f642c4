package org.visualsearch.core.evaluation;

import java.util.List;

/**
 * Published scores to put a gallery's mP@5 in context. They were measured on the challenge's own
 * hidden test set, not on the gallery in front of the user, so they are shown as such.
 */
public final class ReferenceScores {

    /** One published figure. */
    public record Reference(String label, double meanPrecision, String note) {
    }

    /** The Google Universal Image Embedding challenge's winning private-leaderboard score. */
    public static final Reference CHALLENGE_FIRST_PLACE = new Reference("1st place", 0.728,
            "Kaggle GUIE private leaderboard, on the challenge's own test set");
    /** The source project's own Kaggle submission. */
    public static final Reference SOURCE_PROJECT = new Reference("source project on Kaggle", 0.678,
            "the project this app comes from, on the challenge's own test set");

    public static final List<Reference> PUBLISHED = List.of(CHALLENGE_FIRST_PLACE, SOURCE_PROJECT);

    /** What to say beside them. */
    public static final String CAVEAT = "Reference scores are results on a different test set (the challenge's), "
            + "not on this gallery: a small gallery of a few clear categories scores far higher.";

    private ReferenceScores() {
    }
}
