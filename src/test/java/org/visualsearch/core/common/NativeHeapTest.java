package org.visualsearch.core.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.jna.Native;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** glibc keeps freed small blocks in its arenas; a release hands them back to the system. */
class NativeHeapTest {

    private static long rssKiB() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        throw new IllegalStateException("no VmRSS");
    }

    @Test
    void freedArenaMemoryGoesBackToTheSystem() throws Exception {
        assumeTrue(Files.isReadable(Path.of("/proc/self/status")) && NativeHeap.release(), "Linux with glibc");
        // 96 MB in 64 KB blocks (under glibc's mmap threshold, so they live in the arena), touched,
        // then freed except the last one, which keeps glibc from trimming the top by itself
        int blocks = 1536;
        long[] pointers = new long[blocks];
        for (int i = 0; i < blocks; i++) {
            pointers[i] = Native.malloc(64 * 1024);
            new com.sun.jna.Pointer(pointers[i]).setMemory(0, 64 * 1024, (byte) 1);
        }
        for (int i = 0; i < blocks - 1; i++) {
            Native.free(pointers[i]);
        }
        long kept = rssKiB();
        assertThat(NativeHeap.release()).isTrue();
        long released = rssKiB();
        Native.free(pointers[blocks - 1]);
        assertThat(kept - released).as("KiB handed back").isGreaterThan(64 * 1024);
    }
}
