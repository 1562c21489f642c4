package org.visualsearch.core.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import org.visualsearch.core.image.Resampling;

/**
 * {@link InputSpec.Fixed}: resize/crop to width x height, scale to 0..1, normalise per channel,
 * float32 [1,3,height,width].
 */
final class FixedTranslator extends EmbeddingTranslator {
    private final InputSpec.Fixed spec;
    private final float[] mean;
    private final float[] std;

    FixedTranslator(InputSpec.Fixed spec, String method) {
        super(method);
        this.spec = spec;
        this.mean = spec.mean();
        this.std = spec.std();
    }

    @Override
    NDArray toTensor(NDManager manager, BufferedImage image) {
        int tw = spec.width();
        int th = spec.height();
        int plane = tw * th;
        int[] pixels = rgbPixels(resize(image, tw, th, spec.resize()));
        ByteBuffer buffer = direct(3 * plane * Float.BYTES);
        FloatBuffer floats = buffer.asFloatBuffer();
        for (int c = 0; c < 3; c++) {
            int shift = 16 - 8 * c;
            float m = mean[c];
            float s = std[c];
            for (int i = 0; i < plane; i++) {
                floats.put(c * plane + i, (((pixels[i] >> shift) & 0xff) / 255f - m) / s);
            }
        }
        buffer.limit(3 * plane * Float.BYTES);
        return manager.create(buffer, new Shape(1, 3, th, tw), DataType.FLOAT32);
    }

    /** Brings an image to exactly tw x th by the resize mode. */
    static BufferedImage resize(BufferedImage image, int tw, int th, InputSpec.Resize mode) {
        int w = image.getWidth();
        int h = image.getHeight();
        int dw;
        int dh;
        int dx;
        int dy;
        if (mode == InputSpec.Resize.STRETCH) {
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
}
