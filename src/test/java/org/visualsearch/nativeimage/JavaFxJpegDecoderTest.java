package org.visualsearch.nativeimage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.visualsearch.core.image.ImageLoadException;
import org.visualsearch.core.image.ImageLoader;
import org.visualsearch.core.image.ScaledJpegDecoder;

class JavaFxJpegDecoderTest {
    @TempDir
    Path dir;

    /** 2400 x 1600: red left half, blue right half, a green band at the bottom. */
    private Path bigJpeg(String name) throws IOException {
        BufferedImage image = new BufferedImage(2400, 1600, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, 1200, 1600);
        g.setColor(Color.BLUE);
        g.fillRect(1200, 0, 1200, 1600);
        g.setColor(Color.GREEN);
        g.fillRect(0, 1200, 2400, 400);
        g.dispose();
        Path file = dir.resolve(name);
        ImageIO.write(image, "jpg", file.toFile());
        return file;
    }

    @Test
    void isTheInstalledScaledDecoder() {
        assertThat(ScaledJpegDecoder.installed()).isInstanceOf(JavaFxJpegDecoder.class);
    }

    @Test
    void decodesStraightToTheRequestedSizeWithTheRightColours() throws Exception {
        BufferedImage image = new JavaFxJpegDecoder().decode(bigJpeg("big.jpg"), 300);

        assertThat(image.getWidth()).isEqualTo(300);
        assertThat(image.getHeight()).isEqualTo(200);
        assertThat(image.getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
        assertClose(new Color(image.getRGB(50, 50)), Color.RED);
        assertClose(new Color(image.getRGB(250, 50)), Color.BLUE);
        assertClose(new Color(image.getRGB(150, 190)), Color.GREEN);
    }

    @Test
    void loaderGivesTheSameImageThroughEitherDecoder() throws Exception {
        Path file = bigJpeg("big.jpg");
        BufferedImage scaled = new ImageLoader(300).load(file); // 2400 > 2 x 300: the scaled decoder

        assertThat(scaled.getWidth()).isEqualTo(300);
        assertThat(scaled.getHeight()).isEqualTo(200);
        assertClose(new Color(scaled.getRGB(50, 50)), Color.RED);
        assertClose(new Color(scaled.getRGB(250, 50)), Color.BLUE);
        assertClose(new Color(scaled.getRGB(150, 190)), Color.GREEN);
    }

    @Test
    void aTruncatedBigJpegIsStillReportedAsDamaged() throws Exception {
        Path file = bigJpeg("whole.jpg");
        byte[] bytes = Files.readAllBytes(file);
        Path truncated = dir.resolve("truncated.jpg");
        Files.write(truncated, Arrays.copyOf(bytes, bytes.length / 2));

        assertThatThrownBy(() -> new ImageLoader(300).load(truncated))
                .isInstanceOf(ImageLoadException.class)
                .hasMessageContaining("truncated.jpg");
    }

    private static void assertClose(Color actual, Color expected) {
        assertThat(Math.abs(actual.getRed() - expected.getRed())).as("red of %s", actual).isLessThan(30);
        assertThat(Math.abs(actual.getGreen() - expected.getGreen())).as("green of %s", actual).isLessThan(30);
        assertThat(Math.abs(actual.getBlue() - expected.getBlue())).as("blue of %s", actual).isLessThan(30);
    }
}
