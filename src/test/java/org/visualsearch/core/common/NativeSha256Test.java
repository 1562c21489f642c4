package org.visualsearch.core.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativeSha256Test {
    @TempDir
    Path temp;

    @Test
    void linuxHasLibcrypto() {
        assumeTrue(System.getProperty("os.name").startsWith("Linux"));
        // every Debian system has OpenSSL 3; without it photos would be hashed 7x slower under C1
        assertThat(NativeSha256.available()).isTrue();
    }

    @Test
    void agreesWithTheJdkOnEveryLengthAroundTheChunkSize() throws Exception {
        assumeTrue(NativeSha256.available());
        Random random = new Random(7);
        for (int length : new int[] {0, 1, 55, 64, 65_535, 262_143, 262_144, 262_145, 1_000_003}) {
            byte[] content = new byte[length];
            random.nextBytes(content);
            Path file = Files.write(temp.resolve("f" + length), content);
            assertThat(NativeSha256.of(file, new byte[0])).as("length %d", length).isEqualTo(Sha256.of(content));
        }
    }

    @Test
    void aFileFollowedBySomeBytesHashesAsTheirConcatenation() throws Exception {
        assumeTrue(NativeSha256.available());
        Random random = new Random(8);
        byte[] content = new byte[300_000];
        random.nextBytes(content);
        Path file = Files.write(temp.resolve("model.pt"), content);
        byte[] suffix = {0, 'n', '=', '1', '\n'};
        byte[] both = java.util.Arrays.copyOf(content, content.length + suffix.length);
        System.arraycopy(suffix, 0, both, content.length, suffix.length);
        assertThat(NativeSha256.of(file, suffix)).isEqualTo(Sha256.of(both));
        assertThat(Sha256.of(file, suffix)).isEqualTo(Sha256.of(both));
        assertThat(NativeSha256.of(file, new byte[0])).isEqualTo(Sha256.of(content));
    }

    @Test
    void aMissingFileIsTheUsualNoSuchFileException() {
        assumeTrue(NativeSha256.available());
        assertThatThrownBy(() -> NativeSha256.of(temp.resolve("gone.jpg"), new byte[0])).isInstanceOf(NoSuchFileException.class);
    }
}
