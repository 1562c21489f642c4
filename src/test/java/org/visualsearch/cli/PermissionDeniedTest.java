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
 * A photo and a folder the user may not read are listed as problems, and the readable photos
 * beside them are indexed. Root reads everything, and CI runs as root, so there the CLI runs in a
 * child JVM with the capabilities that bypass file permissions (CAP_DAC_OVERRIDE,
 * CAP_DAC_READ_SEARCH) dropped by util-linux's {@code setpriv}: the same denial a normal user gets.
 */
class PermissionDeniedTest {
    @TempDir
    Path temp;

    private Path lockedPhoto;
    private Path lockedFolder;

    @AfterEach
    void unlock() throws IOException {
        // so that @TempDir can delete them
        for (Path p : new Path[] {lockedPhoto, lockedFolder}) {
            if (p != null && Files.exists(p)) {
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwx------"));
            }
        }
    }

    @Test
    void unreadablePhotoAndFolderAreProblemsAndTheRestIsIndexed() throws Exception {
        assumeTrue(Files.getFileStore(temp).supportsFileAttributeView("posix"), "needs POSIX permissions");
        Path photos = temp.resolve("photos");
        TestImages.write(photos.resolve("dog/1.jpg"), 1);
        TestImages.write(photos.resolve("dog/2.jpg"), 2);
        lockedPhoto = TestImages.write(photos.resolve("dog/locked.jpg"), 3);
        TestImages.write(photos.resolve("cat/locked-away/4.jpg"), 4);
        lockedFolder = photos.resolve("cat/locked-away");
        TestImages.write(photos.resolve("cat/5.jpg"), 5);
        Files.setPosixFilePermissions(lockedPhoto, PosixFilePermissions.fromString("---------"));
        Files.setPosixFilePermissions(lockedFolder, PosixFilePermissions.fromString("---------"));
        Path data = temp.resolve("data");

        String add = cli("add", "--data", data.toString(), "--model", "histogram", photos.toString());
        String problems = cli("problems", "--data", data.toString());

        assertThat(add).contains("3 newly indexed, 3 embedded").contains("2 problems");
        assertThat(problems.lines().toList()).hasSize(2).anySatisfy(line -> assertThat(line)
                        .startsWith(lockedPhoto + "\t").containsIgnoringCase("permission denied"))
                .anySatisfy(line -> assertThat(line)
                        .startsWith(lockedFolder + "\t").containsIgnoringCase("permission denied"));
    }

    /** Runs the CLI as a user whom file permissions apply to; returns its standard output. */
    private String cli(String... args) throws Exception {
        Result run = CliFixture.runWithFilePermissions(temp, List.of("test", "-r", lockedPhoto.toString()), args);
        assertThat(run.exit()).as("exit code of %s; stderr: %s", String.join(" ", args), run.err()).isZero();
        return run.out();
    }
}
