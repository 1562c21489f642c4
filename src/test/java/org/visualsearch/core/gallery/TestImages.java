package org.visualsearch.core.gallery;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;

/** Small generated photos for tests: distinct colours per seed, so distinct content and vectors. */
public final class TestImages {
    private TestImages() {
    }

    public static BufferedImage picture(long seed, int width, int height) {
        Random random = new Random(seed);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(random.nextInt(0xffffff)));
        g.fillRect(0, 0, width, height);
        for (int i = 0; i < 6; i++) {
            g.setColor(new Color(random.nextInt(0xffffff)));
            g.fillOval(random.nextInt(width), random.nextInt(height), width / 3 + 1, height / 3 + 1);
        }
        g.dispose();
        return image;
    }

    /** Writes a generated picture; the format follows the extension (jpg, png, bmp, gif). */
    public static Path write(Path file, long seed) {
        return write(file, seed, 48, 36);
    }

    public static Path write(Path file, long seed, int width, int height) {
        try {
            Files.createDirectories(file.getParent());
            String name = file.getFileName().toString();
            String format = name.substring(name.lastIndexOf('.') + 1).toLowerCase();
            if (format.equals("jpg")) {
                format = "jpeg";
            }
            if (!ImageIO.write(picture(seed, width, height), format, file.toFile())) {
                throw new IllegalArgumentException("no writer for " + format);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
