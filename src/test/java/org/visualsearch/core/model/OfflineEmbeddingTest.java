package org.visualsearch.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The offline guarantee: a child JVM loads a model and embeds an image inside a network
 * namespace with no network at all ({@code unshare -n}: not even a working loopback). Skipped
 * only where {@code unshare -n} is unavailable or not permitted.
 */
class OfflineEmbeddingTest {

    @TempDir
    Path temp;

    @Test
    void embeddingWorksWithNoNetwork() throws Exception {
        assumeTrue(unshareWorks(), "unshare -n is unavailable or not permitted here");
        // Same native cache as this JVM, so the child does not unpack libtorch again.
        Path cache = DjlEnvironment.configure();
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of("unshare", "-n", java.toString(),
                "-DDJL_CACHE_DIR=" + cache, "-Djava.awt.headless=true", "-cp", classPath,
                OfflineEmbedMain.class.getName(), TestModels.folder("guie-tiny").toString()));
        Path log = temp.resolve("child.log");
        Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean finished = child.waitFor(180, TimeUnit.SECONDS);
        if (!finished) {
            child.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(finished).as("child finished; output:%n%s", output).isTrue();
        assertThat(child.exitValue()).as("exit code; output:%n%s", output).isZero();
        // guie-tiny: ... then H=4, W=6 last.
        assertThat(output).containsPattern("vector \\[[-0-9.E, ]+, 4\\.0, 6\\.0\\]");
    }

    private static boolean unshareWorks() {
        try {
            Process p = new ProcessBuilder("unshare", "-n", "true").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
