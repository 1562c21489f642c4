package org.visualsearch.core.training;

import org.visualsearch.core.model.HeadWeights;
import java.time.Duration;
import java.util.List;

/**
 * What a training run produced.
 *
 * @param head      the trained head on raw features
 * @param options   the options it ran with (label mode resolved)
 * @param split     which rows trained and which validated
 * @param history   one entry per epoch
 * @param base      figures of the base model (its own head, or plain features when it has none)
 * @param untrained figures of the freshly initialised head
 * @param trained   figures of the trained head (the last epoch's)
 * @param elapsed   wall time of the training itself (features already extracted)
 */
public record TrainingResult(HeadWeights head, TrainingOptions options, ValidationSplit split,
                             List<EpochStats> history, Figures base, Figures untrained, Figures trained,
                             Duration elapsed) {
    public TrainingResult {
        history = List.copyOf(history);
    }

    public double finalLoss() {
        return history.isEmpty() ? Double.NaN : history.get(history.size() - 1).loss();
    }
}
