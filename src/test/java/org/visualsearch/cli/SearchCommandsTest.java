package org.visualsearch.cli;

import static org.visualsearch.cli.CliFixture.cli;
import static org.visualsearch.cli.CliFixture.paint;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.visualsearch.cli.CliFixture.Result;

/** index, query and eval through the CLI root, on galleries the test paints itself. */
class SearchCommandsTest {

    @TempDir
    Path temp;

    private Path gallery;
    private String data;

    @BeforeEach
    void paintGallery() throws IOException {
        gallery = CliFixture.redAndBlueGallery(temp.resolve("gallery"));
        data = temp.resolve("data").toString();
    }

    @Test
    void evalPrintsPerLabelScoresAndMeanPrecisionLast() {
        Result r = cli("eval", "--data", data, "--model", "histogram", gallery.toString());

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("blue\\s+6\\s+1\\.000").containsPattern("red\\s+6\\s+1\\.000");
        assertThat(r.lines().get(r.lines().size() - 1)).isEqualTo("mP@5 1.000");
    }

    @Test
    void secondIndexRunEmbedsNothing() {
        Result first = cli("index", "--data", data, "--model", "histogram", gallery.toString());
        Result second = cli("index", "--data", data, "--model", "histogram", gallery.toString());

        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.out()).contains("12 photos, 12 embedded now, 0 from the cache");
        assertThat(second.out()).contains("12 photos, 0 embedded now, 12 from the cache");
    }

    @Test
    void queryPrintsRankDistancePathLabelClosestFirst() throws IOException {
        Path query = paint(temp.resolve("query.png"), new Color(215, 30, 30));

        Result r = cli("query", "--data", data, "--model", "histogram", "--gallery", gallery.toString(),
                query.toString());

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.lines()).hasSize(5);
        double previous = -1;
        for (int i = 0; i < 5; i++) {
            String[] fields = r.lines().get(i).split("\t");
            assertThat(fields).hasSize(4);
            assertThat(fields[0]).isEqualTo(String.valueOf(i + 1));
            double distance = Double.parseDouble(fields[1]);
            assertThat(distance).isGreaterThanOrEqualTo(previous);
            previous = distance;
            assertThat(fields[2]).contains("red-");
            assertThat(fields[3]).isEqualTo("red");
        }
    }

    @Test
    void queryTakesKAndUsesTheDatabaseWithoutGallery() throws IOException {
        Path query = paint(temp.resolve("query.png"), new Color(20, 50, 200));
        assertThat(cli("add", "--data", data, "--model", "histogram", gallery.toString()).exit()).isZero();

        Result r = cli("query", "--data", data, "--model", "histogram", "-k", "8", query.toString());

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.lines()).hasSize(8);
        assertThat(r.lines().subList(0, 6)).allMatch(line -> line.endsWith("\tblue"));
        assertThat(r.lines().subList(6, 8)).allMatch(line -> line.endsWith("\tred"));
    }

    @Test
    void evalWithoutGalleryScoresTheDatabase() {
        assertThat(cli("add", "--data", data, "--model", "histogram", gallery.toString()).exit()).isZero();

        Result r = cli("eval", "--data", data, "--model", "histogram");

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("12 photos, 12 queries").endsWith("mP@5 1.000" + System.lineSeparator());
    }

    @Test
    void unreadableQueryFailsWithOneLineNamingTheFile() throws IOException {
        Path query = Files.writeString(temp.resolve("not-a-photo.jpg"), "hello");

        Result r = cli("query", "--data", data, "--model", "histogram", "--gallery", gallery.toString(),
                query.toString());

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().strip()).doesNotContain("\n").contains("not-a-photo.jpg").contains("not an image");
    }

    @Test
    void badFilesAreSkippedAndReportedWhileTheRestIsScored() throws IOException {
        Files.write(gallery.resolve("red/empty.jpg"), new byte[0]);

        Result r = cli("eval", "--data", data, "--model", "histogram", gallery.toString());

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).contains("empty.jpg").contains("empty (0 bytes)");
        assertThat(r.out()).contains("12 photos").endsWith("mP@5 1.000" + System.lineSeparator());
    }

    @Test
    void unknownModelFailsWithOneLine() {
        Result r = cli("eval", "--data", data, "--model", "no-such-model", gallery.toString());

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err().strip()).doesNotContain("\n").contains("no-such-model").contains("not found");
    }

    @Test
    void torchScriptModelsWorkThroughTheCli() {
        String model = CliFixture.TINY_MODEL;

        Result r = cli("eval", "--data", data, "--model", model, gallery.toString());

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.lines().get(r.lines().size() - 1)).matches("mP@5 [01]\\.\\d{3}");
    }

    @Test
    void benchEmbedPrintsLoadAndPerPhotoTimes() {
        Path photo = gallery.resolve("red/red-0.png");

        Result r = cli("bench-embed", "--model", "histogram", "--rounds", "3", photo.toString());

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.lines().get(0)).startsWith("model Colour histogram (baseline), 64-d loaded in ");
        assertThat(r.lines().get(1)).startsWith("red-0.png -> 40x30: cold ").contains("median decode+shrink");
        assertThat(r.lines().get(2)).matches("median total per photo over 1 photos: \\d+\\.\\d ms");
    }

    @Test
    void queryOnTheDatabaseSummarisesItsProblemFilesInOneLine() throws IOException {
        Files.write(gallery.resolve("red/empty.jpg"), new byte[0]);
        Files.writeString(gallery.resolve("blue/text.jpg"), "not a photo");
        Files.writeString(gallery.resolve("blue/more.png"), "not a photo either");
        assertThat(cli("add", "--data", data, "--model", "histogram", gallery.toString()).exit()).isZero();
        Path query = paint(temp.resolve("query.png"), new Color(20, 50, 200));

        Result r = cli("query", "--data", data, "--model", "histogram", query.toString());

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err().lines().toList()).containsExactly("3 problem files; see `problems`");
        assertThat(r.lines()).hasSize(5);
    }

    @Test
    void kBelowOneIsABadCommandLine() throws IOException {
        Path query = paint(temp.resolve("query.png"), new Color(20, 50, 200));

        Result r = cli("query", "--data", data, "--model", "histogram", "--gallery", gallery.toString(), "-k", "0",
                query.toString());

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("visual-search query: -k must be at least 1, not 0");
    }

    @Test
    void indexOfAFileSaysItIsAFileNotAMissingFolder() throws IOException {
        Path file = paint(temp.resolve("one.png"), Color.RED);

        Result r = cli("index", "--data", data, "--model", "histogram", file.toString());

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err().strip()).isEqualTo("visual-search index: " + file + " is a file, not a folder: "
                + "pass the folder that holds the photos");
        assertThat(cli("index", "--data", data, "--model", "histogram", temp.resolve("nope").toString()).err())
                .contains("gallery folder not found");
    }

}
