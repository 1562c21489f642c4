package org.visualsearch.core.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageLoaderTest {
    @TempDir
    Path dir;

    private final ImageLoader loader = new ImageLoader(64);

    @Test
    void shrinksLongSideToMaxSideKeepingAspect() throws Exception {
        Path file = write("big.png", halves(1000, 400, Color.RED, Color.BLUE), "png");

        BufferedImage image = loader.load(file);

        assertThat(image.getWidth()).isEqualTo(64);
        assertThat(image.getHeight()).isEqualTo(26);
        assertThat(image.getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
        assertThat(new Color(image.getRGB(5, 13))).isEqualTo(Color.RED);
        assertThat(new Color(image.getRGB(58, 13))).isEqualTo(Color.BLUE);
    }

    @Test
    void keepsSmallImagesAtTheirSize() throws Exception {
        Path file = write("small.png", halves(30, 20, Color.RED, Color.BLUE), "png");

        BufferedImage image = loader.load(file);

        assertThat(image.getWidth()).isEqualTo(30);
        assertThat(image.getHeight()).isEqualTo(20);
    }

    @Test
    void appliesExifOrientationRotate90Clockwise() throws Exception {
        // Stored landscape: red left, blue right. Orientation 6 means "rotate 90 clockwise to view".
        byte[] jpeg = jpegBytes(halves(40, 20, Color.RED, Color.BLUE));
        Path file = dir.resolve("rotated.jpg");
        Files.write(file, withExifOrientation(jpeg, 6));

        BufferedImage image = loader.load(file);

        assertThat(image.getWidth()).isEqualTo(20);
        assertThat(image.getHeight()).isEqualTo(40);
        assertThat(isReddish(image.getRGB(10, 5))).as("top is the former left half").isTrue();
        assertThat(isReddish(image.getRGB(10, 35))).as("bottom is the former right half").isFalse();
    }

    @Test
    void appliesExifOrientationRotate90CounterClockwise() throws Exception {
        byte[] jpeg = jpegBytes(halves(40, 20, Color.RED, Color.BLUE));
        Path file = dir.resolve("rotated8.jpg");
        Files.write(file, withExifOrientation(jpeg, 8));

        BufferedImage image = loader.load(file);

        assertThat(image.getWidth()).isEqualTo(20);
        assertThat(isReddish(image.getRGB(10, 35))).as("bottom is the former left half").isTrue();
        assertThat(isReddish(image.getRGB(10, 5))).isFalse();
    }

    @Test
    void sniffsFormatFromContentNotExtension() throws Exception {
        Path file = write("actually-a-png.jpg", halves(10, 10, Color.GREEN, Color.GREEN), "png");

        assertThat(loader.load(file).getWidth()).isEqualTo(10);
    }

    @Test
    void emptyFileIsReportedWithPathAndReason() throws Exception {
        Path file = Files.createFile(dir.resolve("empty.jpg"));

        assertThatThrownBy(() -> loader.load(file))
                .isInstanceOf(ImageLoadException.class)
                .hasMessage(file + ": file is empty (0 bytes)");
    }

    @Test
    void textFileWithImageExtensionIsNotAnImage() throws Exception {
        Path file = Files.writeString(dir.resolve("notes.jpg"), "shopping list: milk, eggs");

        assertThatThrownBy(() -> loader.load(file))
                .isInstanceOf(ImageLoadException.class)
                .hasMessageContaining("notes.jpg")
                .hasMessageContaining("not an image");
    }

    @Test
    void truncatedJpegIsReported() throws Exception {
        byte[] jpeg = jpegBytes(noise(200, 150));
        Path file = dir.resolve("truncated.jpg");
        Files.write(file, Arrays.copyOf(jpeg, jpeg.length / 2));

        assertThatThrownBy(() -> loader.load(file))
                .isInstanceOf(ImageLoadException.class)
                .hasMessageContaining("truncated.jpg");
    }

    @Test
    void dataAppendedAfterTheImageDoesNotChangeItsDecode() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(ScaledJpegDecoder.installed() != null, "the native scaled decoder");
        byte[] jpeg = jpegBytes(noise(1600, 1200)); // over twice the 512 px: decoded DCT-scaled
        Path clean = Files.write(dir.resolve("clean.jpg"), jpeg);
        byte[] trailer = new byte[300_000]; // a motion photo's video, a maker's trailer
        new java.util.Random(3).nextBytes(trailer);
        for (int i = 0; i + 1 < trailer.length; i++) {
            if (trailer[i] == (byte) 0xFF && trailer[i + 1] == (byte) 0xD9) {
                trailer[i + 1] = 0; // no end marker of its own, as in most trailers
            }
        }
        byte[] longer = Arrays.copyOf(jpeg, jpeg.length + trailer.length);
        System.arraycopy(trailer, 0, longer, jpeg.length, trailer.length);
        Path withTrailer = Files.write(dir.resolve("phone.jpg"), longer);

        ImageLoader loader512 = new ImageLoader(512);
        BufferedImage loaded = loader512.load(withTrailer);
        assertThat(loaded.getWidth()).isEqualTo(512);
        // the same pixels as the native scaled decode: not ImageIO's full decode and resize
        assertThat(loaded.getRGB(0, 0, 512, 384, null, 0, 512))
                .isEqualTo(loader512.load(clean).getRGB(0, 0, 512, 384, null, 0, 512));
    }

    @Test
    void decompressionBombIsRefusedFromItsHeader() throws Exception {
        Path file = dir.resolve("bomb.png");
        Files.write(file, pngHeaderOnly(50_000, 50_000));

        assertThatThrownBy(() -> loader.load(file))
                .isInstanceOf(ImageLoadException.class)
                .hasMessageContaining("bomb.png")
                .hasMessageContaining("50000x50000");
    }

    @Test
    void missingFileIsReported() {
        Path file = dir.resolve("gone.jpg");

        assertThatThrownBy(() -> loader.load(file))
                .isInstanceOf(ImageLoadException.class)
                .hasMessageContaining("gone.jpg")
                .hasMessageContaining("not found");
    }

    @Test
    void transparentPixelsBecomeWhite() throws Exception {
        BufferedImage argb = new BufferedImage(8, 8, BufferedImage.TYPE_INT_ARGB); // fully transparent
        Path file = write("clear.png", argb, "png");

        assertThat(new Color(loader.load(file).getRGB(4, 4))).isEqualTo(Color.WHITE);
    }

    private Path write(String name, BufferedImage image, String format) throws IOException {
        Path file = dir.resolve(name);
        ImageIO.write(image, format, file.toFile());
        return file;
    }

    private static BufferedImage halves(int w, int h, Color left, Color right) {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(left);
        g.fillRect(0, 0, w / 2, h);
        g.setColor(right);
        g.fillRect(w / 2, 0, w - w / 2, h);
        g.dispose();
        return image;
    }

    private static BufferedImage noise(int w, int h) {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        java.util.Random random = new java.util.Random(7);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                image.setRGB(x, y, random.nextInt(0xffffff));
            }
        }
        return image;
    }

    private static boolean isReddish(int rgb) {
        Color c = new Color(rgb);
        return c.getRed() > 150 && c.getBlue() < 100;
    }

    private static byte[] jpegBytes(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }

    /** Inserts an APP1 Exif segment holding only the Orientation tag right after the SOI marker. */
    static byte[] withExifOrientation(byte[] jpeg, int orientation) {
        ByteBuffer tiff = ByteBuffer.allocate(26);
        tiff.put(new byte[] {'M', 'M', 0, 42}).putInt(8); // big-endian TIFF header, IFD0 at 8
        tiff.putShort((short) 1); // one entry
        tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1); // Orientation, SHORT, count 1
        tiff.putShort((short) orientation).putShort((short) 0);
        tiff.putInt(0); // no next IFD
        byte[] exifHeader = {'E', 'x', 'i', 'f', 0, 0};
        int length = 2 + exifHeader.length + tiff.capacity();
        ByteBuffer out = ByteBuffer.allocate(jpeg.length + 2 + length);
        out.put(jpeg, 0, 2); // SOI
        out.put((byte) 0xFF).put((byte) 0xE1).putShort((short) length);
        out.put(exifHeader).put(tiff.array());
        out.put(jpeg, 2, jpeg.length - 2);
        return out.array();
    }

    /** A PNG signature and IHDR chunk declaring the given size, with no pixel data. */
    static byte[] pngHeaderOnly(int width, int height) {
        ByteBuffer ihdr = ByteBuffer.allocate(17);
        ihdr.put(new byte[] {'I', 'H', 'D', 'R'}).putInt(width).putInt(height);
        ihdr.put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        CRC32 crc = new CRC32();
        crc.update(ihdr.array());
        ByteBuffer png = ByteBuffer.allocate(8 + 4 + 17 + 4);
        png.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        png.putInt(13).put(ihdr.array()).putInt((int) crc.getValue());
        return png.array();
    }
}
