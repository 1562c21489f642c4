package org.visualsearch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.visualsearch.cli.CliFixture.cli;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code heatmap}, with a TorchScript model that looks only at the top-left quadrant. */
class HeatmapCommandTest {
    static final String MODEL = Path.of("src", "test", "resources", "models", "top-left-tiny").toAbsolutePath().toString();
    @TempDir
    Path temp;
    Path gallery;
    String data;

    static Path write(Path file, Color topLeft, Color rest) throws Exception {
        Files.createDirectories(file.getParent());
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(rest);
        g.fillRect(0, 0, 64, 48);
        g.setColor(topLeft);
        g.fillRect(0, 0, 32, 24);
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    @BeforeEach
    void gallery() throws Exception {
        gallery = temp.resolve("gallery");
        write(gallery.resolve("red/match.png"), Color.RED, Color.WHITE);
        write(gallery.resolve("blue/other.png"), Color.BLUE, Color.BLUE);
        data = temp.resolve("data").toString();
    }

    @Test
    void printsHowFarHidingEachSquareMovedThePhotoFromItsMatchAndWritesTheOverlay() throws Exception {
        Path query = write(temp.resolve("query.png"), Color.RED, Color.GREEN); // the same top-left quadrant
        Path png = temp.resolve("heat.png");
        CliFixture.Result r = cli("heatmap", "--data", data, "--model", MODEL, "--gallery", gallery.toString(), "--grid", "4",
                "--out", png.toString(), query.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        List<String> lines = r.lines();
        assertThat(lines.get(0)).startsWith("match\t").contains("match.png\tred\t0.0000");
        assertThat(lines.get(1)).isEqualTo("distance with nothing hidden\t0.0000");
        List<String> rows = lines.subList(3, 7);
        for (int row = 0; row < 4; row++) {
            String[] cells = rows.get(row).split("\t");
            assertThat(cells).hasSize(4);
            for (int column = 0; column < 4; column++) {
                boolean topLeft = row < 2 && column < 2;
                if (topLeft) {
                    assertThat(Double.parseDouble(cells[column])).as("square %d,%d", column, row).isPositive();
                } else {
                    assertThat(cells[column]).as("square %d,%d", column, row).isEqualTo("+0.0000");
                }
            }
        }
        assertThat(lines.get(7)).startsWith("strongest\tcolumn 1, row 1");
        assertThat(lines.get(8)).startsWith("time\t17 embeds (4 x 4, grey) on a 64 x 48 photo: median");
        BufferedImage heat = ImageIO.read(png.toFile());
        assertThat(heat.getWidth()).isEqualTo(64);
        assertThat(heat.getRGB(50, 40) & 0xFFFFFF).isEqualTo(0x00FF00); // no heat where the model never looks
    }

    @Test
    void aQueryFromTheGalleryIsLeftOutOfItsOwnMatchAndBadOptionsSaySo() throws Exception {
        CliFixture.Result r = cli("heatmap", "--data", data, "--model", MODEL, "--gallery", gallery.toString(), "--grid", "2",
                "--repeat", "3", gallery.resolve("red/match.png").toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.lines().get(0)).contains("other.png\tblue");
        assertThat(r.out()).contains("median").contains("of 3 (");

        CliFixture.Result fill = cli("heatmap", "--data", data, "--model", MODEL, "--gallery", gallery.toString(), "--fill", "pink",
                gallery.resolve("red/match.png").toString());
        assertThat(fill.exit()).isEqualTo(2);
        assertThat(fill.err()).contains("--fill must be grey or blur, not pink");
        CliFixture.Result grid = cli("heatmap", "--data", data, "--model", MODEL, "--gallery", gallery.toString(), "--grid", "40",
                gallery.resolve("red/match.png").toString());
        assertThat(grid.exit()).isEqualTo(2);
        assertThat(grid.err()).contains("1 to 32");
    }
}
