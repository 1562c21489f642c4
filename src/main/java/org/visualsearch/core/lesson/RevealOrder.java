package org.visualsearch.core.lesson;

import java.util.Locale;
import java.util.Optional;

/** The order in which guess-first mode uncovers the top 5, as a lesson file spells it. */
public enum RevealOrder {
    /** #5 first, #1 last: the suspense of a countdown. */
    WORST_FIRST("worst-first"),
    /** #1 first, then #2 … #5. */
    BEST_FIRST("best-first");

    private final String key;

    RevealOrder(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    /** The order a lesson file's word names ("worst-first", "best-first"), if any. */
    public static Optional<RevealOrder> fromKey(String text) {
        String wanted = text.trim().toLowerCase(Locale.ROOT);
        for (RevealOrder order : values()) {
            if (order.key.equals(wanted)) {
                return Optional.of(order);
            }
        }
        return Optional.empty();
    }

    /** The rank (1..count) uncovered at reveal number {@code step} (0-based). */
    public int rankAt(int step, int count) {
        if (step < 0 || step >= count) {
            throw new IndexOutOfBoundsException("reveal " + step + " of " + count);
        }
        return this == BEST_FIRST ? step + 1 : count - step;
    }
}
