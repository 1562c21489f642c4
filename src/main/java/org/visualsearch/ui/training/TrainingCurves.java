package org.visualsearch.ui.training;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.visualsearch.core.training.EpochStats;
import org.visualsearch.core.training.Figures;
import org.visualsearch.core.training.TrainingOptions;

/**
 * What the Train view's charts show of the last run started: one point per epoch (loss and
 * validation mP@5), the base model's and the untrained head's figures, and the epochs planned
 * (the axis). Changed on the FX thread only.
 */
public final class TrainingCurves {

    private final ObservableList<EpochStats> history = FXCollections.observableArrayList();
    private final ObservableList<EpochStats> historyView = FXCollections.unmodifiableObservableList(history);
    private final ObjectProperty<Figures> baseFigures = new SimpleObjectProperty<>(Figures.NONE);
    private final ObjectProperty<Figures> untrainedFigures = new SimpleObjectProperty<>(Figures.NONE);
    private final IntegerProperty runs = new SimpleIntegerProperty();
    private int plannedEpochs = TrainingOptions.DEFAULTS.epochs();

    /** A new run of {@code epochs} epochs: the charts start afresh. */
    void startRun(int epochs) {
        history.clear();
        baseFigures.set(Figures.NONE);
        untrainedFigures.set(Figures.NONE);
        plannedEpochs = epochs;
        runs.set(runs.get() + 1);
    }

    /** The reference figures, known once the features are there. */
    void references(Figures base, Figures untrained) {
        baseFigures.set(base);
        untrainedFigures.set(untrained);
    }

    void add(EpochStats epoch) {
        history.add(epoch);
    }

    /** Counts the runs started: the charts start afresh when it changes. */
    public ReadOnlyIntegerProperty runsProperty() {
        return runs;
    }

    /** Epochs of the last run started (the charts' axis). */
    public int plannedEpochs() {
        return plannedEpochs;
    }

    public ObservableList<EpochStats> history() {
        return historyView; // one wrapper: listeners on a short-lived wrapper would be collected
    }

    public ReadOnlyObjectProperty<Figures> baseFiguresProperty() {
        return baseFigures;
    }

    public ReadOnlyObjectProperty<Figures> untrainedFiguresProperty() {
        return untrainedFigures;
    }
}
