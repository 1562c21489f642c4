package org.visualsearch.core.gallery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.visualsearch.testing.SpecialFiles;

/** Files a scan cannot use are listed as problems with the reason, never skipped without a trace. */
class SkippedFilesTest {

    @TempDir
    Path root;

    @Test
    void photosInFormatsTheAppCannotReadAreProblemsNamingTheFormat() throws Exception {
        for (String name : new String[] {"a.heic", "b.HEIF", "c.avif", "d.svg", "e.ppm", "f.tga", "g.pcx", "h.ico"}) {
            Files.write(root.resolve(name), new byte[] {1, 2, 3});
        }
        Files.writeString(root.resolve("notes.txt"), "not a photo at all: ignored");

        FolderScanner.ScanResult scan = new FolderScanner().scan(root);

        assertThat(scan.files()).isEmpty();
        assertThat(scan.problems()).extracting(p -> p.path().getFileName() + ": " + p.reason()).containsExactly(
                "a.heic: HEIC is not supported (convert it to JPEG or PNG)",
                "b.HEIF: HEIF is not supported (convert it to JPEG or PNG)",
                "c.avif: AVIF is not supported (convert it to JPEG or PNG)",
                "d.svg: SVG is not supported (convert it to JPEG or PNG)",
                "e.ppm: PPM is not supported (convert it to JPEG or PNG)",
                "f.tga: TGA is not supported (convert it to JPEG or PNG)",
                "g.pcx: PCX is not supported (convert it to JPEG or PNG)",
                "h.ico: ICO is not supported (convert it to JPEG or PNG)");
    }

    @Test
    void jfifIsJpegAndIsRead() throws Exception {
        TestImages.write(root.resolve("photo.jpg"), 1);
        Files.move(root.resolve("photo.jpg"), root.resolve("photo.jfif"));

        FolderScanner.ScanResult scan = new FolderScanner().scan(root);

        assertThat(scan.files()).extracting(f -> f.path().getFileName().toString()).containsExactly("photo.jfif");
        assertThat(scan.problems()).isEmpty();
    }

    @Test
    @Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aFifoWithAPhotosNameIsAProblem() throws Exception {
        Assumptions.assumeTrue(SpecialFiles.fifosSupported(), "no mkfifo on this system");
        SpecialFiles.fifo(root.resolve("pipe.jpg"));

        FolderScanner.ScanResult scan = new FolderScanner().scan(root);

        assertThat(scan.files()).isEmpty();
        assertThat(scan.problems()).singleElement().satisfies(p ->
                assertThat(p.reason()).isEqualTo("not a regular file (a FIFO, socket or device); not read"));
    }

    @Test
    void aPathLongerThanTheSystemAllowsIsAProblem() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/python3")), "needs python3 to make the folders");
        // Java cannot make such a path (each call passes the whole path); going down one folder
        // at a time can: 20 levels of 250-character names, a photo at the bottom.
        String script = "import os\nfor i in range(20):\n    os.mkdir('d' * 250)\n    os.chdir('d' * 250)\n"
                + "open('photo.jpg', 'w').write('x')\n";
        Path deep = Files.createDirectories(root.resolve("deep"));
        try {
            Process p = new ProcessBuilder("/usr/bin/python3", "-c", script).directory(deep.toFile())
                    .redirectErrorStream(true).start();
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            Assumptions.assumeTrue(p.exitValue() == 0, "the file system refused the deep folders");

            FolderScanner.ScanResult scan = new FolderScanner().scan(root);

            assertThat(scan.problems()).isNotEmpty().allSatisfy(problem ->
                    assertThat(problem.reason()).contains("path is longer than the system allows"));
        } finally {
            // JUnit cannot delete it either; rm goes down relative to each folder
            new ProcessBuilder("rm", "-rf", deep.toString()).start().waitFor(30, TimeUnit.SECONDS);
        }
    }
}
