package org.visualsearch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.visualsearch.core.gallery.TestImages;
import org.visualsearch.cli.CliFixture.Result;

/**
 * A data folder the user may not write (a shared classroom copy, a read-only disk): list and query
 * still work, and a write says why it failed. Root writes everywhere, so the CLI runs in a child
 * JVM without the capabilities that bypass file permissions, as in {@link PermissionDeniedTest}.
 */
class ReadOnlyDataFolderTest {
    @TempDir
    Path temp;
    Path data;

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
        Result added = CliFixture.cli("add", "--data", data.toString(), "--model", "histogram",
                photos.toString());
        assertThat(added.exit()).as(added.err()).isZero();
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("r-x------"));

        Result list = run("list", "--data", data.toString());
        assertThat(list.exit()).as(list.err()).isZero();
        assertThat(list.out()).contains(photos + "\t2 photos");

        Result query = run("query", "--data", data.toString(), "--model", "histogram", photos.resolve("dog/1.jpg").toString());
        assertThat(query.exit()).as(query.err()).isZero();
        assertThat(query.out().lines()).hasSize(2);

        TestImages.write(temp.resolve("more/3.jpg"), 3);
        Result add = run("add", "--data", data.toString(), "--model", "histogram", temp.resolve("more").toString());
        assertThat(add.exit()).isEqualTo(1);
        assertThat(add.err()).contains("read-only").contains("cannot be written").doesNotContain("Unable to open");
    }

    private Result run(String... args) throws Exception {
        return CliFixture.runWithFilePermissions(temp, List.of("test", "-w", data.toString()), args);
    }
}
