package org.visualsearch.core.store;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** The BLOB layout of stored vectors: little-endian float32, one after the other. */
final class VectorBlobs {
    private VectorBlobs() {
    }

    static byte[] encode(float[] vector) {
        ByteBuffer buffer = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(vector);
        return buffer.array();
    }

    static float[] decode(byte[] blob) {
        float[] v = new float[blob.length / Float.BYTES];
        decodeInto(blob, v, 0);
        return v;
    }

    /** Decodes all of {@code blob} into {@code target} from {@code offset} on. */
    static void decodeInto(byte[] blob, float[] target, int offset) {
        ByteBuffer.wrap(blob).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer()
                .get(target, offset, blob.length / Float.BYTES);
    }
}
