package org.visualsearch.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.visualsearch.core.gallery.IndexProgress;
import org.visualsearch.core.DefaultLocations;
import org.visualsearch.core.model.Backbone;
import org.visualsearch.core.model.EmbeddingException;
import org.visualsearch.core.model.ModelCatalog;
import org.visualsearch.core.store.GalleryDatabase;
import org.visualsearch.core.store.Problem;
import org.visualsearch.core.training.EpochStats;
import org.visualsearch.core.training.FeatureExtraction;
import org.visualsearch.core.training.Figures;
import org.visualsearch.core.training.LabelMode;
import org.visualsearch.core.training.TrainingDataExport;
import org.visualsearch.core.training.TrainingOptions;
import org.visualsearch.core.training.TrainingResult;
import org.visualsearch.core.training.TrainingRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code train --labels DIR --out models/NAME}: trains the recipe's head on a base model's
 * backbone features of labelled folders (cached in the gallery database), prints each epoch's
 * loss and validation mP@5, and saves the head as a model folder that {@code --model} and the
 * window's model chooser then offer.
 */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Train an embedding head (Dropout + Dense + ArcFace) on labelled folders; save it as a model.")
public final class TrainCommand extends DatabaseCommand {

    private static final TrainingOptions D = TrainingOptions.DEFAULTS;

    @Option(names = "--labels", required = true, paramLabel = "DIR",
            description = "Labelled folder: one subfolder per category, optionally category/instance/photo "
                    + "(repeat for several folders). Never a sample gallery you evaluate on.")
    List<Path> labels;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Model folder to create, e.g. models/my-head (a plain name goes under models/, or with "
                    + "--in-data-folder under the data folder's models folder).")
    String out;

    @Option(names = "--in-data-folder",
            description = "Put a plain --out name in the data folder's models folder, where the window saves "
                    + "trained heads (both folders are listed by --model and the window's chooser).")
    boolean inDataFolder;

    @Option(names = "--name", paramLabel = "NAME", description = "Name shown in the app (default: the folder name).")
    String name;

    @Option(names = "--base", paramLabel = "MODEL", defaultValue = ModelCatalog.DEFAULT,
            description = "Base model whose backbone features the head trains on; it must ship a feature "
                    + "extractor (vss.features.file). Default: ${DEFAULT-VALUE}.")
    String base;

    @Option(names = "--epochs", defaultValue = "200", description = "Full-batch epochs (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--lr", defaultValue = "0.005", description = "AdamW learning rate, cosine-annealed (default: ${DEFAULT-VALUE}).")
    float learningRate;

    @Option(names = "--weight-decay", defaultValue = "0.001", description = "AdamW weight decay (default: ${DEFAULT-VALUE}).")
    float weightDecay;

    @Option(names = "--dropout", defaultValue = "0.3", description = "Dropout on the features (default: ${DEFAULT-VALUE}).")
    float dropout;

    @Option(names = "--dim", defaultValue = "64", description = "Embedding dimension (default: ${DEFAULT-VALUE}).")
    int dimension;

    @Option(names = "--scale", defaultValue = "30", description = "ArcFace scale s (default: ${DEFAULT-VALUE}).")
    float scale;

    @Option(names = "--margin", defaultValue = "0.3", description = "ArcFace margin m, radians (default: ${DEFAULT-VALUE}).")
    float margin;

    @Option(names = "--label-mode", defaultValue = "auto", paramLabel = "MODE",
            description = "category, instance, both (category + 0.5 x instance) or auto (both when there are "
                    + "instance groups; default).")
    String labelMode;

    @Option(names = "--val-share", defaultValue = "0.2",
            description = "Share of each category held out for validation, 0 for none (default: ${DEFAULT-VALUE}).")
    double validationShare;

    @Option(names = "--seed", defaultValue = "0", description = "Seed of the split, the initial weights and dropout (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--replace", description = "Replace the output folder if it is a trained head already.")
    boolean replace;

    @Option(names = "--export-data", paramLabel = "DIR",
            description = "Also write the features and the split there (features.npz, split.tsv), for "
                    + "tools/model-export/train_from_app.py to train on the same.")
    Path exportData;

    @Override
    int run(GalleryDatabase db) throws Exception {
        TrainingOptions options;
        try {
            options = new TrainingOptions(dimension, dropout, scale, margin, epochs, learningRate, weightDecay,
                    LabelMode.parse(labelMode), validationShare, seed);
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage());
        }
        ModelCatalog catalog = ModelOption.catalog();
        boolean plain = !out.contains("/") && !out.contains("\\");
        Path userModels = dataFolderToOpen().resolve(DefaultLocations.USER_MODELS);
        Path target = !plain ? Path.of(out) : inDataFolder ? userModels.resolve(out) : catalog.modelsDir().resolve(out);
        if (plain && catalog.isTaken(out) && !replace) {
            throw new CliException("a model called '" + out + "' exists already (" + catalog.resolve(out)
                    + "): choose another name, or --replace");
        }
        String displayName = name != null ? name : String.valueOf(target.toAbsolutePath().normalize().getFileName());
        Backbone backbone = backbone(catalog);
        out().printf("base %s (%s, %d features); labels %s%n", backbone.name(), backbone.folder().getFileName(),
                backbone.dimension(), labels);

        TrainingRun run = new TrainingRun(db, backbone, labels, options);
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            run.cancel();
            try {
                finished.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "cancel-training");
        Runtime.getRuntime().addShutdownHook(hook);
        TrainingRun.Outcome outcome;
        try {
            outcome = run.run(new Printer());
        } catch (CancellationException e) {
            err().println("train: interrupted; nothing was saved (the features computed so far stay cached)");
            return 130;
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new CliException(e.getMessage()); // no labelled photos, one category, a diverged run
        } catch (EmbeddingException e) {
            throw new CliException(e.getMessage());
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running
            }
        }
        TrainingResult r = outcome.training();
        out().printf(Locale.ROOT, "trained in %.1f s (%d epochs, labels %s)%n", r.elapsed().toMillis() / 1000.0,
                r.history().size(), r.options().labelMode().key());
        out().printf(Locale.ROOT, "validation mP@5: base %s, untrained head %s, trained head %s%n",
                figures(r.base()), figures(r.untrained()), figures(r.trained()));
        if (exportData != null) {
            TrainingDataExport.write(exportData, outcome.extraction().data(), r.split());
            out().println("wrote the features and the split to " + exportData);
        }
        Path saved = TrainingRun.save(outcome, target, displayName, replace);
        out().println("saved " + saved.getFileName() + " (" + displayName + ") in " + saved.getParent()
                + ": use it with --model " + (plain ? saved.getFileName() : saved));
        return 0;
    }

    private Backbone backbone(ModelCatalog catalog) {
        Path folder = catalog.resolve(base);
        try {
            return Backbone.of(folder).orElseThrow(() -> new CliException("model '" + base + "' (" + folder
                    + ") has no feature extractor to train on (no " + Backbone.FEATURES_FILE
                    + " in its serving.properties)" + available(catalog)));
        } catch (EmbeddingException e) {
            throw new CliException(e.getMessage());
        }
    }

    private static String available(ModelCatalog catalog) {
        List<String> names = catalog.installed().stream().filter(p -> {
            try {
                return Backbone.of(p).isPresent();
            } catch (EmbeddingException e) {
                return false;
            }
        }).map(p -> p.getFileName().toString()).toList();
        return names.isEmpty() ? "" : "; models that have one: " + String.join(", ", names);
    }

    static String figures(Figures f) {
        String s = String.format(Locale.ROOT, "%.3f", f.category());
        return Double.isNaN(f.instance()) ? s : s + String.format(Locale.ROOT, " (instance %.3f)", f.instance());
    }

    private final class Printer implements TrainingRun.Listener {
        private final CliProgress progress = new CliProgress(err());

        @Override
        public void onFeatures(IndexProgress p) {
            progress.indexing(p);
        }

        @Override
        public void onFeaturesDone(FeatureExtraction.Result r) {
            for (Problem problem : r.problems()) {
                err().println("skipped " + problem.path() + ": " + problem.reason());
            }
            out().printf(Locale.ROOT, "features: %d labelled photos, %d computed now, %d from the cache, %.1f s%s%n",
                    r.data().size(), r.embedded(), r.data().size() - r.embedded(), r.elapsed().toMillis() / 1000.0,
                    r.unlabelled() > 0 ? "; " + r.unlabelled() + " photos outside a category folder left out" : "");
            out().flush();
        }

        @Override
        public void onStart(Figures base, Figures untrained) {
            out().printf("validation mP@5 before training: base model %s, untrained head %s%n", figures(base),
                    figures(untrained));
            out().printf("%-9s %9s %12s %12s%n", "epoch", "loss", "val mP@5", "val inst.");
            out().flush();
        }

        @Override
        public void onEpoch(EpochStats s) {
            out().printf(Locale.ROOT, "%4d/%-4d %9.4f %12s %12s%n", s.epoch(), s.epochs(), s.loss(),
                    fmt(s.validationCategory()), fmt(s.validationInstance()));
            out().flush();
        }

        private String fmt(double v) {
            return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.3f", v);
        }
    }
}
