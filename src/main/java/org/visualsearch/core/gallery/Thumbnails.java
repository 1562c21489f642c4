package org.visualsearch.core.gallery;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.visualsearch.core.image.Resampling;

/** The thumbnails the gallery stores: JPEG, long side at most {@value #SIDE} pixels. */
public final class Thumbnails {
    /** Long side of stored thumbnails, pixels. */
    public static final int SIDE = 256;
    private static final float JPEG_QUALITY = 0.8f;

    private Thumbnails() {
    }

    /** A JPEG of the image with its long side at most {@link #SIDE}. */
    public static byte[] jpeg(BufferedImage image) throws IOException {
        int w = image.getWidth();
        int h = image.getHeight();
        double scale = Math.min(1.0, (double) SIDE / Math.max(w, h));
        int tw = Math.max(1, (int) Math.round(w * scale));
        int th = Math.max(1, (int) Math.round(h * scale));
        BufferedImage thumb = Resampling.scale(image, tw, th);
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(ios);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(JPEG_QUALITY);
            writer.write(null, new IIOImage(thumb, null, null), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }
}
