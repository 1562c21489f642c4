package org.visualsearch.core.evaluation;

import java.util.List;

/**
 * Gallery photos that were searched as results but not scored as queries, and why.
 *
 * @param unlabelled      photos with no category (lying directly in a gallery folder, not in a
 *                        category subfolder): nothing says which results would be right
 * @param alone           photos that are the only one of their category: there is nothing to find
 * @param aloneCategories the categories of those, sorted
 */
public record LeftOut(int unlabelled, int alone, List<String> aloneCategories) {

    public LeftOut {
        aloneCategories = List.copyOf(aloneCategories);
    }

    public int total() {
        return unlabelled + alone;
    }

    /** One sentence for a person, e.g. "3 photos without a category were searched but not scored."; empty when none. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        if (unlabelled > 0) {
            sb.append(photos(unlabelled)).append(" without a category (not in a category subfolder) ")
                    .append(unlabelled == 1 ? "was" : "were").append(" searched but not scored: nothing says which results would be right.");
        }
        if (alone > 0) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(photos(alone)).append(alone == 1 ? " is" : " are").append(" the only one of its category (")
                    .append(String.join(", ", aloneCategories)).append("): nothing to find, so not scored.");
        }
        return sb.toString();
    }

    private static String photos(int n) {
        return String.format("%,d photo%s", n, n == 1 ? "" : "s");
    }
}
