package org.visualsearch.testing;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Named pipes for tests: opening one for reading blocks until a writer comes, for ever if none does. */
public final class SpecialFiles {
    private SpecialFiles() {
    }

    /** True on a POSIX system with {@code mkfifo}. */
    public static boolean fifosSupported() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                && Files.isExecutable(Path.of("/usr/bin/mkfifo"));
    }

    public static Path fifo(Path path) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("/usr/bin/mkfifo", path.toString()).redirectErrorStream(true).start();
        if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("mkfifo " + path + " failed: " + new String(p.getInputStream().readAllBytes()));
        }
        if (!Files.exists(path) || Files.isRegularFile(path)) {
            throw new IOException("mkfifo made no FIFO at " + path);
        }
        return path;
    }
}
