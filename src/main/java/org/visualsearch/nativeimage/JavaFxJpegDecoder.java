package org.visualsearch.nativeimage;

import com.sun.javafx.iio.ImageFrame;
import com.sun.javafx.iio.ImageStorage;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.awt.image.DirectColorModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.visualsearch.core.image.ScaledJpegDecoder;

/**
 * {@link ScaledJpegDecoder} on JavaFX's native image loader (libjpeg with DCT scaling, then a
 * smooth resize), used without starting the JavaFX toolkit, so it works in the headless CLI too.
 * Its classes are JavaFX internals, reachable because the app runs JavaFX from the class path;
 * any failure (missing native library, a format it does not know) makes the caller fall back to
 * ImageIO, so nothing depends on it but speed.
 */
public final class JavaFxJpegDecoder implements ScaledJpegDecoder {

    @Override
    public BufferedImage decode(Path jpeg, int maxSide) throws IOException {
        ImageFrame[] frames;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(jpeg), 64 * 1024)) {
            frames = ImageStorage.getInstance().loadAll(in, null, maxSide, maxSide, true, 1f, true);
        } catch (com.sun.javafx.iio.ImageStorageException e) {
            throw new IOException(e.getMessage(), e);
        } catch (RuntimeException | LinkageError e) {
            throw new IOException("native JPEG loader unavailable (" + e + ")", e);
        }
        if (frames == null || frames.length == 0) {
            return null;
        }
        return toRgb(frames[0]);
    }

    /** Packs the frame's bytes into an RGB image; null for pixel layouts it does not expect. */
    private static BufferedImage toRgb(ImageFrame frame) {
        int w = frame.getWidth();
        int h = frame.getHeight();
        int stride = frame.getStride();
        if (!(frame.getImageData() instanceof ByteBuffer data) || w <= 0 || h <= 0) {
            return null;
        }
        int channels = switch (frame.getImageType()) {
            case GRAY -> 1;
            case RGB -> 3;
            default -> 0;
        };
        if (channels == 0) {
            return null;
        }
        int[] pixels = new int[w * h];
        byte[] row = new byte[stride];
        for (int y = 0; y < h; y++) {
            data.position(y * stride);
            data.get(row, 0, Math.min(stride, data.remaining()));
            int o = y * w;
            if (channels == 3) {
                for (int x = 0, i = 0; x < w; x++, i += 3) {
                    pixels[o + x] = (row[i] & 0xff) << 16 | (row[i + 1] & 0xff) << 8 | (row[i + 2] & 0xff);
                }
            } else {
                for (int x = 0; x < w; x++) {
                    int g = row[x] & 0xff;
                    pixels[o + x] = g << 16 | g << 8 | g;
                }
            }
        }
        // the pixels become the image's own buffer: an INT_RGB image without a second copy
        int[] masks = {0xff0000, 0xff00, 0xff};
        WritableRaster raster = Raster.createPackedRaster(new DataBufferInt(pixels, pixels.length), w, h, w, masks, null);
        return new BufferedImage(new DirectColorModel(24, masks[0], masks[1], masks[2]), raster, false, null);
    }
}
