package org.visualsearch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.visualsearch.ChildJvm;
import org.visualsearch.Launcher;
import org.visualsearch.core.gallery.TestImages;

/**
 * A data folder the user may not write (a shared classroom copy, a read-only disk): list and query
 * still work, and a write says why it failed. Root writes everywhere, so the CLI runs in a child
 * JVM without the capabilities that bypass file permissions, as in {@link PermissionDeniedTest}.
 */
class ReadOnlyDataFolderTest {
    private static final String DROP_CAPS = "-dac_override,-dac_read_search";

    @TempDir
    Path temp;
    Path data;

    record Run(int exit, String out, String err) {
    }

    @AfterEach
    void unlock() throws IOException {
        if (data != null && Files.exists(data)) {
            Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void listAndQueryWorkInAReadOnlyDataFolderAndAddSaysWhyItCannot() throws Exception {
        assumeTrue(Files.getFileStore(temp).supportsFileAttributeView("posix"), "needs POSIX permissions");
        Path photos = temp.resolve("photos");
        TestImages.write(photos.resolve("dog/1.jpg"), 1);
        TestImages.write(photos.resolve("dog/2.jpg"), 2);
        data = temp.resolve("data");
        VisualSearchCliTest.Run added = VisualSearchCliTest.cli("add", "--data", data.toString(), "--model", "histogram",
                photos.toString());
        assertThat(added.code()).as(added.err()).isZero();
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("r-x------"));

        Run list = run("list", "--data", data.toString());
        assertThat(list.exit()).as(list.err()).isZero();
        assertThat(list.out()).contains(photos + "\t2 photos");

        Run query = run("query", "--data", data.toString(), "--model", "histogram", photos.resolve("dog/1.jpg").toString());
        assertThat(query.exit()).as(query.err()).isZero();
        assertThat(query.out().lines()).hasSize(2);

        TestImages.write(temp.resolve("more/3.jpg"), 3);
        Run add = run("add", "--data", data.toString(), "--model", "histogram", temp.resolve("more").toString());
        assertThat(add.exit()).isEqualTo(1);
        assertThat(add.err()).contains("read-only").contains("cannot be written").doesNotContain("Unable to open");
    }

    private Run run(String... args) throws Exception {
        List<String> command = new ArrayList<>();
        if (Files.isWritable(data)) { // root, or a user with the capabilities: drop them
            assumeTrue(ChildJvm.succeeds(List.of("setpriv", "--version")), "setpriv (util-linux) is not available");
            List<String> dropped = List.of("setpriv", "--inh-caps=" + DROP_CAPS, "--bounding-set=" + DROP_CAPS);
            List<String> probe = new ArrayList<>(dropped);
            probe.addAll(List.of("test", "-w", data.toString()));
            assumeTrue(!ChildJvm.succeeds(probe), "without the capabilities the folder is still writable");
            command.addAll(dropped);
        }
        command.addAll(ChildJvm.command(Launcher.class, "-Xmx256m", "-Djava.awt.headless=true"));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(temp, "out", ".txt");
        Path err = Files.createTempFile(temp, "err", ".txt");
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().put("VSS_CACHE", temp.resolve("cache").toString());
        Process child = pb.start();
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("child CLI finished").isTrue();
        return new Run(child.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
