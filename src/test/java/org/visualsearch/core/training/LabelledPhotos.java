package org.visualsearch.core.training;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * A labelled folder for training tests: {@code root/category/instance/photo.png}. Each category
 * paints one quadrant in its own colour; the other three quadrants are random, so with the
 * quadrant-means feature extractor of {@code features-tiny} the category shows in 3 of 12
 * features only.
 */
public final class LabelledPhotos {

    private static final Color[] SIGNATURE = {new Color(230, 30, 30), new Color(30, 200, 40), new Color(30, 40, 230),
        new Color(230, 220, 30)};

    private LabelledPhotos() {
    }

    public static Path write(Path root, int categories, int perCategory, int perInstance, long seed) throws IOException {
        Random random = new Random(seed);
        for (int c = 0; c < categories; c++) {
            for (int i = 0; i < perCategory; i++) {
                String instance = "item" + (i / perInstance);
                Path file = root.resolve("cat" + c).resolve(instance).resolve("p" + i + ".png");
                Files.createDirectories(file.getParent());
                ImageIO.write(photo(c, random), "png", file.toFile());
            }
        }
        return root;
    }

    private static BufferedImage photo(int category, Random random) {
        int w = 32;
        int h = 24;
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        for (int q = 0; q < 4; q++) {
            Color colour = q == category % 4 ? jitter(SIGNATURE[category % SIGNATURE.length], random)
                    : new Color(random.nextInt(0xffffff));
            g.setColor(colour);
            g.fillRect((q % 2) * w / 2, (q / 2) * h / 2, w / 2, h / 2);
        }
        g.dispose();
        return image;
    }

    private static Color jitter(Color c, Random random) {
        return new Color(clamp(c.getRed() + random.nextInt(41) - 20), clamp(c.getGreen() + random.nextInt(41) - 20),
                clamp(c.getBlue() + random.nextInt(41) - 20));
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }
}
