package org.visualsearch.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.visualsearch.ChildJvm;

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
        assumeTrue(ChildJvm.succeeds(List.of("unshare", "-n", "true")), "unshare -n is unavailable or not permitted here");
        // Same native cache as this JVM, so the child does not unpack libtorch again.
        Path cache = DjlEnvironment.configure();
        List<String> command = new ArrayList<>(List.of("unshare", "-n"));
        command.addAll(ChildJvm.command(OfflineEmbedMain.class, "-DDJL_CACHE_DIR=" + cache, "-Djava.awt.headless=true"));
        command.add(TestModels.folder("guie-tiny").toString());
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
}
