package org.visualsearch.core.occlusion;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;

/** Copies of a picture with one patch hidden: grey, or blurred beyond recognition. */
public final class Occluder {
    /** The grey of {@link OcclusionSettings.Fill#GREY}: the middle of 0..255 in every channel. */
    public static final int GREY = 0x808080;

    private final int width;
    private final int height;
    private final int[] pixels;

    /** @param image the picture, read once into RGB (its alpha, if any, is dropped) */
    public Occluder(BufferedImage image) {
        width = image.getWidth();
        height = image.getHeight();
        pixels = image.getRGB(0, 0, width, height, null, 0, width);
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] &= 0xFFFFFF;
        }
    }

    /** The picture itself, as the hidden copies are made (RGB): the baseline to compare them with. */
    public BufferedImage original() {
        return picture(pixels.clone());
    }

    /** A copy with {@code patch} (clipped to the picture) covered by {@code fill}. */
    public BufferedImage hide(Rectangle patch, OcclusionSettings.Fill fill) {
        Rectangle p = patch.intersection(new Rectangle(0, 0, width, height));
        int[] copy = pixels.clone();
        if (!p.isEmpty()) {
            if (fill == OcclusionSettings.Fill.GREY) {
                for (int y = p.y; y < p.y + p.height; y++) {
                    java.util.Arrays.fill(copy, y * width + p.x, y * width + p.x + p.width, GREY);
                }
            } else {
                blur(copy, p);
            }
        }
        return picture(copy);
    }

    private BufferedImage picture(int[] rgb) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, width, height, rgb, 0, width);
        return image;
    }

    /**
     * Three box blurs (close to a Gaussian) of radius a quarter of the patch's short side, using
     * only the patch's own pixels: the part keeps its colours and loses its shapes.
     */
    private void blur(int[] rgb, Rectangle p) {
        int radius = Math.max(1, Math.min(p.width, p.height) / 4);
        int[][] channels = new int[3][p.width * p.height];
        for (int y = 0; y < p.height; y++) {
            for (int x = 0; x < p.width; x++) {
                int v = rgb[(p.y + y) * width + p.x + x];
                channels[0][y * p.width + x] = (v >> 16) & 0xFF;
                channels[1][y * p.width + x] = (v >> 8) & 0xFF;
                channels[2][y * p.width + x] = v & 0xFF;
            }
        }
        for (int[] c : channels) {
            for (int pass = 0; pass < 3; pass++) {
                boxBlur(c, p.width, p.height, radius, true);
                boxBlur(c, p.width, p.height, radius, false);
            }
        }
        for (int y = 0; y < p.height; y++) {
            for (int x = 0; x < p.width; x++) {
                int i = y * p.width + x;
                rgb[(p.y + y) * width + p.x + x] = (channels[0][i] << 16) | (channels[1][i] << 8) | channels[2][i];
            }
        }
    }

    /** One running-sum box blur along rows ({@code horizontal}) or columns, edges clamped. */
    private static void boxBlur(int[] c, int w, int h, int radius, boolean horizontal) {
        int lines = horizontal ? h : w;
        int length = horizontal ? w : h;
        int[] line = new int[length];
        for (int l = 0; l < lines; l++) {
            for (int i = 0; i < length; i++) {
                line[i] = c[horizontal ? l * w + i : i * w + l];
            }
            long sum = 0;
            for (int i = -radius; i <= radius; i++) {
                sum += line[Math.max(0, Math.min(length - 1, i))];
            }
            int window = 2 * radius + 1;
            for (int i = 0; i < length; i++) {
                c[horizontal ? l * w + i : i * w + l] = (int) ((sum + window / 2) / window);
                sum += line[Math.min(length - 1, i + radius + 1)] - line[Math.max(0, i - radius)];
            }
        }
    }
}
