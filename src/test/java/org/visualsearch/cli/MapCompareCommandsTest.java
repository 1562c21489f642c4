package org.visualsearch.cli;

import static org.visualsearch.cli.CliFixture.cli;
import static org.visualsearch.cli.CliFixture.paint;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.visualsearch.cli.CliFixture.Result;

/** compare and map through the CLI root, on a gallery the test paints: three colours, with some photos two-toned. */
class MapCompareCommandsTest {

    @TempDir
    Path temp;

    private Path gallery;
    private String data;
    private final String tiny = CliFixture.TINY_MODEL;

    @BeforeEach
    void paintGallery() throws IOException {
        gallery = temp.resolve("gallery");
        for (int i = 0; i < 6; i++) {
            // the left half carries the category's colour, the right half a colour shared by all: models disagree
            paint(gallery.resolve("red/red-" + i + ".png"), new Color(200 + i * 8, 20 + i * 5, 30), new Color(i * 40, i * 40, i * 40));
            paint(gallery.resolve("blue/blue-" + i + ".png"), new Color(20, 40 + i * 6, 190 + i * 9), new Color(250 - i * 40, 200, 10));
            paint(gallery.resolve("green/green-" + i + ".png"), new Color(30, 180 + i * 10, 40), new Color(i * 45, 10, 250 - i * 45));
        }
        data = temp.resolve("data").toString();
    }

    @Test
    void compareShowsBothModelsPerLabelScoresTheirDifferenceAndTheQueriesThatChangedMost() {
        Result r = cli("compare", "--data", data, "--model", "histogram", "--model", tiny, gallery.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        Result evalA = cli("eval", "--data", data, "--model", "histogram", gallery.toString());
        Result evalB = cli("eval", "--data", data, "--model", tiny, gallery.toString());
        assertThat(r.lines().get(0)).startsWith("A: Colour histogram");
        assertThat(r.lines().get(1)).startsWith("B: ");
        for (String label : List.of("blue", "green", "red")) {
            double[] row = row(r, label);
            assertThat(row[0]).isEqualTo(6);
            assertThat(row[1]).isEqualTo(labelScore(evalA.out(), label));
            assertThat(row[2]).isEqualTo(labelScore(evalB.out(), label));
            assertThat(row[3]).isCloseTo(row[2] - row[1], org.assertj.core.api.Assertions.within(0.0015));
        }
        double meanA = mean(evalA);
        double meanB = mean(evalB);
        double[] means = row(r, "mP@5");
        assertThat(means).containsExactly(new double[] {18, meanA, meanB, means[3]});
        assertThat(means[3]).isCloseTo(meanB - meanA, org.assertj.core.api.Assertions.within(0.0015));
        if (meanA != meanB) {
            int header = r.lines().indexOf(r.lines().stream().filter(l -> l.contains("changed most")).findFirst().orElseThrow());
            List<String> changed = r.lines().subList(header + 2, r.lines().size());
            assertThat(changed).isNotEmpty().hasSizeLessThanOrEqualTo(10);
            double previous = Double.MAX_VALUE;
            for (String line : changed) {
                double change = Math.abs(Double.parseDouble(line.strip().split("\\s+")[0]));
                assertThat(change).isPositive().isLessThanOrEqualTo(previous);
                previous = change;
            }
        }
    }

    @Test
    void compareNeedsExactlyTwoModels() {
        Result r = cli("compare", "--data", data, "--model", "histogram", gallery.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("give exactly two models");
    }

    @Test
    void mapWritesCoordinatesForEveryPhoto() throws IOException {
        Path tsv = temp.resolve("map.tsv");
        Result r = cli("map", "--data", data, "--model", "histogram", "--out", tsv.toString(), gallery.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("PCA of 18 photos").containsPattern("trustworthiness at k=5: [01]\\.\\d{3}").contains("wrote " + tsv);
        List<String> lines = Files.readAllLines(tsv);
        assertThat(lines.get(1)).isEqualTo("x\ty\tcategory\tpath");
        assertThat(lines).hasSize(2 + 18);
        assertThat(lines.subList(2, lines.size())).allMatch(l -> l.matches("-?\\d+\\.\\d+\t-?\\d+\\.\\d+\t(red|green|blue)\t.*\\.png"));
    }

    @Test
    void mapDrawsAPictureWithTsneToo() throws IOException {
        Path png = temp.resolve("map.png");
        Result r = cli("map", "--data", data, "--model", "histogram", "--method", "tsne", "--out", png.toString(), gallery.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("t-SNE of 18 photos");
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(1200);
        // the categories' colours are on it (the palette's red for no known category is whatever: count distinct dots)
        assertThat(countColour(image, org.visualsearch.core.projection.CategoryPalette.rgbOf("red"))).isPositive();
        assertThat(countColour(image, org.visualsearch.core.projection.CategoryPalette.rgbOf("blue"))).isPositive();
    }

    @Test
    void mapRefusesUnknownMethodsAndFileTypesWithTheReason() {
        Result umap = cli("map", "--data", data, "--model", "histogram", "--method", "umap", "--out",
                temp.resolve("m.png").toString(), gallery.toString());
        assertThat(umap.exit()).isEqualTo(2);
        assertThat(umap.err()).contains("UMAP is not available").contains("use pca or tsne");
        Result jpg = cli("map", "--data", data, "--model", "histogram", "--out", temp.resolve("m.jpg").toString(), gallery.toString());
        assertThat(jpg.exit()).isEqualTo(2);
        assertThat(jpg.err()).contains("--out must end in .png or .tsv");
    }

    /** The numbers of the table row starting with {@code label}. */
    private static double[] row(Result r, String label) {
        String line = r.lines().stream().filter(l -> l.startsWith(label + " ")).findFirst().orElseThrow();
        String[] cells = line.strip().split("\\s+");
        double[] numbers = new double[cells.length - 1];
        for (int i = 1; i < cells.length; i++) {
            numbers[i - 1] = Double.parseDouble(cells[i]);
        }
        return numbers;
    }

    private static int countColour(BufferedImage image, int rgb) {
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xffffff) == rgb) {
                    n++;
                }
            }
        }
        return n;
    }

    private static double labelScore(String evalOut, String label) {
        Matcher m = Pattern.compile("(?m)^" + label + "\\s+\\d+\\s+([0-9.]+)$").matcher(evalOut);
        assertThat(m.find()).as(evalOut).isTrue();
        return Double.parseDouble(m.group(1));
    }

    private static double mean(Result eval) {
        return Double.parseDouble(eval.lines().get(eval.lines().size() - 1).substring("mP@5 ".length()));
    }

}
