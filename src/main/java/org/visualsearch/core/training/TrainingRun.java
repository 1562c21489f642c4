package org.visualsearch.core.training;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.visualsearch.core.gallery.IndexProgress;
import org.visualsearch.core.model.Backbone;
import org.visualsearch.core.model.EmbeddingException;
import org.visualsearch.core.model.HeadWeights;
import org.visualsearch.core.model.TorchScriptEmbedder;
import org.visualsearch.core.store.GalleryDatabase;

/**
 * One training use-case, as the CLI's {@code train} and the Train view run it: backbone features of
 * the labelled folders (cached), then the head, then (on request) the model folder. Cancel from any
 * thread: the run stops at the next photo or epoch and throws {@link CancellationException};
 * nothing is written until {@link #save} is called with a finished run.
 */
public final class TrainingRun {

    /** Told of both phases. */
    public interface Listener extends TrainingListener {
        default void onFeatures(IndexProgress progress) {
        }

        default void onFeaturesDone(FeatureExtraction.Result result) {
        }
    }

    /** A finished run, ready to save. */
    public record Outcome(Backbone backbone, List<Path> folders, FeatureExtraction.Result extraction,
                          TrainingResult training) {
    }

    private final GalleryDatabase db;
    private final Backbone backbone;
    private final List<Path> folders;
    private final TrainingOptions options;
    private volatile boolean cancelled;
    private volatile FeatureExtraction extraction;

    public TrainingRun(GalleryDatabase db, Backbone backbone, List<Path> folders, TrainingOptions options) {
        this.db = db;
        this.backbone = backbone;
        this.folders = List.copyOf(folders);
        this.options = options;
    }

    public void cancel() {
        cancelled = true;
        FeatureExtraction e = extraction;
        if (e != null) {
            e.cancel();
        }
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /**
     * Runs both phases.
     *
     * @throws CancellationException when cancelled
     * @throws EmbeddingException    when the backbone does not load
     * @throws IllegalArgumentException when the folders hold no usable labelled photos
     */
    public Outcome run(Listener listener) throws EmbeddingException {
        FeatureExtraction.Result extracted;
        HeadWeights baseHead = backbone.head().orElse(null);
        try (TorchScriptEmbedder features = backbone.open()) {
            FeatureExtraction fe = new FeatureExtraction(db, features);
            extraction = fe;
            if (cancelled) {
                fe.cancel();
            }
            extracted = fe.extract(folders, listener::onFeatures);
        } finally {
            extraction = null;
        }
        listener.onFeaturesDone(extracted);
        if (cancelled) {
            throw new CancellationException("training cancelled");
        }
        TrainingResult result = HeadTrainer.train(extracted.data(), options, baseHead, listener, () -> cancelled);
        return new Outcome(backbone, folders, extracted, result);
    }

    /** Writes a finished run as a model folder (see {@link TrainedModelWriter}). */
    public static Path save(Outcome outcome, Path target, String name, boolean replace) throws IOException {
        return TrainedModelWriter.write(target, name, outcome.backbone(), outcome.training(),
                new TrainedModelWriter.Provenance(outcome.folders(), outcome.extraction()), replace);
    }
}
