package org.visualsearch.core.lesson;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The show of hands before one reveal in guess-first mode: the teacher clicks once per raised hand
 * for each category, then the reveal says how many guessed right. Also keeps the running score of
 * the whole query (all reveals so far), which is what the class cares about.
 */
public final class GuessTally {
    private final Map<String, Integer> votes = new LinkedHashMap<>();
    private int rightSoFar;
    private int votesSoFar;

    /** @param categories the categories the class can vote for, in the order they are shown */
    public GuessTally(List<String> categories) {
        for (String category : categories) {
            votes.put(Objects.requireNonNull(category), 0);
        }
    }

    /** The categories, in order. */
    public List<String> categories() {
        return List.copyOf(votes.keySet());
    }

    /** One more hand for {@code category}. */
    public void add(String category) {
        votes.merge(known(category), 1, Integer::sum);
    }

    /** One hand fewer (a mis-click); never below zero. */
    public void remove(String category) {
        votes.computeIfPresent(known(category), (k, n) -> Math.max(0, n - 1));
    }

    public int votes(String category) {
        return votes.getOrDefault(category, 0);
    }

    /** Hands raised in this round. */
    public int total() {
        return votes.values().stream().mapToInt(Integer::intValue).sum();
    }

    public Map<String, Integer> all() {
        return Collections.unmodifiableMap(votes);
    }

    /**
     * Ends the round: the result was {@code truth}. Returns how this round went and starts the
     * next one with no hands raised.
     */
    public Round reveal(String truth) {
        int right = votes(truth);
        int total = total();
        rightSoFar += right;
        votesSoFar += total;
        votes.replaceAll((k, n) -> 0);
        return new Round(truth, right, total, rightSoFar, votesSoFar);
    }

    /** Forgets everything (a new query). */
    public void reset() {
        votes.replaceAll((k, n) -> 0);
        rightSoFar = 0;
        votesSoFar = 0;
    }

    private String known(String category) {
        if (!votes.containsKey(category)) {
            throw new IllegalArgumentException("not a category of this gallery: " + category);
        }
        return category;
    }

    /**
     * One reveal's outcome.
     *
     * @param truth      the category of the photo revealed
     * @param right      hands raised for it
     * @param total      hands raised in all
     * @param rightSoFar right guesses over all reveals of this query so far
     * @param totalSoFar all guesses over all reveals of this query so far
     */
    public record Round(String truth, int right, int total, int rightSoFar, int totalSoFar) {
        /** "12 of 20 guessed right (vehicle)" or, with no votes, "vehicle". */
        public String summary() {
            return total == 0 ? truth : right + " of " + total + " guessed right (" + truth + ")";
        }
    }
}
