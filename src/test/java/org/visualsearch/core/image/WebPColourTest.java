package org.visualsearch.core.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lossy WebP decodes to the colours libwebp gives ({@code dwebp}, its default upsampling): the
 * fixtures are synthetic images encoded by {@code cwebp}, made by
 * {@code src/test/resources/webp/make_fixtures.py}. "texture" caught the decoder's colour shift
 * (blue -4.9 levels on average before TwelveMonkeys 3.15.0), "edges" the colour upsampling (blue
 * off by 7.7 levels on average before {@link WebPChroma}).
 */
class WebPColourTest {

    /** Mean absolute difference per channel that a reader of the photo would not see. */
    private static final double MAX_MEAN_ERROR = 2.0;

    /** Mean signed difference per channel: a tint, however small the photo's detail. */
    private static final double MAX_MEAN_SHIFT = 1.0;

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"edges", "texture"})
    void lossyWebPMatchesLibwebp(String name) throws Exception {
        Path webp = copy(name + ".webp");
        BufferedImage reference = ImageIO.read(copy(name + "-dwebp.png").toFile());

        BufferedImage decoded = new ImageLoader(4096).load(webp);

        assertThat(decoded.getWidth()).isEqualTo(reference.getWidth());
        assertThat(decoded.getHeight()).isEqualTo(reference.getHeight());
        double[][] error = meanErrors(decoded, reference);
        String[] channels = {"red", "green", "blue"};
        for (int c = 0; c < 3; c++) {
            assertThat(error[0][c]).as("%s: mean error in %s", name, channels[c]).isLessThan(MAX_MEAN_ERROR);
            assertThat(Math.abs(error[1][c])).as("%s: mean shift in %s", name, channels[c]).isLessThan(MAX_MEAN_SHIFT);
        }
    }

    @Test
    void onlyLossyWebPIsUpsampled() throws Exception {
        byte[] riff = {'R', 'I', 'F', 'F', 0, 0, 0, 0, 'W', 'E', 'B', 'P', 'V', 'P', '8', 'L', 0, 0, 0, 0};
        assertThat(WebPChroma.isLossy(riff)).isFalse();
        riff[15] = ' ';
        assertThat(WebPChroma.isLossy(riff)).isTrue();
        assertThat(WebPChroma.isLossy(Files.readAllBytes(copy("edges.webp")))).isTrue();
    }

    /** [0]: mean |a - b| per channel, [1]: mean (a - b) per channel. */
    private static double[][] meanErrors(BufferedImage a, BufferedImage b) {
        double[][] sums = new double[2][3];
        long pixels = (long) a.getWidth() * a.getHeight();
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                for (int c = 0; c < 3; c++) {
                    int shift = 16 - 8 * c;
                    int d = ((p >> shift) & 0xFF) - ((q >> shift) & 0xFF);
                    sums[0][c] += Math.abs(d);
                    sums[1][c] += d;
                }
            }
        }
        for (double[] row : sums) {
            for (int c = 0; c < 3; c++) {
                row[c] /= pixels;
            }
        }
        return sums;
    }

    private Path copy(String resource) throws Exception {
        Path target = dir.resolve(resource);
        try (InputStream in = WebPColourTest.class.getResourceAsStream("/webp/" + resource)) {
            Files.copy(in, target);
        }
        return target;
    }
}
