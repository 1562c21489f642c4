package org.visualsearch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.visualsearch.ChildJvm;
import org.visualsearch.Launcher;
import org.visualsearch.core.gallery.TestImages;
import org.visualsearch.core.store.GalleryDatabase;

/**
 * Ctrl-C on {@code add}: the real command in a child JVM gets SIGINT while it indexes with the
 * default model. It must exit 130, print nothing on stdout and exactly one "interrupted" line on
 * stderr (the summary used to go to stdout, and was sometimes lost to the JVM's halt), and keep
 * what it committed.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class AddInterruptTest {

    @TempDir
    Path temp;

    @Test
    void ctrlCOnAddPrintsOneLineOnStderrAndExits130() throws Exception {
        Path photos = temp.resolve("photos");
        for (int i = 0; i < 400; i++) {
            TestImages.write(photos.resolve((i % 2 == 0 ? "cats" : "dogs") + "/p" + i + ".png"), i, 96, 96);
        }
        Path data = temp.resolve("data");
        List<String> command = ChildJvm.command(Launcher.class, "-Xmx512m", "-Djava.awt.headless=true");
        command.addAll(List.of("add", "--data", data.toString(), "--model", "default", photos.toString()));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("VSS_DATA", data.toString());
        pb.redirectOutput(temp.resolve("stdout.txt").toFile());
        Process child = pb.start();
        org.junit.jupiter.api.Assumptions.assumeFalse(ignoresSigint(child.pid()),
                "SIGINT is ignored here (the tests were started in the background without job control): Ctrl-C cannot reach the child");

        // The first progress line says indexing runs (it comes 2 s into the run): interrupt then.
        List<String> err = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(child.getErrorStream(), StandardCharsets.UTF_8))) {
            String line;
            boolean sent = false;
            while ((line = reader.readLine()) != null) {
                err.add(line);
                if (!sent && line.startsWith("indexing ")) {
                    new ProcessBuilder("kill", "-INT", Long.toString(child.pid())).start().waitFor();
                    sent = true;
                }
            }
            assertThat(sent).as("a progress line before the end; stderr: %s", err).isTrue();
        }
        assertThat(child.waitFor(120, TimeUnit.SECONDS)).isTrue();

        assertThat(child.exitValue()).as("stderr: %s", err).isEqualTo(VisualSearchCli.INTERRUPTED);
        assertThat(Files.readString(temp.resolve("stdout.txt"))).isEmpty();
        List<String> interrupted = err.stream().filter(l -> l.contains("interrupt")).toList();
        assertThat(interrupted).as("stderr: %s", err).hasSize(1);
        assertThat(interrupted.get(0)).startsWith("visual-search add: interrupted: " + photos)
                .contains("newly indexed").endsWith("the rest is indexed by the next add or app start");
        assertThat(err.get(err.size() - 1)).isEqualTo(interrupted.get(0));
        try (GalleryDatabase db = GalleryDatabase.open(data)) {
            assertThat(db.listFolders()).hasSize(1);
        }
    }

    /**
     * Whether the process was started with SIGINT ignored, which it keeps (a shell without job
     * control starts background commands so, and the JVM then installs no handler); Linux only.
     */
    private static boolean ignoresSigint(long pid) throws java.io.IOException {
        Path status = Path.of("/proc", Long.toString(pid), "status");
        if (!Files.isReadable(status)) {
            return false;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("SigIgn:")) {
                long mask = Long.parseUnsignedLong(line.substring("SigIgn:".length()).strip(), 16);
                return (mask & (1L << (2 - 1))) != 0; // SIGINT is signal 2
            }
        }
        return false;
    }
}
