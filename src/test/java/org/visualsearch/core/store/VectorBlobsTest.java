package org.visualsearch.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The stored vector layout: files written by earlier versions must still read the same. */
class VectorBlobsTest {

    @Test
    void vectorsAreLittleEndianFloat32() {
        byte[] blob = VectorBlobs.encode(new float[] {1.0f, -2.5f});
        // 1.0f = 0x3F800000, -2.5f = 0xC0200000, lowest byte first
        assertThat(blob).containsExactly(0, 0, (byte) 0x80, 0x3F, 0, 0, 0x20, (byte) 0xC0);
        assertThat(VectorBlobs.decode(blob)).containsExactly(1.0f, -2.5f);
    }

    @Test
    void decodeIntoWritesAtTheOffsetOnly() {
        float[] target = new float[5];
        VectorBlobs.decodeInto(VectorBlobs.encode(new float[] {3f, 4f}), target, 2);
        assertThat(target).containsExactly(0f, 0f, 3f, 4f, 0f);
    }
}
