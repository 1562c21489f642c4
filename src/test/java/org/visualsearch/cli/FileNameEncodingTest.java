package org.visualsearch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.visualsearch.ChildJvm;
import org.visualsearch.Launcher;

/**
 * File names Java cannot turn into text: non-ASCII names under LANG=C, and bytes that are not
 * UTF-8. The JVM takes the file-name charset from the locale at start, so each run is a child JVM.
 */
class FileNameEncodingTest {

    @TempDir
    Path temp;

    record Run(int exit, String out, String err) {
    }

    private Run run(String lang, String... args) throws Exception {
        List<String> command = new ArrayList<>(ChildJvm.command(Launcher.class, "-Xmx256m",
                "-XX:TieredStopAtLevel=1", "-Djava.awt.headless=true"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("LANG", lang);
        pb.environment().put("LC_ALL", lang);
        pb.environment().put("VSS_DATA", temp.resolve("data").toString());
        pb.environment().put("VSS_CACHE", temp.resolve("cache").toString());
        Path out = temp.resolve("out.txt");
        Path err = temp.resolve("err.txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("finished").isTrue();
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.ISO_8859_1),
                Files.readString(err, StandardCharsets.ISO_8859_1));
    }

    @Test
    void namesTheLocaleCannotRepresentAreProblemsAndNothingIsLostUnderLangC() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "needs a POSIX shell to make the names");
        Path gallery = Files.createDirectories(temp.resolve("gallery"));
        CliFixture.paint(gallery.resolve("plain.png"), Color.RED);
        CliFixture.paint(gallery.resolve("plain2.png"), Color.BLUE);
        // café.png (valid UTF-8) and bad<0xff>.png (not UTF-8), named by bytes
        Process sh = new ProcessBuilder("/bin/sh", "-c",
                "cp plain.png \"$(printf 'caf\\303\\251.png')\" && cp plain2.png \"$(printf 'bad\\377.png')\"")
                .directory(gallery.toFile()).start();
        assertThat(sh.waitFor(10, TimeUnit.SECONDS) && sh.exitValue() == 0).isTrue();

        Run add = run("C.UTF-8", "add", "--model", "histogram", gallery.toString());
        assertThat(add.exit()).as(add.err()).isZero();
        Run problems = run("C.UTF-8", "problems");
        assertThat(problems.out()).contains("bad").contains("file name is not valid text");
        Run listed = run("C.UTF-8", "list");
        assertThat(listed.out()).contains("\t3 photos");

        Run query = run("C", "query", "--model", "histogram", gallery.resolve("plain.png").toString());
        assertThat(query.err()).doesNotContain("InvalidPathException").doesNotContain("Exception");
        assertThat(query.exit()).as(query.err()).isZero();
        assertThat(query.out().lines()).hasSize(3);
        Run listedAgain = run("C", "list");
        assertThat(listedAgain.exit()).as(listedAgain.err()).isZero();
        assertThat(listedAgain.out()).contains("\t3 photos"); // café.png is kept though LANG=C cannot name it
    }
}
