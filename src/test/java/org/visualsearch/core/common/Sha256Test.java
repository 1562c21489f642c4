package org.visualsearch.core.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Sha256Test {
    /** SHA-256 of "abc", from FIPS 180-2. */
    private static final String ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    @TempDir
    Path temp;

    @Test
    void bytesAndFilesGiveTheStandardDigest() throws Exception {
        byte[] abc = "abc".getBytes(StandardCharsets.US_ASCII);
        assertThat(Sha256.of(abc)).isEqualTo(ABC);
        Path file = Files.write(temp.resolve("abc.txt"), abc);
        assertThat(Sha256.of(file)).isEqualTo(ABC);
    }

    @Test
    void aFileLargerThanTheBufferIsHashedWhole() throws Exception {
        byte[] big = new byte[200_000];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) (i * 31);
        }
        Path file = Files.write(temp.resolve("big.bin"), big);
        assertThat(Sha256.of(file)).isEqualTo(Sha256.of(big));
    }
}
