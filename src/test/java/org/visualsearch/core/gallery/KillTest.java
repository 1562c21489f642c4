package org.visualsearch.core.gallery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.visualsearch.ChildJvm;
import org.visualsearch.core.common.Sha256;
import org.visualsearch.core.image.ImageLoader;
import org.visualsearch.core.model.ColorHistogramEmbedder;
import org.visualsearch.core.store.GalleryDatabase;

/**
 * Crash safety, proven by force: a child JVM indexes a folder of generated photos and is
 * SIGKILLed ({@link Process#destroyForcibly()}) at random moments, again and again; after every
 * kill the database must open, pass {@code PRAGMA integrity_check}, hold every entry with its
 * vector and thumbnail, the right hash and the right vector, have lost nothing committed before,
 * and the killed run must not have recomputed anything an earlier run had committed. Finally a
 * run is let finish and every photo must be indexed exactly once.
 */
class KillTest {

    private static final int DISTINCT = 240;
    private static final int DUPLICATES = 20;
    private static final int KILLS = 30;
    private static final long EMBED_DELAY_MS = 25;

    @TempDir
    Path temp;

    /** A vector as a log line: its floats' bits, so equal content gives the same key. */
    static String key(float[] v) {
        StringBuilder sb = new StringBuilder();
        for (float f : v) {
            sb.append(Integer.toHexString(Float.floatToIntBits(f))).append(',');
        }
        return sb.toString();
    }

    @Test
    void killingTheIndexerAtRandomMomentsNeverLosesOrCorruptsCommittedWork() throws Exception {
        Path photos = temp.resolve("photos");
        Map<String, float[]> expectedByPath = new HashMap<>();
        ColorHistogramEmbedder reference = new ColorHistogramEmbedder();
        ImageLoader loader = new ImageLoader();
        for (int i = 0; i < DISTINCT; i++) {
            Path file = photos.resolve("cat" + (i % 5)).resolve(String.format("p%03d.%s", i, i % 3 == 0 ? "png" : "jpg"));
            TestImages.write(file, 1000 + i, 64, 48);
            expectedByPath.put(file.toString(), reference.embed(loader.load(file)));
        }
        for (int i = 0; i < DUPLICATES; i++) {
            Path original = photos.resolve("cat" + (i % 5)).resolve(String.format("p%03d.%s", i, i % 3 == 0 ? "png" : "jpg"));
            Path copy = photos.resolve("copies").resolve("copy" + i + "-" + original.getFileName());
            Files.createDirectories(copy.getParent());
            Files.copy(original, copy);
            expectedByPath.put(copy.toString(), expectedByPath.get(original.toString()));
        }
        Path data = temp.resolve("data");
        Random random = new Random(20240613L);

        int previousEntries = 0;
        Set<Integer> points = new TreeSet<>();
        int killedMidRun = 0;
        int killedWithoutProgress = 0;
        List<String> failures = new ArrayList<>();
        long start = System.nanoTime();
        for (int run = 0; run < KILLS; run++) {
            Set<String> committedBefore = committedVectorKeys(data);
            Path log = temp.resolve("embeds-" + run + ".log");
            Process child = startChild(data, photos, log);
            boolean waitForIndexing = run % 2 == 1;
            if (waitForIndexing) {
                awaitLine(child, "INDEXING", 20_000);
                Thread.sleep(random.nextInt(600));
            } else {
                Thread.sleep(random.nextInt(1500)); // includes JVM start, open and schema creation
            }
            boolean alive = child.isAlive();
            child.destroyForcibly();
            assertThat(child.waitFor(20, TimeUnit.SECONDS)).isTrue();
            if (alive) {
                killedMidRun++;
            }

            int entries = checkDatabase(data, expectedByPath, failures, "after kill " + run);
            if (entries < previousEntries) {
                failures.add("kill " + run + ": committed entries went from " + previousEntries + " to " + entries);
            }
            if (entries == previousEntries && alive) {
                killedWithoutProgress++; // during start-up, open, scan or mid-batch
            }
            previousEntries = entries;
            points.add(entries);
            Set<String> redone = new HashSet<>(readLog(log));
            redone.retainAll(committedBefore);
            if (!redone.isEmpty()) {
                failures.add("kill " + run + ": re-embedded " + redone.size() + " photos committed by an earlier run");
            }
        }

        Process last = startChild(data, photos, temp.resolve("embeds-final.log"));
        assertThat(last.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(last.exitValue()).isZero();
        int entries = checkDatabase(data, expectedByPath, failures, "after the final run");
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
        System.out.printf("KillTest: %d kills (%d while running, %d of those before the run committed anything), "
                        + "%d distinct commit points %s, %d failures, %d s%n",
                KILLS, killedMidRun, killedWithoutProgress, points.size(), points, failures.size(), seconds);

        assertThat(failures).isEmpty();
        assertThat(entries).isEqualTo(DISTINCT + DUPLICATES);
        try (GalleryDatabase db = GalleryDatabase.open(data)) {
            assertThat(db.loadGallery(reference.info()).size()).isEqualTo(DISTINCT + DUPLICATES);
            assertThat(db.problems()).isEmpty();
        }
        assertThat(count(data, "SELECT count(*) FROM embedding")).isEqualTo(DISTINCT);
        assertThat(count(data, "SELECT count(*) FROM thumbnail")).isEqualTo(DISTINCT);
        assertThat(count(data, "SELECT count(*) FROM (SELECT path FROM file GROUP BY path HAVING count(*) > 1)")).isZero();
        assertThat(killedMidRun).as("kills that hit a running indexer").isGreaterThanOrEqualTo(KILLS / 2);
        assertThat(points.size()).as("distinct commit points").isGreaterThanOrEqualTo(5);
    }

    private Process startChild(Path data, Path photos, Path log) throws IOException {
        List<String> command = ChildJvm.command(KillTestChild.class,
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-Djava.awt.headless=true");
        command.addAll(List.of(data.toString(), photos.toString(), Long.toString(EMBED_DELAY_MS), log.toString()));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.redirectError(ProcessBuilder.Redirect.appendTo(temp.resolve("child-stderr.txt").toFile()));
        return pb.start();
    }

    private static void awaitLine(Process child, String line, long timeoutMillis) throws Exception {
        BufferedReader reader = new BufferedReader(new InputStreamReader(child.getInputStream()));
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (System.currentTimeMillis() < deadline) {
            String read = reader.readLine();
            if (read == null || read.equals(line)) {
                return;
            }
        }
    }

    /** Opens the database as the app would and checks it; returns the number of entries. */
    private static int checkDatabase(Path data, Map<String, float[]> expectedByPath, List<String> failures, String when)
            throws Exception {
        if (!Files.exists(data.resolve(GalleryDatabase.FILE_NAME))) {
            return 0; // killed before it was created
        }
        try (GalleryDatabase db = GalleryDatabase.open(data)) {
            String integrity = db.integrityCheck();
            if (!integrity.equals("ok")) {
                failures.add(when + ": integrity_check " + integrity);
            }
        } catch (RuntimeException e) {
            failures.add(when + ": cannot open: " + e);
            return 0;
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve(GalleryDatabase.FILE_NAME));
             Statement s = c.createStatement()) {
            expectZero(s, failures, when, "entries without vector",
                    "SELECT count(*) FROM file f LEFT JOIN embedding e ON e.hash = f.hash WHERE e.hash IS NULL");
            expectZero(s, failures, when, "entries without thumbnail",
                    "SELECT count(*) FROM file f LEFT JOIN thumbnail t ON t.hash = f.hash WHERE t.hash IS NULL");
            expectZero(s, failures, when, "vectors of the wrong length",
                    "SELECT count(*) FROM embedding WHERE length(vector) != 4 * dimension OR dimension != 64");
            expectZero(s, failures, when, "duplicate entries",
                    "SELECT count(*) FROM (SELECT path FROM file GROUP BY path HAVING count(*) > 1)");
            expectZero(s, failures, when, "problems", "SELECT count(*) FROM problem");
            int entries = 0;
            try (ResultSet rs = s.executeQuery("SELECT f.path, f.hash, e.vector, t.jpeg FROM file f "
                    + "JOIN embedding e ON e.hash = f.hash JOIN thumbnail t ON t.hash = f.hash")) {
                while (rs.next()) {
                    entries++;
                    String path = rs.getString(1);
                    if (!Sha256.of(Path.of(path)).equals(rs.getString(2))) {
                        failures.add(when + ": wrong hash for " + path);
                    }
                    float[] stored = new float[64];
                    java.nio.ByteBuffer.wrap(rs.getBytes(3)).order(java.nio.ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(stored);
                    if (!java.util.Arrays.equals(stored, expectedByPath.get(path))) {
                        failures.add(when + ": wrong vector for " + path);
                    }
                    if (entries % 10 == 0 && ImageIO.read(new ByteArrayInputStream(rs.getBytes(4))) == null) {
                        failures.add(when + ": thumbnail does not decode for " + path);
                    }
                }
            }
            return entries;
        }
    }

    private static void expectZero(Statement s, List<String> failures, String when, String what, String sql)
            throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            long n = rs.getLong(1);
            if (n != 0) {
                failures.add(when + ": " + n + " " + what);
            }
        }
    }

    private static Set<String> committedVectorKeys(Path data) throws SQLException {
        Set<String> keys = new HashSet<>();
        if (!Files.exists(data.resolve(GalleryDatabase.FILE_NAME))) {
            return keys;
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve(GalleryDatabase.FILE_NAME));
             Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT vector FROM embedding")) {
                while (rs.next()) {
                    float[] v = new float[64];
                    java.nio.ByteBuffer.wrap(rs.getBytes(1)).order(java.nio.ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
                    keys.add(key(v));
                }
            } catch (SQLException e) {
                return keys; // schema not created yet
            }
        }
        return keys;
    }

    private static List<String> readLog(Path log) throws IOException {
        return Files.exists(log) ? Files.readAllLines(log) : List.of();
    }

    private static long count(Path data, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve(GalleryDatabase.FILE_NAME));
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.getLong(1);
        }
    }
}
