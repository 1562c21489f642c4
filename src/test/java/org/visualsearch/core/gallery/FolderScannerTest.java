package org.visualsearch.core.gallery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderScannerTest {

    @TempDir
    Path root;

    private static List<String> relative(Path root, FolderScanner.ScanResult result) {
        return result.files().stream().map(f -> root.relativize(f.path()).toString().replace('\\', '/')).toList();
    }

    @Test
    void findsImagesByExtensionWithCategoriesAndSkipsHiddenSystemAndOtherFiles() throws IOException {
        TestImages.write(root.resolve("top.jpg"), 1);
        TestImages.write(root.resolve("dogs/a.JPG"), 2);
        TestImages.write(root.resolve("dogs/deeper/b.png"), 3);
        TestImages.write(root.resolve("cats/c.gif"), 4);
        Files.writeString(root.resolve("cats/notes.txt"), "not a photo");
        Files.writeString(root.resolve("cats/raw.cr2"), "not a listed extension");
        TestImages.write(root.resolve(".hidden.jpg"), 5);
        TestImages.write(root.resolve(".thumbs/t.jpg"), 6);
        TestImages.write(root.resolve("dogs/.cache/x.jpg"), 7);
        for (String system : List.of("$RECYCLE.BIN", "System Volume Information", ".Trashes", "@eaDir", "__MACOSX")) {
            TestImages.write(root.resolve(system).resolve("s.jpg"), 8);
        }

        FolderScanner.ScanResult result = new FolderScanner().scan(root);

        assertThat(relative(root, result)).containsExactly("cats/c.gif", "dogs/a.JPG", "dogs/deeper/b.png", "top.jpg");
        assertThat(result.files()).extracting(FolderScanner.ScannedFile::category)
                .containsExactly("cats", "dogs", "dogs", null);
        assertThat(result.files().get(0).size()).isEqualTo(Files.size(root.resolve("cats/c.gif")));
        // a camera raw file is a photo the app cannot read: listed, never skipped in silence
        assertThat(result.problems()).extracting(p -> root.relativize(p.path()).toString().replace('\\', '/') + ": "
                + p.reason()).containsExactly("cats/raw.cr2: CR2 (camera raw) is not supported (convert it to JPEG or PNG)");
    }

    @Test
    void symlinkLoopsTerminateAndLinkedFoldersAreWalked() throws IOException {
        Path outside = Files.createTempDirectory("linked");
        try {
            TestImages.write(outside.resolve("o.jpg"), 1);
            TestImages.write(root.resolve("a/x.jpg"), 2);
            Files.createSymbolicLink(root.resolve("a/loop"), root);            // back to an ancestor
            Files.createSymbolicLink(root.resolve("a/self"), root.resolve("a"));
            Files.createSymbolicLink(root.resolve("linked"), outside);          // a real linked folder
            Files.createSymbolicLink(root.resolve("broken.jpg"), root.resolve("nowhere.jpg"));

            FolderScanner.ScanResult result = assertTimeoutPreemptively(Duration.ofSeconds(10),
                    () -> new FolderScanner().scan(root));

            assertThat(relative(root, result)).containsExactly("a/x.jpg", "linked/o.jpg");
            assertThat(result.files().get(1).category()).isEqualTo("linked");
            assertThat(result.problems()).singleElement()
                    .satisfies(p -> assertThat(p.reason()).contains("broken symbolic link"));
        } finally {
            try (Stream<Path> s = Files.walk(outside)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void folderVanishingMidScanIsAProblemAndTheWalkGoesOn() throws IOException {
        TestImages.write(root.resolve("a/1.jpg"), 1);
        TestImages.write(root.resolve("b/2.jpg"), 2);
        TestImages.write(root.resolve("c.jpg"), 3);
        AtomicBoolean deleted = new AtomicBoolean();
        // Whichever of a and b is entered first deletes the other, which the root's listing still names.
        FolderScanner scanner = new FolderScanner(dir -> {
            String name = dir.getFileName().toString();
            if ((name.equals("a") || name.equals("b")) && deleted.compareAndSet(false, true)) {
                deleteTree(root.resolve(name.equals("a") ? "b" : "a"));
            }
        });

        FolderScanner.ScanResult result = scanner.scan(root);

        assertThat(relative(root, result)).contains("c.jpg").hasSize(2);
        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.path().getFileName().toString()).isIn("a", "b");
            assertThat(p.reason()).isEqualTo("folder vanished during the scan");
        });
    }

    @Test
    void fileVanishingMidScanIsAProblemNotACrash() throws IOException {
        Files.createDirectories(root.resolve("sub"));
        for (int i = 0; i < 20; i++) {
            TestImages.write(root.resolve("v" + i + ".jpg"), i);
        }
        // Entering "sub" deletes the photos beside it that the root's listing already returned.
        FolderScanner scanner = new FolderScanner(dir -> {
            if (dir.getFileName().toString().equals("sub")) {
                for (int i = 0; i < 20; i++) {
                    root.resolve("v" + i + ".jpg").toFile().delete();
                }
            }
        });

        FolderScanner.ScanResult result = scanner.scan(root);

        // Photos listed before "sub" was entered are found; all others are reported as vanished.
        assertThat(result.files().size() + result.problems().size()).isEqualTo(20);
        assertThat(result.problems()).allSatisfy(p -> assertThat(p.reason()).isEqualTo("file vanished during the scan"));
        Assumptions.assumeTrue(!result.problems().isEmpty(), "directory order put sub last; nothing vanished");
    }

    @Test
    void unreadableFolderIsAProblemAndTheWalkGoesOn() throws IOException {
        TestImages.write(root.resolve("ok/1.jpg"), 1);
        Path locked = Files.createDirectories(root.resolve("locked"));
        TestImages.write(locked.resolve("2.jpg"), 2);
        Assumptions.assumeTrue(Files.getFileStore(root).supportsFileAttributeView("posix"), "needs POSIX permissions");
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        try {
            // Root (as in CI containers) reads any folder regardless of permissions.
            Assumptions.assumeFalse(Files.isReadable(locked), "running as root: permissions do not block reading");
            FolderScanner.ScanResult result = new FolderScanner().scan(root);
            assertThat(relative(root, result)).containsExactly("ok/1.jpg");
            assertThat(result.problems()).singleElement()
                    .satisfies(p -> assertThat(p.reason()).contains("permission denied"));
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void missingRootIsAnError() {
        assertThatThrownBy(() -> new FolderScanner().scan(root.resolve("nope"))).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void imageNames() {
        assertThat(Set.of("a.jpg", "b.JPEG", "c.tif", "d.webp").stream().allMatch(FolderScanner::isImageName)).isTrue();
        assertThat(Stream.of("jpg", ".jpg", "a.txt", "a.jpg.bak").anyMatch(FolderScanner::isImageName)).isFalse();
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
