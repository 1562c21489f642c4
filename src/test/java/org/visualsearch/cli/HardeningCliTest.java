package org.visualsearch.cli;

import static org.visualsearch.cli.CliFixture.cli;
import static org.visualsearch.cli.CliFixture.paint;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.visualsearch.cli.CliFixture.Result;

/** Bad inputs through the command line: each gives a clear line, none a stack trace or a hang. */
class HardeningCliTest {

    @TempDir
    Path temp;

    private static Path testModel(String name) throws URISyntaxException {
        return Path.of(HardeningCliTest.class.getResource("/models/" + name).toURI());
    }

    @Test
    void aMisspeltDescriptorKeyIsAWarningOnStderr() throws Exception {
        Path model = Files.createDirectories(temp.resolve("model"));
        Files.copy(testModel("guie-tiny").resolve("guie_tiny.pt"), model.resolve("model.pt"));
        Files.writeString(model.resolve("serving.properties"), "vss.name=Tiny\nvss.maxsid=64\n");
        paint(temp.resolve("gallery/a.png"), Color.RED);

        Result r = cli("index", "--data", temp.resolve("data").toString(), "--model", model.toString(),
                temp.resolve("gallery").toString());

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).contains("warning: " + model.resolve("serving.properties")
                + ": unknown key vss.maxsid; did you mean vss.maxSide?");
    }

    @Test
    void aNewlineOrTabInAFileNameDoesNotSplitTheTabSeparatedOutput() throws Exception {
        Path gallery = temp.resolve("gallery");
        paint(gallery.resolve("two\nlines.png"), Color.RED);
        paint(gallery.resolve("tab\there.png"), new Color(250, 10, 10));
        paint(gallery.resolve("back\\slash.png"), new Color(240, 20, 20));
        String data = temp.resolve("data").toString();
        assertThat(cli("add", "--data", data, "--model", "histogram", gallery.toString()).exit()).isZero();

        Result r = cli("query", "--data", data, "--model", "histogram", gallery.resolve("two\nlines.png").toString());

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out().lines()).hasSize(3).allSatisfy(line -> assertThat(line.split("\t", -1)).hasSize(4));
        assertThat(r.out()).contains("two\\nlines.png").contains("tab\\there.png").contains("back\\\\slash.png");
        Result list = cli("list", "--data", data);
        assertThat(list.out().lines().filter(l -> l.contains("photos"))).isNotEmpty();
    }

    @Test
    void benchSizesBeyondTheHeapAreRefusedWithTheMemoryTheyNeed() {
        for (String size : new String[] {"2000000000", "30000000"}) {
            long heap = Runtime.getRuntime().maxMemory();
            if (size.equals("30000000") && heap > 30_000_000L * (64 * 4 + 48) * 2) {
                continue; // a heap that large could run it
            }
            Result r = cli("bench", "--sizes", size, "--queries", "1", "--warmup", "0");
            assertThat(r.exit()).as(size).isNotZero();
            assertThat(r.err()).as(size).contains("need about").contains("GB").contains("-Xmx")
                    .doesNotContain("Exception").doesNotContain("\tat ");
        }
    }

    @Test
    void generateSyntheticRefusesAHugeCountAndADatabaseWithRealFolders() throws Exception {
        String data = temp.resolve("data").toString();
        Result huge = cli("generate-synthetic", "--data", data, "--count", "2000000000", "--no-thumbnails");
        assertThat(huge.exit()).isEqualTo(1);
        assertThat(huge.err()).contains("--count 2000000000").contains("needs about").doesNotContain("Exception");

        paint(temp.resolve("gallery/a.png"), Color.RED);
        assertThat(cli("add", "--data", data, "--model", "histogram", temp.resolve("gallery").toString()).exit()).isZero();
        Result real = cli("generate-synthetic", "--data", data, "--count", "10", "--no-thumbnails");
        assertThat(real.exit()).isEqualTo(1);
        assertThat(real.err()).contains("holds real gallery folders (gallery)");
        assertThat(cli("list", "--data", data).out()).contains("\t1 photo\n").doesNotContain("synthetic");
    }

    @Test
    void generateSyntheticWithoutDataNeverWritesIntoTheUsersDatabase() throws Exception {
        Path home = Files.createDirectories(temp.resolve("home"));
        java.util.List<String> command = new java.util.ArrayList<>(org.visualsearch.ChildJvm.command(
                org.visualsearch.Launcher.class, "-Xmx256m", "-Duser.home=" + home, "-Djava.awt.headless=true"));
        command.addAll(java.util.List.of("generate-synthetic", "--count", "20", "--no-thumbnails"));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().remove("VSS_DATA");
        pb.environment().put("HOME", home.toString());
        pb.environment().put("XDG_DATA_HOME", home.resolve(".local/share").toString());
        pb.environment().put("VSS_CACHE", temp.resolve("cache").toString());
        Path err = temp.resolve("err.txt");
        Process p = pb.redirectErrorStream(false).redirectOutput(temp.resolve("out.txt").toFile())
                .redirectError(err.toFile()).start();
        assertThat(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

        assertThat(p.exitValue()).as(Files.readString(err)).isZero();
        assertThat(Files.readString(err)).contains("writing into a new temporary data folder");
        try (var files = Files.walk(home)) {
            assertThat(files.filter(f -> f.getFileName().toString().startsWith("gallery.db")).toList()).isEmpty();
        }
        String folder = Files.readString(err).replaceAll("(?s).*temporary data folder (\\S+) .*", "$1").strip();
        assertThat(Path.of(folder).resolve("gallery.db")).exists();
        new ProcessBuilder("rm", "-rf", folder).start().waitFor();
    }
}
