package org.visualsearch.cli;

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
import org.visualsearch.Launcher;
import org.visualsearch.core.gallery.TestImages;

/**
 * A first start that cannot unpack PyTorch's natives, for real: a child CLI whose VSS_CACHE is a
 * file, or a folder it cannot write. The message names the folder, what is wrong with it and
 * VSS_CACHE. Nothing is downloaded or unpacked: the unpack fails at its first folder.
 */
class NativesUnpackFailureTest {
    private static final String DROP_CAPS = "-dac_override,-dac_read_search";

    @TempDir
    Path temp;

    private record Run(int exit, String out, String err) {
    }

    @Test
    void aCacheThatIsAFileIsNamedWithTheSystemsReason() throws Exception {
        Path file = Files.writeString(temp.resolve("not-a-folder"), "x");

        Run run = query(file, List.of());

        assertThat(run.exit()).as(run.err()).isEqualTo(1);
        assertThat(run.err().strip()).startsWith("visual-search query: Cannot load model ")
                .contains("the PyTorch engine did not start (Failed to extract PyTorch native library: ")
                .contains("Not a directory")
                .contains("unpacked on first start into " + file.resolve("djl") + " and need about 450 MB there")
                .contains(file + " is a file, not a folder").contains("VSS_CACHE")
                .doesNotContain("\tat ").doesNotContain("Free some space");
        assertThat(run.err().strip().lines()).hasSize(1);
    }

    @Test
    void aCacheThatCannotBeWrittenIsNamed() throws Exception {
        Path readOnly = Files.createDirectories(temp.resolve("read-only"));
        readOnly.toFile().setWritable(false, false);
        List<String> prefix = new ArrayList<>();
        if (Files.isWritable(readOnly)) { // root: drop the capabilities that write anywhere
            assumeTrue(ChildJvm.succeeds(List.of("setpriv", "--version")), "setpriv (util-linux) is not available");
            prefix.addAll(List.of("setpriv", "--inh-caps=" + DROP_CAPS, "--bounding-set=" + DROP_CAPS));
        }

        Run run = query(readOnly.resolve("cache"), prefix);

        assertThat(run.exit()).as(run.err()).isEqualTo(1);
        assertThat(run.err().strip()).contains("AccessDeniedException")
                .contains("; " + readOnly + " cannot be written").contains("VSS_CACHE").doesNotContain("\tat ");
    }

    private Run query(Path cache, List<String> prefix) throws Exception {
        Path photos = temp.resolve("photos");
        TestImages.write(photos.resolve("a.jpg"), 1);
        List<String> command = new ArrayList<>(prefix);
        command.addAll(ChildJvm.command(Launcher.class, "-Xmx256m", "-Djava.awt.headless=true"));
        command.addAll(List.of("query", "--gallery", photos.toString(), photos.resolve("a.jpg").toString()));
        Path out = Files.createTempFile(temp, "out", ".txt");
        Path err = Files.createTempFile(temp, "err", ".txt");
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().put("VSS_CACHE", cache.toString());
        pb.environment().put("VSS_DATA", temp.resolve("data").toString());
        Process child = pb.start();
        assertThat(child.waitFor(120, TimeUnit.SECONDS)).as("child CLI finished").isTrue();
        return new Run(child.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
