package org.visualsearch.core.training;

/** Told of a training run's progress on the training thread; keep it cheap. */
public interface TrainingListener {
    TrainingListener NONE = new TrainingListener() { };

    /** Before the first epoch: the base model's figures and the untrained (freshly initialised) head's. */
    default void onStart(Figures base, Figures untrained) {
    }

    default void onEpoch(EpochStats stats) {
    }
}
