package org.visualsearch.core.training;

/**
 * One epoch of a training run.
 *
 * @param epoch              1-based
 * @param epochs             how many the run has
 * @param loss               training loss of this epoch's step (before the update)
 * @param validationCategory validation mP@5 by category after the update, NaN without validation
 * @param validationInstance validation mP@5 by instance group, NaN without groups in validation
 */
public record EpochStats(int epoch, int epochs, double loss, double validationCategory, double validationInstance) {
}
