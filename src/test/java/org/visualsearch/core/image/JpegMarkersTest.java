package org.visualsearch.core.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.junit.jupiter.api.Test;

/** Progressive or not and where the first scan starts, from a JPEG's first bytes; complete or cut short, from the file. */
class JpegMarkersTest {

    private static byte[] jpeg(boolean progressive) throws Exception {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        image.setRGB(10, 10, 0xff0000);
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (progressive) {
                param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
            }
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path dir;

    @Test
    void findsTheFirstScan() throws Exception {
        for (boolean progressive : new boolean[] {false, true}) {
            byte[] jpeg = jpeg(progressive);
            int scan = JpegMarkers.firstScan(jpeg);
            assertThat(scan).isPositive();
            assertThat(jpeg[scan] & 0xff).isEqualTo(0xFF);
            assertThat(jpeg[scan + 1] & 0xff).isEqualTo(0xDA);
        }
        assertThat(JpegMarkers.firstScan(Arrays.copyOf(jpeg(false), 20))).isEqualTo(-1);
        assertThat(JpegMarkers.firstScan(new byte[] {1, 2, 3, 4, 5})).isEqualTo(-1);
    }

    @Test
    void imageDataIsCompleteWithAnEndMarkerAfterTheScanEvenWithDataAppended() throws Exception {
        byte[] jpeg = jpeg(true);
        int scan = JpegMarkers.firstScan(jpeg);
        java.nio.file.Path plain = java.nio.file.Files.write(dir.resolve("plain.jpg"), jpeg);
        assertThat(JpegMarkers.endsItsImage(plain, scan)).isTrue();

        byte[] trailer = new byte[200_000]; // a phone's appended video, say: no end marker in it
        Arrays.fill(trailer, (byte) 0x42);
        byte[] withTrailer = Arrays.copyOf(jpeg, jpeg.length + trailer.length);
        System.arraycopy(trailer, 0, withTrailer, jpeg.length, trailer.length);
        assertThat(JpegMarkers.endsItsImage(java.nio.file.Files.write(dir.resolve("trailer.jpg"), withTrailer), scan)).isTrue();

        byte[] cut = Arrays.copyOf(jpeg, (scan + jpeg.length) / 2);
        assertThat(JpegMarkers.endsItsImage(java.nio.file.Files.write(dir.resolve("cut.jpg"), cut), scan)).isFalse();
    }

    @Test
    void anEndMarkerBeforeTheScanDoesNotCount() throws Exception {
        // an APP1 segment holding FF D9 (as an EXIF thumbnail's end does) right after SOI, then the image cut short
        byte[] jpeg = jpeg(false);
        byte[] app1 = {(byte) 0xFF, (byte) 0xE1, 0, 6, (byte) 0xFF, (byte) 0xD9, 0, 0};
        byte[] withApp1 = new byte[jpeg.length + app1.length];
        System.arraycopy(jpeg, 0, withApp1, 0, 2);
        System.arraycopy(app1, 0, withApp1, 2, app1.length);
        System.arraycopy(jpeg, 2, withApp1, 2 + app1.length, jpeg.length - 2);
        int scan = JpegMarkers.firstScan(withApp1);
        assertThat(scan).isEqualTo(JpegMarkers.firstScan(jpeg) + app1.length);
        byte[] cut = Arrays.copyOf(withApp1, scan + 40);
        assertThat(JpegMarkers.endsItsImage(java.nio.file.Files.write(dir.resolve("cut.jpg"), cut), scan)).isFalse();
        assertThat(JpegMarkers.endsItsImage(java.nio.file.Files.write(dir.resolve("whole.jpg"), withApp1), scan)).isTrue();
    }

    @Test
    void tellsProgressiveFromBaseline() throws Exception {
        assertThat(JpegMarkers.isProgressive(jpeg(true))).isTrue();
        assertThat(JpegMarkers.isProgressive(jpeg(false))).isFalse();
    }

    @Test
    void aHeadWithoutTheFrameHeaderOrNotAJpegIsNotProgressive() throws Exception {
        byte[] progressive = jpeg(true);
        assertThat(JpegMarkers.isProgressive(Arrays.copyOf(progressive, 20))).isFalse();
        assertThat(JpegMarkers.isProgressive(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0})).isFalse();
        assertThat(JpegMarkers.isProgressive(new byte[0])).isFalse();
    }

    @Test
    void aProgressiveJpegsDecodeCountsItsWholeCoefficientBuffer() {
        assertThat(ImageLoader.transientBytes(6000, 4000, 5, true)).isEqualTo(72_000_000L);
        assertThat(ImageLoader.transientBytes(6000, 4000, 5, false)).isEqualTo(6000L * 4000 / 25 * 4);
    }
}
