package org.visualsearch.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.visualsearch.core.model.Backbone;
import org.visualsearch.core.model.EmbeddingException;
import org.visualsearch.core.model.HeadWeights;
import org.visualsearch.core.model.ModelCatalog;
import org.visualsearch.core.model.TorchScriptEmbedder;
import org.visualsearch.core.store.GalleryDatabase;
import org.visualsearch.core.training.FeatureExtraction;
import org.visualsearch.core.training.HeadTrainer;
import org.visualsearch.core.training.TrainingListener;
import org.visualsearch.core.training.TrainingOptions;
import org.visualsearch.core.training.TrainingResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench-train --labels DIR}: the backbone features once (cached like {@code train}'s), then
 * the same training with the default options several times in one process: each run's time and a
 * digest of its weights, the median time, and whether every run gave the same weights (exit 1
 * when they differ: the training is meant to be deterministic).
 */
@Command(name = "bench-train", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Time head training on cached features, repeated, and check every run gives the same weights.")
public final class TrainBenchCommand extends DatabaseCommand {

    @Option(names = "--labels", required = true, paramLabel = "DIR",
            description = "Labelled folder(s), as for train (repeat for several).")
    List<Path> labels;

    @Option(names = "--base", paramLabel = "MODEL", defaultValue = ModelCatalog.DEFAULT,
            description = "Base model with a feature extractor (default: ${DEFAULT-VALUE}).")
    String base;

    @Option(names = "--runs", defaultValue = "5", description = "Training runs (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--epochs", defaultValue = "200", description = "Epochs per run (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Override
    int run(GalleryDatabase db) throws Exception {
        if (runs < 1 || epochs < 1) {
            throw new CliException("--runs and --epochs must be at least 1");
        }
        ModelCatalog catalog = ModelOption.catalog();
        Path folder = catalog.resolve(base);
        Backbone backbone;
        try {
            backbone = Backbone.of(folder).orElseThrow(() -> new CliException("model '" + base
                    + "' has no feature extractor to train on"));
        } catch (EmbeddingException e) {
            throw new CliException(e.getMessage());
        }
        FeatureExtraction.Result features;
        try (TorchScriptEmbedder extractor = backbone.open()) {
            features = new FeatureExtraction(db, extractor).extract(labels, new CliProgress(err())::indexing);
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage());
        }
        TrainingOptions options = TrainingOptions.DEFAULTS.withEpochs(epochs);
        out().printf(Locale.ROOT, "%d photos, %d features (%d computed now, %.1f s); %d epochs (on 1 PyTorch thread; %s for the rest)%n",
                features.data().size(), features.data().dimension(), features.embedded(),
                features.elapsed().toMillis() / 1000.0, epochs, System.getProperty("ai.djl.pytorch.num_threads"));
        out().flush();
        List<Double> seconds = new ArrayList<>();
        HeadWeights first = null;
        double maxDifference = 0;
        for (int i = 1; i <= runs; i++) {
            TrainingResult r = HeadTrainer.train(features.data(), options, backbone.head().orElse(null),
                    TrainingListener.NONE, () -> false);
            double s = r.elapsed().toNanos() / 1e9;
            seconds.add(s);
            if (first == null) {
                first = r.head();
            } else {
                maxDifference = Math.max(maxDifference, difference(first, r.head()));
            }
            out().printf(Locale.ROOT, "run %d: %.1f s, weights %s, validation mP@5 %s%n", i, s,
                    r.head().sha256().substring(0, 16), TrainCommand.figures(r.trained()));
            out().flush();
        }
        double[] sorted = seconds.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        out().printf(Locale.ROOT, "training: median %.1f s, min %.1f s, max %.1f s over %d runs%n",
                median(sorted), sorted[0], sorted[sorted.length - 1], runs);
        if (maxDifference == 0) {
            out().println("weights: identical in all " + runs + " runs");
            return 0;
        }
        out().printf(Locale.ROOT, "weights: NOT identical, largest difference from run 1: %.3g%n", maxDifference);
        return 1;
    }

    /** The largest absolute difference between two heads' numbers; 0 only when they are bitwise equal. */
    private static double difference(HeadWeights a, HeadWeights b) {
        if (Arrays.equals(a.weight(), b.weight()) && Arrays.equals(a.bias(), b.bias())) {
            return 0;
        }
        double max = Double.MIN_VALUE; // unequal bits (a NaN, or -0 against 0) are a difference too
        for (int i = 0; i < a.weight().length; i++) {
            max = Math.max(max, Math.abs((double) a.weight()[i] - b.weight()[i]));
        }
        for (int i = 0; i < a.bias().length; i++) {
            max = Math.max(max, Math.abs((double) a.bias()[i] - b.bias()[i]));
        }
        return max;
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
