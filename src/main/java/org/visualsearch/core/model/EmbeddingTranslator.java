package org.visualsearch.core.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.translate.Batchifier;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;
import java.awt.image.BufferedImage;
import java.awt.image.SinglePixelPackedSampleModel;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A photo in, the model's first output out. Like DJL's own image translators, each input
 * convention builds its tensor in {@link #processInput}; the output side is shared. There is no
 * batchifier: the tensor already has its batch axis.
 *
 * <p>Not thread safe (it reuses one native buffer); the embedder calls it from one predictor
 * under its lock. The tensors are made in the call's own manager, which DJL closes after it.
 */
abstract class EmbeddingTranslator implements Translator<BufferedImage, ModelOutput> {
    /** Outputs above this many values are refused unread (not an embedding). */
    private static final int MAX_OUTPUT_VALUES = 1_000_000;

    private final String method;
    private ByteBuffer direct = ByteBuffer.allocateDirect(0);

    /** @param method TorchScript method to call instead of forward, or null */
    EmbeddingTranslator(String method) {
        this.method = method;
    }

    /** The translator for a model's input convention. */
    static EmbeddingTranslator of(InputSpec spec, String method) {
        if (spec instanceof InputSpec.Fixed fixed) {
            return new FixedTranslator(fixed, method);
        }
        return new GuieTranslator(method);
    }

    /** The input tensor for the photo, with its batch axis. */
    abstract NDArray toTensor(NDManager manager, BufferedImage image);

    @Override
    public NDList processInput(TranslatorContext ctx, BufferedImage image) {
        NDManager manager = ctx.getNDManager();
        NDList list = new NDList(toTensor(manager, image));
        if (method != null) {
            // DJL's PyTorch engine calls the method named by an extra array called "module_method:NAME".
            NDArray marker = manager.create(0f);
            marker.setName("module_method:" + method);
            list.add(marker);
        }
        return list;
    }

    @Override
    public ModelOutput processOutput(TranslatorContext ctx, NDList list) {
        if (list.size() != 1) {
            return new ModelOutput(list.size(), new long[0], new float[0]);
        }
        NDArray out = list.get(0);
        long[] shape = out.getShape().getShape();
        if (shape.length > 2 || out.size() > MAX_OUTPUT_VALUES) {
            return new ModelOutput(1, shape, new float[0]);
        }
        NDArray asFloat = out.getDataType() == DataType.FLOAT32 ? out : out.toType(DataType.FLOAT32, false);
        return new ModelOutput(1, shape, asFloat.toFloatArray());
    }

    @Override
    public Batchifier getBatchifier() {
        return null;
    }

    /** A reused native buffer: the tensor built on it is freed before the next call. */
    ByteBuffer direct(int size) {
        if (direct.capacity() < size) {
            direct = ByteBuffer.allocateDirect(size).order(ByteOrder.nativeOrder());
        }
        direct.clear();
        return direct;
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
}
