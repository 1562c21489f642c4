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

/** Progressive or not, from a JPEG's first bytes. */
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
