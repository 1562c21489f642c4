package org.visualsearch.ui.training;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.visualsearch.app.HeadTraining;
import org.visualsearch.core.gallery.IndexProgress;
import org.visualsearch.core.model.Backbone;
import org.visualsearch.core.model.EmbeddingException;
import org.visualsearch.core.model.ModelCatalog;
import org.visualsearch.core.training.EpochStats;
import org.visualsearch.core.training.FeatureExtraction;
import org.visualsearch.core.training.Figures;
import org.visualsearch.core.training.TrainingOptions;
import org.visualsearch.core.training.TrainingRun;

/**
 * The Train view's state and actions: labelled folders, a base model that exposes a backbone, the
 * recipe's options ({@link TrainingForm}), a run off the FX thread with progress and cancel, the
 * charts' data ({@link TrainingCurves}), and saving the result as a model folder in the user's
 * data folder (the default) or the app's models folder.
 *
 * <p>Plain inputs: the model catalog, the database that caches features, an executor for the
 * work, one that runs on the FX thread (Platform::runLater in the app), and what to do once a
 * model was saved (the window refreshes the chooser and opens the comparison).
 */
public final class TrainViewModel {

    /** A folder a trained head can be saved in, as the save choice lists it. */
    public record SaveFolder(String label, Path dir) {
        @Override
        public String toString() {
            return "in " + label;
        }
    }

    /** A model that exposes a feature extractor, as the base choice lists it. */
    public record BaseChoice(String key, Backbone backbone) {
        @Override
        public String toString() {
            return (ModelCatalog.DEFAULT.equals(key) ? "Default model" : key) + " (" + backbone.dimension()
                    + " features)";
        }
    }

    private final javafx.beans.value.ObservableValue<HeadTraining> training;
    private final Executor background;
    private final Executor fx;
    private final Consumer<Path> onSaved;

    private final ObservableList<Path> folders = FXCollections.observableArrayList();
    private final ObservableList<BaseChoice> bases = FXCollections.observableArrayList();
    private final ObjectProperty<BaseChoice> base = new SimpleObjectProperty<>();
    private final TrainingForm form = new TrainingForm();
    private final StringProperty saveName = new SimpleStringProperty("");
    private final ObservableList<SaveFolder> saveFolders = FXCollections.observableArrayList();
    private final ObjectProperty<SaveFolder> saveIn = new SimpleObjectProperty<>();

    private final BooleanProperty running = new SimpleBooleanProperty(false);
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final StringProperty status = new SimpleStringProperty("Choose labelled folders and a base model, then Train.");
    private final StringProperty error = new SimpleStringProperty("");
    private final TrainingCurves curves = new TrainingCurves();
    private final ObjectProperty<TrainingRun.Outcome> outcome = new SimpleObjectProperty<>();
    private final ObjectProperty<Path> savedModel = new SimpleObjectProperty<>();
    private volatile TrainingRun current;

    /**
     * @param training the session's training use-case; null while no gallery database is open
     */
    public TrainViewModel(javafx.beans.value.ObservableValue<HeadTraining> training, Executor background, Executor fx,
                          Consumer<Path> onSaved) {
        this.training = training;
        training.addListener((o, a, b) -> reloadBases());
        this.background = background;
        this.fx = fx;
        this.onSaved = onSaved;
        reloadBases();
    }

    /** Re-reads the installed models that expose a backbone; keeps the choice when it is still there. */
    public void reloadBases() {
        List<BaseChoice> found = new ArrayList<>();
        HeadTraining t = training.getValue();
        for (Path folder : t == null ? List.<Path>of() : t.catalog().installed()) {
            try {
                Backbone.of(folder).ifPresent(b -> found.add(new BaseChoice(folder.getFileName().toString(), b)));
            } catch (EmbeddingException e) {
                // a model whose feature extractor is declared but broken is not offered
            }
        }
        reloadSaveFolders(t);
        BaseChoice chosen = base.get();
        bases.setAll(found);
        base.set(found.stream().filter(b -> chosen != null && b.key().equals(chosen.key())).findFirst()
                .orElse(found.stream().filter(b -> ModelCatalog.DEFAULT.equals(b.key())).findFirst()
                        .orElse(found.isEmpty() ? null : found.get(0))));
    }

    /**
     * Where a trained head can be saved: the user's data folder first (the default: it is theirs,
     * and stays when the app is updated), then the app's models folder.
     */
    private void reloadSaveFolders(HeadTraining t) {
        List<SaveFolder> found = new ArrayList<>();
        if (t != null) {
            t.catalog().userModelsDir().ifPresent(dir -> found.add(new SaveFolder("your data folder", dir)));
            found.add(new SaveFolder("the app's models folder", t.catalog().modelsDir()));
        }
        SaveFolder chosen = saveIn.get();
        saveFolders.setAll(found);
        saveIn.set(found.contains(chosen) ? chosen : found.isEmpty() ? null : found.get(0));
    }

    public void addFolder(Path folder) {
        Path f = folder.toAbsolutePath().normalize();
        if (!folders.contains(f)) {
            folders.add(f);
        }
    }

    /** Parses the options; null (with {@link #errorProperty()} set) when one is invalid. */
    TrainingOptions options() {
        try {
            return form.parse();
        } catch (IllegalArgumentException e) {
            error.set(capitalise(e.getMessage()) + ".");
            return null;
        }
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** Starts training; false (with the reason in {@link #errorProperty()}) when it cannot start. */
    public boolean train() {
        if (running.get()) {
            return false;
        }
        error.set("");
        if (folders.isEmpty()) {
            error.set("Add at least one labelled folder (one subfolder per category).");
            return false;
        }
        for (Path f : folders) {
            if (!Files.isDirectory(f)) {
                error.set("The folder " + f + " is not there any more.");
                return false;
            }
        }
        HeadTraining t = training.getValue();
        if (t == null) {
            error.set("The gallery database is not open yet: wait for the window to finish loading.");
            return false;
        }
        BaseChoice chosen = base.get();
        if (chosen == null) {
            error.set("No installed model exposes a backbone (features.pt) to train on.");
            return false;
        }
        TrainingOptions options = options();
        if (options == null) {
            return false;
        }
        curves.startRun(options.epochs());
        outcome.set(null);
        savedModel.set(null);
        if (saveName.get().isBlank()) {
            saveName.set(suggestName());
        }
        running.set(true);
        progress.set(-1);
        status.set("Computing backbone features…");
        TrainingRun run = t.newRun(chosen.backbone(), List.copyOf(folders), options);
        current = run;
        background.execute(() -> work(run));
        return true;
    }

    private void work(TrainingRun run) {
        try {
            TrainingRun.Outcome done = run.run(new Listener());
            fx.execute(() -> {
                outcome.set(done);
                running.set(false);
                progress.set(1);
                Figures trained = done.training().trained();
                status.set(String.format(Locale.ROOT, "Trained in %.1f s. Validation mP@5 %s (base model %s). "
                                + "Save it to use it.", done.training().elapsed().toMillis() / 1000.0,
                        Format.figures(trained), Format.figures(done.training().base())));
            });
        } catch (CancellationException e) {
            fx.execute(() -> {
                running.set(false);
                progress.set(0);
                status.set("Cancelled: nothing was saved. Features computed so far stay cached.");
            });
        } catch (Exception | LinkageError e) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            fx.execute(() -> {
                running.set(false);
                progress.set(0);
                status.set("Training failed.");
                error.set(capitalise(message));
            });
        } finally {
            current = null;
        }
    }

    public void cancel() {
        TrainingRun run = current;
        if (run != null) {
            run.cancel();
            status.set("Cancelling…");
        }
    }

    private String suggestName() {
        String stem = folders.get(0).getFileName() + "-head";
        String name = stem;
        for (int i = 2; catalog().isTaken(name); i++) {
            name = stem + "-" + i;
        }
        return name;
    }

    /**
     * Saves the finished run as NAME in the chosen folder ({@link #saveInProperty()}); false (with the
     * reason) when there is nothing to save or the name is taken (in either folder: the model chooser
     * lists models by name) or invalid.
     */
    public boolean save() {
        TrainingRun.Outcome done = outcome.get();
        if (done == null || running.get()) {
            error.set("Train a head first.");
            return false;
        }
        String name = saveName.get().strip();
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9._ -]{0,63}")) {
            error.set("Use a name of letters, digits, '-', '_', '.' or spaces (up to 64), e.g. my-head.");
            return false;
        }
        SaveFolder folder = saveIn.get();
        if (folder == null) {
            error.set("Choose where to save the model.");
            return false;
        }
        Path target = folder.dir().resolve(name);
        if (catalog().isTaken(name) || Files.exists(target)) {
            error.set("A model called '" + name + "' exists already: choose another name.");
            return false;
        }
        error.set("");
        running.set(true);
        status.set("Saving " + name + "…");
        background.execute(() -> {
            try {
                Path saved = TrainingRun.save(done, target, name, false);
                fx.execute(() -> {
                    running.set(false);
                    savedModel.set(saved);
                    status.set("Saved as '" + name + "' in " + folder.label() + " (" + saved + "): pick it in the chooser.");
                    onSaved.accept(saved);
                });
            } catch (Exception e) {
                fx.execute(() -> {
                    running.set(false);
                    error.set("Could not save " + target + ": " + e.getMessage());
                });
            }
        });
        return true;
    }

    private ModelCatalog catalog() {
        return training.getValue().catalog();
    }

    /** Updates from the training thread, handed to the FX thread. */
    private final class Listener implements TrainingRun.Listener {
        private long lastFeatures;

        @Override
        public void onFeatures(IndexProgress p) {
            long now = System.nanoTime();
            if (p.state() != IndexProgress.State.INDEXING || now - lastFeatures < 100_000_000L) {
                return;
            }
            lastFeatures = now;
            fx.execute(() -> {
                progress.set(p.fraction());
                status.set("Computing backbone features: " + p.done() + " of " + p.total() + " photos");
            });
        }

        @Override
        public void onFeaturesDone(FeatureExtraction.Result r) {
            fx.execute(() -> status.set(r.data().size() + " labelled photos (" + r.embedded()
                    + " new features). Training…"));
        }

        @Override
        public void onStart(Figures baseF, Figures untrainedF) {
            fx.execute(() -> {
                curves.references(baseF, untrainedF);
                progress.set(0);
            });
        }

        @Override
        public void onEpoch(EpochStats s) {
            fx.execute(() -> {
                curves.add(s);
                progress.set((double) s.epoch() / s.epochs());
                status.set(String.format(Locale.ROOT, "Training: epoch %d of %d, loss %.3f, validation mP@5 %s",
                        s.epoch(), s.epochs(), s.loss(), Format.value(s.validationCategory())));
            });
        }
    }

    /** The charts' data of the last run started. */
    public TrainingCurves curves() {
        return curves;
    }

    public ObservableList<Path> folders() {
        return folders;
    }

    public ObservableList<BaseChoice> bases() {
        return bases;
    }

    public ObjectProperty<BaseChoice> baseProperty() {
        return base;
    }

    /** The options as typed. */
    public TrainingForm form() {
        return form;
    }

    public StringProperty saveNameProperty() {
        return saveName;
    }

    /** Where Save puts the model: the user's data folder (the default) or the app's models folder. */
    public ObjectProperty<SaveFolder> saveInProperty() {
        return saveIn;
    }

    public ObservableList<SaveFolder> saveFolders() {
        return saveFolders;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running;
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error;
    }

    public ReadOnlyObjectProperty<TrainingRun.Outcome> outcomeProperty() {
        return outcome;
    }

    public ReadOnlyObjectProperty<Path> savedModelProperty() {
        return savedModel;
    }
}
