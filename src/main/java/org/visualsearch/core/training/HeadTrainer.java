package org.visualsearch.core.training;

import org.visualsearch.core.model.HeadWeights;
import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.training.initializer.UniformInitializer;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.visualsearch.core.model.DjlEnvironment;

/**
 * Trains the recipe's head on cached backbone features with DJL's training API on the PyTorch
 * engine: a {@link Trainer} over {@link HeadTrainingBlock} (Dropout + Dense + ArcFace centres),
 * {@link ArcFaceLoss}, AdamW with decoupled weight decay and a cosine learning-rate schedule,
 * full batch (the features of a few thousand photos fit in memory; an epoch is one step).
 * A port of {@code train_head.py}'s {@code train()}: features are standardised with the training
 * rows' mean and standard deviation, and the result is folded back into a head on raw features.
 *
 * <p>Seeded: the split, DJL's random generator (initial weights, dropout masks) and nothing else
 * random, and always on one libtorch thread, so the same data and options give bitwise the same
 * weights (checked at full size with {@code bench-train}). Not thread safe across runs (the
 * engine's random seed is global): run one training at a time.
 */
public final class HeadTrainer {

    private HeadTrainer() {
    }

    /**
     * Trains a head.
     *
     * @param data      labelled features (every sample needs a category)
     * @param options   the options; its label mode AUTO is resolved against the data
     * @param baseHead  the base model's own head for the reference figures, or null (plain features)
     * @param listener  told of the start and of every epoch
     * @param cancelled polled before every epoch
     * @throws CancellationException when {@code cancelled} turned true; nothing is kept
     * @throws IllegalArgumentException when the data cannot train a head (e.g. one category)
     */
    public static TrainingResult train(LabelledFeatures data, TrainingOptions options, HeadWeights baseHead,
                                       TrainingListener listener, BooleanSupplier cancelled) {
        // One intra-op thread while training, whatever VSS_THREADS says: libtorch splits its sums
        // over the threads it has, so 1 and 2 threads gave different weights from the same data
        // (measured at full size). Set and restored on this thread, the one that runs the ops.
        DjlEnvironment.configure();
        Engine.getEngine("PyTorch");
        int threads = JniUtils.getNumThreads();
        JniUtils.setNumThreads(1);
        try {
            return trainOnOneThread(data, options, baseHead, listener, cancelled);
        } finally {
            JniUtils.setNumThreads(threads);
        }
    }

    private static TrainingResult trainOnOneThread(LabelledFeatures data, TrainingOptions options,
                                                   HeadWeights baseHead, TrainingListener listener,
                                                   BooleanSupplier cancelled) {
        long started = System.nanoTime();
        ValidationSplit split = options.validationShare() > 0
                ? ValidationSplit.of(data.samples(), options.validationShare(), options.seed())
                : ValidationSplit.none(data.size());
        LabelMode mode = options.labelMode().resolve(data.hasInstances());
        TrainingOptions resolved = options.withLabelMode(mode);
        List<Integer> rows = split.train();
        int f = data.dimension();
        int n = rows.size();
        if (n < 2) {
            throw new IllegalArgumentException("too few photos to train on: " + n + " (after the validation split)");
        }

        List<int[]> labelSets = new ArrayList<>();
        List<Integer> classCounts = new ArrayList<>();
        List<Float> weights = new ArrayList<>();
        if (mode == LabelMode.CATEGORY || mode == LabelMode.BOTH) {
            addLabelSet(data, rows, true, labelSets, classCounts);
            weights.add(1f);
        }
        if (mode == LabelMode.INSTANCE || mode == LabelMode.BOTH) {
            addLabelSet(data, rows, false, labelSets, classCounts);
            weights.add(mode == LabelMode.BOTH ? LabelMode.INSTANCE_WEIGHT : 1f);
        }
        if (classCounts.get(0) < 2) {
            throw new IllegalArgumentException("the training photos need at least two "
                    + (mode == LabelMode.INSTANCE ? "instance groups" : "categories") + ", found " + classCounts.get(0));
        }

        for (int i = 0; i < data.size(); i++) {
            for (int k = 0; k < f; k++) {
                if (!Float.isFinite(data.features()[i * f + k])) {
                    // one such row makes the mean, and so every weight, NaN
                    throw new IllegalArgumentException("the backbone's features of " + data.samples().get(i).path()
                            + " are not finite numbers (NaN or infinity): leave that photo out or use another base");
                }
            }
        }

        // standardise with the training rows' mean and (unbiased) standard deviation, as the Python tool
        double[] mean = new double[f];
        double[] sd = new double[f];
        for (int i : rows) {
            for (int k = 0; k < f; k++) {
                mean[k] += data.features()[i * f + k];
            }
        }
        for (int k = 0; k < f; k++) {
            mean[k] /= n;
        }
        for (int i : rows) {
            for (int k = 0; k < f; k++) {
                double d = data.features()[i * f + k] - mean[k];
                sd[k] += d * d;
            }
        }
        for (int k = 0; k < f; k++) {
            sd[k] = Math.sqrt(sd[k] / (n - 1)) + 1e-6;
        }
        float[] standardised = standardise(rowsOf(data, rows), n, mean, sd);

        ValidationScorer scorer = new ValidationScorer(data.samples(), split.validation());
        float[] validationFeatures = rowsOf(data, split.validation());
        int nVal = split.validation().size();
        Figures base = scorer.isEmpty() ? Figures.NONE
                : scorer.score(baseHead != null ? baseHead.embedAll(validationFeatures, nVal)
                        : normalisedRows(validationFeatures, nVal, f), baseHead != null ? baseHead.dimension() : f);

        DjlEnvironment.configure();
        Engine engine = Engine.getEngine("PyTorch");
        engine.setRandomSeed((int) options.seed());
        HeadTrainingBlock block = new HeadTrainingBlock(options.dimension(), options.dropout(), classCounts);
        ArcFaceLoss loss = new ArcFaceLoss(options.scale(), options.margin(), weights);
        Optimizer optimizer = Optimizer.adamW()
                .optLearningRateTracker(Tracker.cosine().setBaseValue(options.learningRate())
                        .optFinalValue(0).setMaxUpdates(options.epochs()).build())
                .optWeightDecays(options.weightDecay())
                .build();
        float bound = (float) (1 / Math.sqrt(f));
        // PyTorch's defaults, as in the Python tool: Linear weight and bias U(-1/sqrt(F), 1/sqrt(F)),
        // ArcFace centres N(0, 1/dim)
        DefaultTrainingConfig config = new DefaultTrainingConfig(loss)
                .optOptimizer(optimizer)
                .optDevices(new Device[] {Device.cpu()})
                .optInitializer(new UniformInitializer(bound), (Parameter p) -> p.getType() == Parameter.Type.WEIGHT
                        || p.getType() == Parameter.Type.BIAS)
                .optInitializer(new NormalInitializer((float) (1 / Math.sqrt(options.dimension()))),
                        (Parameter p) -> p.getName().startsWith(HeadTrainingBlock.CENTRES));

        List<EpochStats> history = new ArrayList<>();
        Figures untrained;
        Figures trained;
        HeadWeights head;
        float[] validationStandardised = standardise(validationFeatures, nVal, mean, sd);
        try (Model model = Model.newInstance("head-training", Device.cpu(), "PyTorch")) {
            model.setBlock(block);
            try (Trainer trainer = model.newTrainer(config);
                 NDManager dataManager = trainer.getManager().newSubManager()) {
                trainer.initialize(new Shape(n, f));
                // The batch, its labels and the validation rows become tensors once, owned by
                // libtorch. Each epoch borrows them into a scope that frees everything else the
                // epoch made (a fresh tensor over a Java buffer per epoch left ~13 MB of direct
                // memory per epoch to the garbage collector: 2-3 GB resident at full size).
                NDArray x = ownedCopy(dataManager, standardised, new Shape(n, f));
                NDArray xValidation = nVal == 0 ? null
                        : ownedCopy(dataManager, validationStandardised, new Shape(nVal, f));
                NDList labels = new NDList();
                for (int[] set : labelSets) {
                    labels.add(ownedCopy(dataManager, set));
                }
                ParameterStore inference = new ParameterStore(dataManager, false);
                head = currentHead(block, mean, sd);
                untrained = scorer.score(head.embedAll(validationFeatures, nVal), head.dimension());
                listener.onStart(base, untrained);
                trained = untrained;
                for (int epoch = 1; epoch <= options.epochs(); epoch++) {
                    if (cancelled.getAsBoolean()) {
                        throw new CancellationException("training cancelled at epoch " + epoch);
                    }
                    float lossValue;
                    Figures figures;
                    try (NDManager scope = dataManager.newSubManager()) {
                        x.tempAttach(scope);
                        labels.tempAttach(scope);
                        try (GradientCollector collector = trainer.newGradientCollector()) {
                            NDList predictions = trainer.forward(new NDList(x));
                            NDArray value = trainer.getLoss().evaluate(labels, predictions);
                            lossValue = value.getFloat();
                            if (!Float.isFinite(lossValue)) {
                                throw diverged(epoch, "the loss is " + lossValue);
                            }
                            collector.backward(value);
                        }
                        trainer.step();
                        figures = Figures.NONE;
                        if (xValidation != null) {
                            xValidation.tempAttach(scope);
                            float[] embeddings = block.embed(inference, xValidation).toFloatArray();
                            if (!normaliseRows(embeddings, nVal, options.dimension())) {
                                throw diverged(epoch, "the weights are no longer finite numbers");
                            }
                            figures = scorer.score(embeddings, options.dimension());
                        }
                    }
                    trained = figures;
                    EpochStats stats = new EpochStats(epoch, options.epochs(), lossValue, trained.category(),
                            trained.instance());
                    history.add(stats);
                    listener.onEpoch(stats);
                }
                head = currentHead(block, mean, sd);
                if (!head.isFinite()) {
                    throw diverged(options.epochs(), "the weights are no longer finite numbers");
                }
                // the figures of the head as saved (on raw features), not of the standardised pass
                trained = scorer.score(head.embedAll(validationFeatures, nVal), head.dimension());
            }
        }
        return new TrainingResult(head, resolved, split, history, base, untrained, trained,
                Duration.ofNanos(System.nanoTime() - started));
    }

    /** NaN or infinity in the loss or the weights: nothing of the run can be kept. */
    private static IllegalStateException diverged(int epoch, String what) {
        return new IllegalStateException("training stopped at epoch " + epoch + ": " + what
                + ", so the head cannot be used and nothing was saved; try a lower learning rate or ArcFace scale");
    }

    /** A tensor with its own copy of the data (not a view of a Java buffer). */
    private static NDArray ownedCopy(NDManager manager, float[] data, Shape shape) {
        try (NDArray view = manager.create(data, shape)) {
            return view.duplicate();
        }
    }

    private static NDArray ownedCopy(NDManager manager, int[] data) {
        try (NDArray view = manager.create(data)) {
            return view.toType(DataType.INT64, true);
        }
    }

    /** Rows standardised with the training rows' mean and standard deviation. */
    private static float[] standardise(float[] rows, int n, double[] mean, double[] sd) {
        int f = mean.length;
        float[] out = new float[n * f];
        for (int r = 0; r < n; r++) {
            for (int k = 0; k < f; k++) {
                out[r * f + k] = (float) ((rows[r * f + k] - mean[k]) / sd[k]);
            }
        }
        return out;
    }

    /** L2-normalises each row in place (a zero row stays zero); false when a value is not finite. */
    private static boolean normaliseRows(float[] rows, int n, int d) {
        for (int i = 0; i < n; i++) {
            double norm = 0;
            for (int k = 0; k < d; k++) {
                norm += (double) rows[i * d + k] * rows[i * d + k];
            }
            if (!Double.isFinite(norm)) {
                return false;
            }
            if (norm > 0) {
                float inv = (float) (1 / Math.sqrt(norm));
                for (int k = 0; k < d; k++) {
                    rows[i * d + k] *= inv;
                }
            }
        }
        return true;
    }

    /** The block's Dense layer as a head on raw features: W' = W / sd, b' = b - W' mean. */
    private static HeadWeights currentHead(HeadTrainingBlock block, double[] mean, double[] sd) {
        var params = block.dense().getParameters();
        float[] w = params.get("weight").getArray().toFloatArray();
        float[] b = params.get("bias").getArray().toFloatArray();
        int d = b.length;
        int f = mean.length;
        float[] weight = new float[d * f];
        float[] bias = new float[d];
        for (int j = 0; j < d; j++) {
            double shift = 0;
            for (int k = 0; k < f; k++) {
                double scaled = w[j * f + k] / sd[k];
                weight[j * f + k] = (float) scaled;
                shift += scaled * mean[k];
            }
            bias[j] = (float) (b[j] - shift);
        }
        return new HeadWeights(weight, bias, d, f);
    }

    private static void addLabelSet(LabelledFeatures data, List<Integer> rows, boolean category,
                                    List<int[]> sets, List<Integer> counts) {
        Map<String, Integer> ids = new TreeMap<>();
        for (int i : rows) {
            LabelledFeatures.Sample s = data.samples().get(i);
            ids.put(category ? s.category() : s.instanceLabel(), 0);
        }
        int next = 0;
        for (Map.Entry<String, Integer> e : ids.entrySet()) {
            e.setValue(next++);
        }
        int[] labels = new int[rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            LabelledFeatures.Sample s = data.samples().get(rows.get(r));
            labels[r] = ids.get(category ? s.category() : s.instanceLabel());
        }
        sets.add(labels);
        counts.add(ids.size());
    }

    private static float[] rowsOf(LabelledFeatures data, List<Integer> rows) {
        int f = data.dimension();
        float[] out = new float[rows.size() * f];
        for (int r = 0; r < rows.size(); r++) {
            System.arraycopy(data.features(), rows.get(r) * f, out, r * f, f);
        }
        return out;
    }

    private static float[] normalisedRows(float[] rows, int n, int f) {
        float[] out = rows.clone();
        for (int i = 0; i < n; i++) {
            double norm = 0;
            for (int k = 0; k < f; k++) {
                norm += (double) out[i * f + k] * out[i * f + k];
            }
            if (norm > 0) {
                float inv = (float) (1 / Math.sqrt(norm));
                for (int k = 0; k < f; k++) {
                    out[i * f + k] *= inv;
                }
            }
        }
        return out;
    }
}
