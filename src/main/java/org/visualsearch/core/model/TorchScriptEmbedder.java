package org.visualsearch.core.model;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.Batchifier;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.SinglePixelPackedSampleModel;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.visualsearch.core.common.ErrorText;
import org.visualsearch.core.image.Resampling;

/**
 * An embedding model in TorchScript, run through DJL's PyTorch engine; see {@link
 * ModelDescriptor} for the folder layout and the two input conventions. Create it with {@link
 * #load(Path)} (or {@link ModelLoader#load(Path)}) after {@link DjlEnvironment#configure()}.
 *
 * <p>Loading runs one probe inference on a grey image: it reads the model's real output
 * dimension, warms the model up, and turns a wrong method, input type or output shape into a
 * load-time error rather than an error on the first photo. Every later output is validated as
 * well: one tensor of shape [1,D] or [D], the same D as at load, all finite.
 *
 * <p><b>Threads:</b> a DJL {@link Predictor} is not thread safe; this embedder holds exactly one
 * and {@link #embed} is {@code synchronized}, so sharing one instance between threads is safe but
 * serialises the calls. To embed in parallel, load one embedder per thread (and lower the
 * intra-op threads, {@link DjlEnvironment#threads()}). The per-call tensors live in a sub-manager
 * of the predictor that DJL closes after each call, so nothing native accumulates.
 */
public final class TorchScriptEmbedder implements ImageEmbedder {

    /** Side of the grey probe image for GUIE models (a size any real model accepts). */
    static final int PROBE_SIDE = 224;

    private final ModelDescriptor descriptor;
    private final Model model;
    private final Predictor<Prepared, Raw> predictor;
    private final ModelInfo info;
    private final String where;
    private byte[] scratch = new byte[0];
    private ByteBuffer direct = ByteBuffer.allocateDirect(0);
    private boolean closed;

    private TorchScriptEmbedder(ModelDescriptor descriptor, Model model, String id) throws EmbeddingException {
        this.descriptor = descriptor;
        this.model = model;
        this.where = "Model " + descriptor.modelFile();
        this.predictor = model.newPredictor(new RawTranslator(descriptor.method()));
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

    /** Loads an already resolved descriptor. */
    public static TorchScriptEmbedder load(ModelDescriptor descriptor) throws EmbeddingException {
        DjlEnvironment.configure();
        String id = descriptor.computeId();
        Path file = descriptor.modelFile();
        try {
            Engine.getEngine("PyTorch");
        } catch (RuntimeException | LinkageError e) {
            throw new EmbeddingException("Cannot load model " + file + ": the PyTorch engine did not start ("
                    + ErrorText.oneLine(e) + ")", e);
        }
        Model model = Model.newInstance(descriptor.name(), Device.cpu(), "PyTorch");
        try {
            // mapLocation: a model saved on a GPU loads onto the CPU.
            model.load(file, null, Map.of("mapLocation", "true"));
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
        float[] vector = run(image);
        if (vector.length != info.dimension()) {
            throw new EmbeddingException(where + " returned a " + vector.length + "-d vector for a "
                    + image.getWidth() + "x" + image.getHeight() + " image, but " + info.dimension()
                    + "-d at load time");
        }
        return vector;
    }

    /** Runs the probe inference and returns the output dimension. */
    private int probe() throws EmbeddingException {
        int w = descriptor.convention() == ModelDescriptor.Convention.FIXED ? descriptor.width() : PROBE_SIDE;
        int h = descriptor.convention() == ModelDescriptor.Convention.FIXED ? descriptor.height() : PROBE_SIDE;
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
        Prepared input = descriptor.convention() == ModelDescriptor.Convention.GUIE
                ? prepareGuie(image)
                : prepareFixed(image);
        Raw raw;
        try {
            raw = predictor.predict(input);
        } catch (Exception e) {
            throw new EmbeddingException(where + " failed on a " + image.getWidth() + "x" + image.getHeight()
                    + " image (" + ErrorText.oneLine(e) + ")", e);
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
        return values;
    }

    /** GUIE: uint8 [1,3,H,W], RGB planes, straight from the raster. */
    private Prepared prepareGuie(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int plane = w * h;
        int[] pixels = rgbPixels(image);
        byte[] bytes = scratch(3 * plane);
        for (int i = 0; i < plane; i++) {
            int p = pixels[i];
            bytes[i] = (byte) (p >> 16);
            bytes[plane + i] = (byte) (p >> 8);
            bytes[2 * plane + i] = (byte) p;
        }
        ByteBuffer buffer = direct(3 * plane);
        buffer.put(bytes, 0, 3 * plane).flip();
        return new Prepared(buffer, new Shape(1, 3, h, w), DataType.UINT8);
    }

    /** Fixed: resize/crop to width x height, scale to 0..1, normalise, float32 [1,3,h,w]. */
    private Prepared prepareFixed(BufferedImage image) {
        int tw = descriptor.width();
        int th = descriptor.height();
        BufferedImage sized = resizeForFixed(image, tw, th, descriptor.resize());
        int plane = tw * th;
        int[] pixels = rgbPixels(sized);
        float[] mean = descriptor.mean();
        float[] std = descriptor.std();
        ByteBuffer buffer = direct(3 * plane * Float.BYTES);
        java.nio.FloatBuffer floats = buffer.asFloatBuffer();
        for (int c = 0; c < 3; c++) {
            int shift = 16 - 8 * c;
            float m = mean[c];
            float s = std[c];
            for (int i = 0; i < plane; i++) {
                floats.put(c * plane + i, (((pixels[i] >> shift) & 0xff) / 255f - m) / s);
            }
        }
        buffer.limit(3 * plane * Float.BYTES);
        return new Prepared(buffer, new Shape(1, 3, th, tw), DataType.FLOAT32);
    }

    /** Brings an image to exactly tw x th by the descriptor's resize mode. */
    static BufferedImage resizeForFixed(BufferedImage image, int tw, int th, ModelDescriptor.Resize mode) {
        int w = image.getWidth();
        int h = image.getHeight();
        int dw;
        int dh;
        int dx;
        int dy;
        if (mode == ModelDescriptor.Resize.STRETCH) {
            dw = tw;
            dh = th;
            dx = 0;
            dy = 0;
        } else {
            double scale = Math.max((double) tw / w, (double) th / h);
            dw = Math.max(tw, (int) Math.round(w * scale));
            dh = Math.max(th, (int) Math.round(h * scale));
            dx = -((dw - tw) / 2);
            dy = -((dh - th) / 2);
        }
        if (dx == 0 && dy == 0 && dw == w && dh == h && image.getType() == BufferedImage.TYPE_INT_RGB) {
            return image;
        }
        return Resampling.draw(Resampling.halveUntilNear(image, dw, dh), tw, th, dx, dy, dw, dh);
    }

    /** Packed 0xRRGGBB pixels, row-major; one bulk copy for the loader's TYPE_INT_RGB images. */
    static int[] rgbPixels(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int type = image.getType();
        if ((type == BufferedImage.TYPE_INT_RGB || type == BufferedImage.TYPE_INT_ARGB)
                && image.getRaster().getSampleModel() instanceof SinglePixelPackedSampleModel) {
            // getDataElements copies without "stealing" the data buffer (the image stays accelerated).
            return (int[]) image.getRaster().getDataElements(0, 0, w, h, null);
        }
        return image.getRGB(0, 0, w, h, null, 0, w);
    }

    private byte[] scratch(int size) {
        if (scratch.length < size) {
            scratch = new byte[size];
        }
        return scratch;
    }

    /** A reused native buffer: the tensor built on it is freed before the next call. */
    private ByteBuffer direct(int size) {
        if (direct.capacity() < size) {
            direct = ByteBuffer.allocateDirect(size).order(ByteOrder.nativeOrder());
        }
        direct.clear();
        return direct;
    }

    /** For tests: the model's root NDManager (to check that no arrays accumulate). */
    NDManager manager() {
        return model.getNDManager();
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            predictor.close();
            model.close();
        }
    }

    @Override
    public String toString() {
        return "TorchScriptEmbedder[" + descriptor + ", " + (info == null ? "?" : info.dimension() + "-d") + "]";
    }

    /** An input tensor's bytes, shape and type. */
    private record Prepared(ByteBuffer data, Shape shape, DataType type) {
    }

    /** The model's output, copied to Java before DJL frees it. */
    private record Raw(int tensors, long[] shape, float[] values) {
    }

    /** NDList in, first tensor out as floats; no batchifier (the input already has its batch axis). */
    private static final class RawTranslator implements Translator<Prepared, Raw> {
        private final String method;

        RawTranslator(String method) {
            this.method = method;
        }

        @Override
        public NDList processInput(TranslatorContext ctx, Prepared input) {
            NDManager manager = ctx.getNDManager();
            NDList list = new NDList(manager.create(input.data(), input.shape(), input.type()));
            if (method != null) {
                // DJL's PyTorch engine calls the method named by an extra array called "module_method:NAME".
                NDArray marker = manager.create(0f);
                marker.setName("module_method:" + method);
                list.add(marker);
            }
            return list;
        }

        @Override
        public Raw processOutput(TranslatorContext ctx, NDList list) {
            if (list.size() != 1) {
                return new Raw(list.size(), new long[0], new float[0]);
            }
            NDArray out = list.get(0);
            long[] shape = out.getShape().getShape();
            if (shape.length > 2 || out.size() > 1_000_000) {
                return new Raw(1, shape, new float[0]);
            }
            NDArray asFloat = out.getDataType() == DataType.FLOAT32 ? out : out.toType(DataType.FLOAT32, false);
            return new Raw(1, shape, asFloat.toFloatArray());
        }

        @Override
        public Batchifier getBatchifier() {
            return null;
        }
    }
}
