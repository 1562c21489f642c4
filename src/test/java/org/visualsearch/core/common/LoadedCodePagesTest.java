package org.visualsearch.core.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Read-only pages of a mapped file are let go and read back the same; written ones are kept. */
class LoadedCodePagesTest {
    private static final int SIZE = 8 * 1024 * 1024;

    @TempDir
    Path dir;

    private Path file(String name) throws Exception {
        byte[] bytes = new byte[SIZE];
        for (int i = 0; i < SIZE; i++) {
            bytes[i] = (byte) (i * 31 + (i >> 12));
        }
        return Files.write(dir.resolve(name), bytes);
    }

    private static long touch(MappedByteBuffer map) {
        long sum = 0;
        for (int i = 0; i < SIZE; i += 512) {
            sum += map.get(i);
        }
        return sum;
    }

    private static void assumeLinuxWithGlibc() {
        assumeTrue(Files.isReadable(Path.of("/proc/self/smaps")) && Glibc.function("madvise") != null, "Linux with glibc");
    }

    @Test
    void readOnlyPagesAreLetGoAndReadBackUnchanged() throws Exception {
        assumeLinuxWithGlibc();
        String name = "code-pages-" + ProcessHandle.current().pid() + ".bin";
        try (FileChannel channel = FileChannel.open(file(name), StandardOpenOption.READ)) {
            MappedByteBuffer map = channel.map(FileChannel.MapMode.READ_ONLY, 0, SIZE);
            long sum = touch(map);
            assertThat(LoadedCodePages.residentKib(name)).as("resident before").isGreaterThan(SIZE / 1024 / 2);
            long released = LoadedCodePages.release(name);
            assertThat(released).isGreaterThan(SIZE / 1024 / 2);
            assertThat(LoadedCodePages.residentKib(name)).as("resident after").isLessThan(SIZE / 1024 / 8);
            assertThat(touch(map)).as("the same bytes, mapped back from the file").isEqualTo(sum);
        }
    }

    @Test
    void aMappingWithWrittenPrivatePagesIsKept() throws Exception {
        assumeLinuxWithGlibc();
        String name = "written-pages-" + ProcessHandle.current().pid() + ".bin";
        try (FileChannel channel = FileChannel.open(file(name), StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            MappedByteBuffer map = channel.map(FileChannel.MapMode.PRIVATE, 0, SIZE);
            for (int i = 0; i < SIZE; i += 4096) {
                map.put(i, (byte) 7); // private copies, as relocated data is
            }
            assertThat(LoadedCodePages.release(name)).isZero();
            for (int i = 0; i < SIZE; i += 4096) {
                assertThat(map.get(i)).isEqualTo((byte) 7);
            }
        }
    }

    @Test
    void itReadsTheMappingsOfOneFileAndWhichCanBeDropped() {
        List<String> smaps = List.of(
                "7f0000000000-7f0000100000 r--p 00000000 08:01 42   /cache/libtorch_cpu.so",
                "Size:               1024 kB",
                "Rss:                 600 kB",
                "Anonymous:             0 kB",
                "VmFlags: rd mr mw me sd",
                "7f0000100000-7f0000300000 r-xp 00100000 08:01 42   /cache/libtorch_cpu.so",
                "Rss:                2048 kB",
                "Anonymous:             0 kB",
                "7f0000300000-7f0000310000 r--p 00300000 08:01 42   /cache/libtorch_cpu.so",
                "Rss:                  64 kB",
                "Anonymous:            64 kB",
                "7f0000310000-7f0000320000 rw-p 00310000 08:01 42   /cache/libtorch_cpu.so",
                "Rss:                  64 kB",
                "Anonymous:             0 kB",
                "7f0000320000-7f0000330000 r-xp 00000000 08:01 43   /usr/lib/libtorch_cpu.so.old",
                "Rss:                  64 kB",
                "Anonymous:             0 kB",
                "7f0000330000-7f0000340000 rw-p 00000000 00:00 0",
                "Rss:                  64 kB",
                "Anonymous:            64 kB");
        List<LoadedCodePages.Mapping> found = LoadedCodePages.parse(smaps, "libtorch_cpu.so");
        assertThat(found).extracting(LoadedCodePages.Mapping::permissions).containsExactly("r--p", "r-xp", "r--p", "rw-p");
        assertThat(found).extracting(LoadedCodePages.Mapping::droppable).containsExactly(true, true, false, false);
        assertThat(found.get(1).start()).isEqualTo(0x7f0000100000L);
        assertThat(found.get(1).end()).isEqualTo(0x7f0000300000L);
        assertThat(found.get(1).residentKib()).isEqualTo(2048);
    }
}
