package org.visualsearch.core.model;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDManager;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.visualsearch.core.common.ErrorText;
import org.visualsearch.core.common.StartupTrace;

/**
 * An embedding model in TorchScript, run through DJL's PyTorch engine; see {@link
 * ModelDescriptor} for the folder layout and the two input conventions ({@link InputSpec}), whose
 * translators ({@link GuieTranslator}, {@link FixedTranslator}) build the input tensor. Create it
 * with {@link #load(Path)}, which configures DJL first if no one has yet ({@link DjlEnvironment}).
 *
 * <p>Loading runs one probe inference on a grey image: it reads the model's real output
 * dimension, warms the model up, and turns a wrong method, input type or output shape into a
 * load-time error rather than an error on the first photo. Every later output is validated as
 * well: one tensor of shape [1,D] or [D], the same D as at load, all finite.
 *
 * <p><b>Threads:</b> a DJL {@link Predictor} is not thread safe; this embedder holds exactly one
 * and {@link #embed} is {@code synchronized}, so sharing one instance between threads is safe but
 * serialises the calls. To embed in parallel, take a {@link #parallelCopy()} per thread: a new
 * predictor on the same loaded model (DJL's models are thread safe, and the weights are not
 * loaded twice). The per-call tensors live in a sub-manager of the predictor that DJL closes
 * after each call, so nothing native accumulates.
 */
public final class TorchScriptEmbedder implements ImageEmbedder {

    private final ModelDescriptor descriptor;
    private final Model model;
    private final Predictor<BufferedImage, ModelOutput> predictor;
    private final ModelInfo info;
    private final String where;
    /** False for a parallel copy: it closes its predictor only, the model stays with the original. */
    private final boolean ownsModel;
    /** Shared by the original and its copies. */
    private final SharedModel shared;
    private boolean closed;

    private TorchScriptEmbedder(ModelDescriptor descriptor, Model model, String id) throws EmbeddingException {
        this.descriptor = descriptor;
        this.model = model;
        this.where = "Model " + descriptor.modelFile();
        this.predictor = model.newPredictor(EmbeddingTranslator.of(descriptor.inputSpec(), descriptor.method()));
        int dimension;
        try {
            dimension = probe();
        } catch (EmbeddingException | RuntimeException e) {
            predictor.close();
            throw e;
        }
        Integer declared = descriptor.declaredDimension();
        if (declared != null && declared != dimension) {
            predictor.close();
            throw new EmbeddingException(where + ": the descriptor says vss.dimension=" + declared
                    + " but the model returns " + dimension + "-d vectors");
        }
        this.info = new ModelInfo(id, descriptor.name(), dimension);
        this.ownsModel = true;
        this.shared = new SharedModel(model);
    }

    /** A parallel copy of {@code original}: its model, a predictor of its own, no probe. */
    private TorchScriptEmbedder(TorchScriptEmbedder original) {
        this.descriptor = original.descriptor;
        this.model = original.model;
        this.where = original.where;
        this.info = original.info;
        this.predictor = model.newPredictor(EmbeddingTranslator.of(descriptor.inputSpec(), descriptor.method()));
        this.ownsModel = false;
        this.shared = original.shared;
    }

    /**
     * Loads a model folder or TorchScript file.
     *
     * @throws EmbeddingException naming the model path and the cause: missing folder or file, no
     *     or several .pt files, descriptor errors, a corrupt or non-TorchScript file, a probe
     *     inference that fails, returns a wrong shape or non-finite values
     */
    public static TorchScriptEmbedder load(Path path) throws EmbeddingException {
        return load(ModelDescriptor.resolve(path));
    }

    /**
     * DJL's message and, when it differs, the deepest cause's, which says what the system refused
     * ("Failed to extract PyTorch native library: FileSystemException: ...: Not a directory").
     */
    static String withRootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String top = ErrorText.oneLine(e);
        String deepest = ErrorText.withType(root);
        return root == e || top.contains(deepest) || deepest.contains(top) ? top : top + ": " + deepest;
    }

    /** Loads an already resolved descriptor. */
    public static TorchScriptEmbedder load(ModelDescriptor descriptor) throws EmbeddingException {
        DjlEnvironment.configure();
        String id = descriptor.computeId();
        Path file = descriptor.modelFile();
        try {
            Engine.getEngine("PyTorch");
            StartupTrace.mark("PyTorch engine up");
        } catch (RuntimeException | LinkageError e) {
            throw new EmbeddingException("Cannot load model " + file + ": the PyTorch engine did not start ("
                    + withRootCause(e) + "). " + DjlEnvironment.nativesHint(), e);
        }
        Model model = Model.newInstance(descriptor.name(), Device.cpu(), "PyTorch");
        try {
            // mapLocation: a model saved on a GPU loads onto the CPU.
            model.load(file, null, Map.of("mapLocation", "true"));
            StartupTrace.mark("TorchScript loaded: " + file.getFileName());
        } catch (Exception e) {
            model.close();
            throw new EmbeddingException("Model " + file + " is not a loadable TorchScript file ("
                    + ErrorText.oneLine(e) + ")", e);
        }
        try {
            return new TorchScriptEmbedder(descriptor, model, id);
        } catch (EmbeddingException | RuntimeException e) {
            model.close();
            throw e;
        }
    }

    @Override
    public List<String> warnings() {
        return descriptor.warnings();
    }

    public ModelDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public ModelInfo info() {
        return info;
    }

    @Override
    public int maxSide() {
        return descriptor.maxSide();
    }

    @Override
    public synchronized float[] embed(BufferedImage image) throws EmbeddingException {
        if (closed) {
            throw new IllegalStateException(where + " is closed");
        }
        float[] vector;
        shared.beginCall(where);
        try {
            vector = run(image);
        } finally {
            shared.endCall();
        }
        if (vector.length != info.dimension()) {
            throw new EmbeddingException(where + " returned a " + vector.length + "-d vector for a "
                    + image.getWidth() + "x" + image.getHeight() + " image, but " + info.dimension()
                    + "-d at load time");
        }
        return vector;
    }

    @Override
    public BufferedImage modelInput(BufferedImage image) {
        return descriptor.inputSpec() instanceof InputSpec.Fixed fixed
                ? FixedTranslator.resize(image, fixed.width(), fixed.height(), fixed.resize()) : image;
    }

    @Override
    public String modelInputDescription(BufferedImage image) {
        if (descriptor.inputSpec() instanceof InputSpec.Fixed fixed) {
            return "float32 [1,3," + fixed.height() + "," + fixed.width() + "]: resized ("
                    + fixed.resize().key() + "), scaled to 0..1 and normalised";
        }
        return "uint8 [1,3," + image.getHeight() + "," + image.getWidth() + "], RGB 0..255: the model resizes it itself";
    }

    /** Runs the probe inference and returns the output dimension. */
    private int probe() throws EmbeddingException {
        int w = descriptor.inputSpec().probeWidth();
        int h = descriptor.inputSpec().probeHeight();
        BufferedImage grey = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = grey.createGraphics();
        try {
            g.setColor(new Color(128, 128, 128));
            g.fillRect(0, 0, w, h);
        } finally {
            g.dispose();
        }
        return run(grey).length;
    }

    private float[] run(BufferedImage image) throws EmbeddingException {
        ModelOutput raw;
        try {
            raw = predictor.predict(image);
        } catch (Exception e) {
            String cause = TorchScriptErrors.cause(e);
            throw new EmbeddingException(where + " failed on a " + image.getWidth() + "x" + image.getHeight()
                    + " image (" + cause + ")" + TorchScriptErrors.floatInputHint(cause, descriptor.inputSpec()), e);
        }
        if (raw.tensors() != 1) {
            throw new EmbeddingException(where + " returned " + raw.tensors()
                    + " tensors; an embedding model must return one vector");
        }
        long[] shape = raw.shape();
        boolean ok = (shape.length == 2 && shape[0] == 1 && shape[1] > 0) || (shape.length == 1 && shape[0] > 0);
        if (!ok) {
            throw new EmbeddingException(where + " returned an output of shape " + Arrays.toString(shape)
                    + "; expected [1, D] or [D]");
        }
        float[] values = raw.values();
        for (int i = 0; i < values.length; i++) {
            if (!Float.isFinite(values[i])) {
                throw new EmbeddingException(where + " returned a non-finite value (" + values[i]
                        + " at index " + i + ") for a " + image.getWidth() + "x" + image.getHeight() + " image");
            }
        }
        checkMagnitude(values, image);
        return values;
    }

    /**
     * Largest vector component accepted. Squared distances are summed in float; up to this, even
     * at 65,536 dimensions a sum stays finite ((2 * 1e16)^2 * 65,536 = 2.6e37 < 3.4e38); beyond it
     * distances can overflow to Infinity and every result ties.
     */
    static final float MAX_COMPONENT = 1e16f;

    private void checkMagnitude(float[] values, BufferedImage image) throws EmbeddingException {
        float largest = 0;
        for (float v : values) {
            largest = Math.max(largest, Math.abs(v));
        }
        if (largest > MAX_COMPONENT) {
            throw new EmbeddingException(String.format(java.util.Locale.ROOT,
                    "%s returned values too large to compare (up to %.3g for a %dx%d image): distances between such"
                            + " vectors overflow to Infinity. Scale or L2-normalise the model's output", where,
                    largest, image.getWidth(), image.getHeight()));
        }
    }

    /** For tests: the model's root NDManager (to check that no arrays accumulate). */
    NDManager manager() {
        return model.getNDManager();
    }

    /**
     * Another embedder on this one's loaded model, with a predictor of its own, to embed on
     * another thread at the same time (the vectors are the same). Close it before this one.
     */
    @Override
    public java.util.Optional<ImageEmbedder> parallelCopy() {
        return java.util.Optional.of(copyForThread());
    }

    /** {@link #parallelCopy()}, typed. */
    public synchronized TorchScriptEmbedder copyForThread() {
        if (closed) {
            throw new IllegalStateException(where + " is closed");
        }
        return new TorchScriptEmbedder(this);
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            predictor.close();
            if (ownsModel) {
                shared.close();
            }
        }
    }

    /**
     * The loaded model as the original and its parallel copies share it: calls run under its read
     * lock, and closing takes the write lock, so the weights are never freed under a running call
     * and later calls say the model is closed.
     */
    private static final class SharedModel {
        private final Model model;
        private final java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        private final java.util.concurrent.locks.ReadWriteLock lock = new java.util.concurrent.locks.ReentrantReadWriteLock();
        private boolean closed; // written under the write lock

        SharedModel(Model model) {
            this.model = model;
        }

        /** Before a call: waits while the model is being closed; refuses once it is. */
        void beginCall(String where) {
            lock.readLock().lock();
            if (closed) {
                lock.readLock().unlock();
                throw new IllegalStateException(where + " is closed");
            }
        }

        void endCall() {
            lock.readLock().unlock();
            EngineCodePages.afterCall(calls.incrementAndGet());
        }

        /** Closes the model once the calls in flight have ended. */
        void close() {
            lock.writeLock().lock();
            try {
                closed = true;
                model.close();
            } finally {
                lock.writeLock().unlock();
            }
        }
    }

    @Override
    public String toString() {
        return "TorchScriptEmbedder[" + descriptor + ", " + (info == null ? "?" : info.dimension() + "-d") + "]";
    }
}
