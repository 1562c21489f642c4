package org.visualsearch.core.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;

/** {@link InputSpec.Guie}: uint8 [1,3,H,W], RGB planes straight from the raster, any size. */
final class GuieTranslator extends EmbeddingTranslator {
    private byte[] scratch = new byte[0];

    GuieTranslator(String method) {
        super(method);
    }

    @Override
    NDArray toTensor(NDManager manager, BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int plane = w * h;
        int[] pixels = rgbPixels(image);
        if (scratch.length < 3 * plane) {
            scratch = new byte[3 * plane];
        }
        byte[] bytes = scratch;
        for (int i = 0; i < plane; i++) {
            int p = pixels[i];
            bytes[i] = (byte) (p >> 16);
            bytes[plane + i] = (byte) (p >> 8);
            bytes[2 * plane + i] = (byte) p;
        }
        ByteBuffer buffer = direct(3 * plane);
        buffer.put(bytes, 0, 3 * plane).flip();
        return manager.create(buffer, new Shape(1, 3, h, w), DataType.UINT8);
    }
}
