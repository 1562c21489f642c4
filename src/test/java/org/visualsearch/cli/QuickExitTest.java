package org.visualsearch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.visualsearch.ChildJvm;
import org.visualsearch.Launcher;

/** A command that loaded libtorch ends without its destructors, and leaves nothing behind. */
class QuickExitTest {
    @TempDir
    Path temp;

    @Test
    void indexEndsQuicklyWithItsOutputAndStatusAndNoFilesLeft() throws Exception {
        assumeTrue(System.getProperty("os.name").startsWith("Linux"));
        Path gallery = temp.resolve("gallery");
        CliFixture.paint(gallery.resolve("red/a.png"), Color.RED);
        CliFixture.paint(gallery.resolve("blue/b.png"), Color.BLUE);
        Path tmp = Files.createDirectories(temp.resolve("tmp"));

        Result first = run(tmp, "index", "--data", temp.resolve("data").toString(), gallery.toString());
        assertThat(first.status()).as(first.err()).isZero();
        assertThat(first.out()).contains("2 photos, 2 embedded now, 0 from the cache, 0 problems");
        assertThat(first.err()).contains("exit without libtorch's destructors");
        try (Stream<Path> left = Files.walk(tmp)) {
            // sqlite-jdbc's unpacked library and its lock
            assertThat(left.filter(Files::isRegularFile).toList()).isEmpty();
        }
        String pid = first.err().replaceAll("(?s).*pid (\\d+).*", "$1");
        assertThat(Path.of("/tmp", "hsperfdata_" + System.getProperty("user.name"), pid)).doesNotExist();

        // the database was closed properly: a second run finds both vectors
        Result second = run(tmp, "index", "--data", temp.resolve("data").toString(), gallery.toString());
        assertThat(second.out()).contains("0 embedded now, 2 from the cache");

        // a command that fails after loading the model keeps its status
        Path bad = Files.writeString(temp.resolve("bad.jpg"), "not a photo");
        Result failed = run(tmp, "query", "--data", temp.resolve("data").toString(), bad.toString());
        assertThat(failed.err()).contains("not an image in a supported format").contains("exit without libtorch's destructors");
        assertThat(failed.status()).isEqualTo(1);
    }

    private record Result(int status, String out, String err) {
    }

    private Result run(Path tmp, String... args) throws Exception {
        List<String> command = new ArrayList<>(ChildJvm.command(Launcher.class, "-Xmx256m",
                "-Djava.io.tmpdir=" + tmp, "-Dvss.startupTrace=true", "-Djava.awt.headless=true"));
        command.addAll(List.of(args));
        Path out = temp.resolve("out.txt");
        Path err = temp.resolve("err.txt");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
    }
}
