package org.visualsearch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.visualsearch.ChildJvm;
import org.visualsearch.Launcher;
import picocli.CommandLine;

/**
 * What the command-line tests share: a run of the CLI with its output captured (in this JVM, or
 * in a child JVM that file permissions apply to), painted photos and labelled galleries, and the
 * tiny test model. Each test keeps its own temporary folder (its {@code @TempDir}).
 */
final class CliFixture {
    /** The tiny GUIE-convention TorchScript model the tests load. */
    static final String TINY_MODEL = Path.of("src/test/resources/models/guie-tiny").toAbsolutePath().toString();
    /** The capabilities that bypass file permissions (root has them, and CI runs as root). */
    private static final String DROP_CAPS = "-dac_override,-dac_read_search";

    private CliFixture() {
    }

    /** Exit code and captured output of one run. */
    record Result(int exit, String out, String err) {
        List<String> lines() {
            return out.lines().toList();
        }
    }

    /** Runs the command line ({@code visual-search ARGS...}) in this JVM. */
    static Result cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = VisualSearchCli.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Result(exit, out.toString(), err.toString());
    }

    /** Runs one picocli command object on its own (not through the root command). */
    static Result run(Object command, String... args) {
        return run(new CommandLine(command), args);
    }

    /** Runs {@code cli} with its output captured. */
    static Result run(CommandLine cli, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(args);
        return new Result(exit, out.toString(), err.toString());
    }

    /**
     * Runs the command line in a child JVM that file permissions apply to: as an ordinary user
     * that is this JVM's user; as root, the same user with the capabilities that bypass them
     * dropped by util-linux's {@code setpriv}. Skips the test when that cannot be arranged, or
     * when {@code denied} (a command such as {@code test -r FILE}) still succeeds without them.
     */
    static Result runWithFilePermissions(Path temp, List<String> denied, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        if (ChildJvm.succeeds(denied)) { // root, or a user with the capabilities: drop them
            assumeTrue(ChildJvm.succeeds(List.of("setpriv", "--version")), "setpriv (util-linux) is not available");
            List<String> dropped = List.of("setpriv", "--inh-caps=" + DROP_CAPS, "--bounding-set=" + DROP_CAPS);
            List<String> runs = new ArrayList<>(dropped);
            runs.add("true");
            assumeTrue(ChildJvm.succeeds(runs), "setpriv may not change capabilities here");
            List<String> probe = new ArrayList<>(dropped);
            probe.addAll(denied);
            assumeTrue(!ChildJvm.succeeds(probe), "without the capabilities the file permissions still do not apply");
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
        return new Result(child.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    /** A 40 x 30 PNG of one colour (its folders are made). */
    static Path paint(Path file, Color colour) throws IOException {
        return paint(file, colour, colour);
    }

    /** A 40 x 30 PNG whose left half is {@code left} and right half {@code right}. */
    static Path paint(Path file, Color left, Color right) throws IOException {
        Files.createDirectories(file.getParent());
        BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(left);
        g.fillRect(0, 0, 20, 30);
        g.setColor(right);
        g.fillRect(20, 0, 20, 30);
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    /** Six reddish and six bluish photos in {@code red/} and {@code blue/}: colour histograms separate them perfectly. */
    static Path redAndBlueGallery(Path gallery) throws IOException {
        for (int i = 0; i < 6; i++) {
            paint(gallery.resolve("red/red-" + i + ".png"), new Color(200 + i * 8, 20 + i * 5, 30));
            paint(gallery.resolve("blue/blue-" + i + ".png"), new Color(20, 40 + i * 6, 190 + i * 9));
        }
        return gallery;
    }
}
