package org.visualsearch.core.image;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.concurrent.atomic.AtomicReference;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.stream.ImageInputStream;
import org.visualsearch.core.common.ErrorText;
import org.visualsearch.core.common.MemoryBudget;

/**
 * Decodes photos for embedding and display: sniffs the format from the content (not the file
 * name), refuses decompression bombs from their header before decoding, decodes huge photos
 * subsampled, applies the EXIF orientation and shrinks the result so that its long side is at
 * most {@code maxSide}. Shrinking here matters: resizing a 12-megapixel photo inside the network
 * costs many times the network itself.
 *
 * <p>Formats: whatever ImageIO has readers for, which with TwelveMonkeys on the class path
 * includes CMYK JPEGs, TIFF and WebP (lossy WebP's colour upsampled as libwebp does, {@link WebPChroma}).
 */
public final class ImageLoader {

    /** Long side of images handed to models unless a caller asks otherwise. */
    public static final int DEFAULT_MAX_SIDE = 512;

    /** Images whose header declares more pixels than this are refused (e.g. 50,000 x 50,000). */
    public static final long DEFAULT_MAX_PIXELS = 250_000_000L;

    private final int maxSide;
    private final long maxPixels;

    public ImageLoader() {
        this(DEFAULT_MAX_SIDE, DEFAULT_MAX_PIXELS);
    }

    public ImageLoader(int maxSide) {
        this(maxSide, DEFAULT_MAX_PIXELS);
    }

    public ImageLoader(int maxSide, long maxPixels) {
        if (maxSide < 1 || maxPixels < 1) {
            throw new IllegalArgumentException("maxSide and maxPixels must be positive");
        }
        this.maxSide = maxSide;
        this.maxPixels = maxPixels;
    }

    static {
        // Decoding reads through memory, not temp files: faster and nothing left behind on a crash.
        ImageIO.setUseCache(false);
        ImageIO.scanForPlugins();
    }

    public int maxSide() {
        return maxSide;
    }

    /** Whether {@code other} gives the same images for the same files (same size limits). */
    public boolean decodesLike(ImageLoader other) {
        return other.maxSide == maxSide && other.maxPixels == maxPixels;
    }

    /**
     * Loads a photo as an RGB image, upright, long side at most {@link #maxSide()}.
     *
     * @throws ImageLoadException naming the file and the reason when it cannot be decoded
     */
    public BufferedImage load(Path file) throws ImageLoadException {
        checkReadable(file);
        BufferedImage decoded;
        try (InputStream in = Files.newInputStream(file)) {
            decoded = decode(file, in, true);
        } catch (ImageLoadException e) {
            throw e;
        } catch (NoSuchFileException e) {
            throw new ImageLoadException(file, "file vanished while reading", e);
        } catch (AccessDeniedException e) {
            throw new ImageLoadException(file, "permission denied", e);
        } catch (IOException | RuntimeException e) {
            throw new ImageLoadException(file, "corrupt image data (" + ErrorText.oneLine(e) + ")", e);
        } catch (OutOfMemoryError e) {
            throw new ImageLoadException(file, "image too large to decode in the available memory", e);
        }
        return toUprightRgb(decoded, readOrientation(file));
    }

    /** Loads an image from bytes already in memory (clipboard, network); {@code name} is used in messages. */
    public BufferedImage load(byte[] content, Path name) throws ImageLoadException {
        if (content.length == 0) {
            throw new ImageLoadException(name, "file is empty (0 bytes)");
        }
        try (InputStream in = new java.io.ByteArrayInputStream(content)) {
            return toUprightRgb(decode(name, in, false), 1);
        } catch (ImageLoadException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new ImageLoadException(name, "corrupt image data (" + ErrorText.oneLine(e) + ")", e);
        }
    }

    /** Shrinks and converts an image that is already decoded (e.g. pasted from the clipboard). */
    public BufferedImage fit(BufferedImage image) {
        return toUprightRgb(image, 1);
    }

    private static void checkReadable(Path file) throws ImageLoadException {
        if (!Files.exists(file)) {
            throw new ImageLoadException(file, "file not found");
        }
        if (Files.isDirectory(file)) {
            throw new ImageLoadException(file, "is a folder, not an image");
        }
        if (!Files.isRegularFile(file)) {
            // a FIFO blocks until a writer comes, a device may never end
            throw new ImageLoadException(file, "not a regular file (a FIFO, socket or device); not read");
        }
        if (!Files.isReadable(file)) {
            throw new ImageLoadException(file, "permission denied");
        }
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new ImageLoadException(file, "cannot read file size (" + ErrorText.oneLine(e) + ")", e);
        }
        if (size == 0) {
            throw new ImageLoadException(file, "file is empty (0 bytes)");
        }
    }

    /** @param onDisk whether {@code file} is the file being read (which the scaled decoder may then open) */
    private BufferedImage decode(Path file, InputStream in, boolean onDisk) throws IOException {
        try (ImageInputStream stream = ImageIO.createImageInputStream(in)) {
            if (stream == null) {
                throw new ImageLoadException(file, "cannot open image stream");
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(stream);
            if (!readers.hasNext()) {
                throw new ImageLoadException(file, "not an image in a supported format");
            }
            ImageReader reader = readers.next();
            boolean lossyWebP = isWebP(reader) && WebPChroma.isLossy(head(stream, 64 * 1024));
            // the frame header comes after the EXIF segment, which may take up to 64 KB itself
            byte[] jpegHead = isJpeg(reader) ? head(stream, 160 * 1024) : new byte[0];
            boolean progressive = JpegMarkers.isProgressive(jpegHead);
            AtomicReference<String> warning = new AtomicReference<>();
            reader.addIIOReadWarningListener(warningCollector(warning));
            BufferedImage image;
            try {
                reader.setInput(stream, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width <= 0 || height <= 0) {
                    throw new ImageLoadException(file, "invalid image size " + width + "x" + height);
                }
                if ((long) width * height > maxPixels) {
                    throw new ImageLoadException(file, String.format(
                            "declared size %dx%d exceeds the limit of %d megapixels",
                            width, height, maxPixels / 1_000_000));
                }
                // Subsample while decoding, keeping at least twice the target so the final
                // smooth downscale has enough detail; saves memory and time on huge photos.
                int step = Math.max(1, Math.max(width, height) / (2 * maxSide));
                try (MemoryBudget.Lease lease = MemoryBudget.shared().acquire(
                        transientBytes(width, height, step, progressive))) {
                    if (onDisk && Math.max(width, height) > 2 * maxSide && isJpeg(reader)) {
                        BufferedImage scaled = decodeScaled(file, JpegMarkers.firstScan(jpegHead));
                        if (scaled != null) {
                            return scaled;
                        }
                    }
                    ImageReadParam param = reader.getDefaultReadParam();
                    if (step > 1) {
                        param.setSourceSubsampling(step, step, 0, 0);
                    }
                    image = reader.read(0, param);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new java.io.InterruptedIOException("interrupted while waiting to decode");
                }
                if (warning.get() != null) {
                    throw new ImageLoadException(file, "truncated or damaged image data (" + warning.get() + ")");
                }
                // a subsampled decode has no 2x2 colour blocks left, and is shrunk smoothly anyway
                return lossyWebP && step == 1 ? WebPChroma.upsample(image) : image;
            } finally {
                reader.dispose();
            }
        }
    }

    /**
     * Memory a decode holds while it runs, roughly: a progressive JPEG's DCT coefficients for the
     * whole photo (2 bytes each; 1.5 per pixel with the usual half-size colour), else the
     * subsampled raster (4 bytes per pixel; a DCT-scaled baseline JPEG needs less).
     */
    static long transientBytes(int width, int height, int step, boolean progressive) {
        long pixels = (long) width * height;
        return progressive ? pixels * 3 : (pixels / ((long) step * step)) * 4;
    }

    private static boolean isWebP(ImageReader reader) {
        try {
            return "webp".equalsIgnoreCase(reader.getFormatName());
        } catch (IOException e) {
            return false;
        }
    }

    /** The stream's first bytes, the stream left where it was. */
    private static byte[] head(ImageInputStream stream, int bytes) throws IOException {
        byte[] head = new byte[bytes];
        stream.mark();
        try {
            int read = 0;
            int n;
            while (read < head.length && (n = stream.read(head, read, head.length - read)) > 0) {
                read += n;
            }
            return java.util.Arrays.copyOf(head, read);
        } finally {
            stream.reset();
        }
    }

    private static boolean isJpeg(ImageReader reader) {
        try {
            return "jpeg".equalsIgnoreCase(reader.getFormatName());
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * A big JPEG decoded at a fraction of its size by {@link ScaledJpegDecoder}, or null to
     * decode it with ImageIO: when none is installed, when it fails, and for a file whose image
     * data has no end marker after its first scan (truncated: ImageIO names the damage, libjpeg
     * would quietly fill the missing rows with grey). Data appended after the end marker (a
     * phone's trailer or motion-photo video) does not count: such photos used to take the
     * ImageIO path, about twice as slow.
     */
    private BufferedImage decodeScaled(Path file, int scanStart) {
        ScaledJpegDecoder decoder = ScaledJpegDecoder.installed();
        try {
            if (decoder == null || !JpegMarkers.endsItsImage(file, scanStart)) {
                return null;
            }
            BufferedImage image = decoder.decode(file, maxSide);
            return image != null && Math.max(image.getWidth(), image.getHeight()) >= maxSide ? image : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static IIOReadWarningListener warningCollector(AtomicReference<String> warning) {
        return (source, message) -> {
            String lower = message.toLowerCase(java.util.Locale.ROOT);
            // Only warnings that mean pixels are missing; harmless metadata warnings are ignored.
            if (lower.contains("premature end") || lower.contains("truncat") || lower.contains("corrupt")) {
                warning.compareAndSet(null, message.strip());
            }
        };
    }

    /** EXIF orientation 1..8; 1 (upright) when absent or unreadable. */
    static int readOrientation(Path file) {
        try {
            Metadata metadata = ImageMetadataReader.readMetadata(file.toFile());
            ExifIFD0Directory exif = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
            if (exif != null && exif.containsTag(ExifIFD0Directory.TAG_ORIENTATION)) {
                int orientation = exif.getInt(ExifIFD0Directory.TAG_ORIENTATION);
                return orientation >= 1 && orientation <= 8 ? orientation : 1;
            }
        } catch (Exception e) {
            // No or unreadable metadata: the pixels are still fine, treat as upright.
        }
        return 1;
    }

    private BufferedImage toUprightRgb(BufferedImage source, int orientation) {
        int w = source.getWidth();
        int h = source.getHeight();
        double scale = Math.min(1.0, (double) maxSide / Math.max(w, h));
        int sw = Math.max(1, (int) Math.round(w * scale));
        int sh = Math.max(1, (int) Math.round(h * scale));
        boolean swap = orientation >= 5;
        int outW = swap ? sh : sw;
        int outH = swap ? sw : sh;

        BufferedImage scaled = scale < 0.5 ? Resampling.halveUntilNear(source, sw, sh) : source;
        AffineTransform transform = orientationTransform(orientation, sw, sh);
        transform.concatenate(AffineTransform.getScaleInstance(
                (double) sw / scaled.getWidth(), (double) sh / scaled.getHeight()));

        return Resampling.draw(scaled, outW, outH, transform);
    }

    /**
     * Maps a w x h stored image onto its upright canvas for EXIF orientation 1..8, written as
     * explicit matrices: x' = m00*x + m01*y + m02, y' = m10*x + m11*y + m12.
     */
    static AffineTransform orientationTransform(int orientation, int w, int h) {
        return switch (orientation) {
            case 2 -> new AffineTransform(-1, 0, 0, 1, w, 0);   // mirror horizontal
            case 3 -> new AffineTransform(-1, 0, 0, -1, w, h);  // rotate 180
            case 4 -> new AffineTransform(1, 0, 0, -1, 0, h);   // mirror vertical
            case 5 -> new AffineTransform(0, 1, 1, 0, 0, 0);    // transpose
            case 6 -> new AffineTransform(0, 1, -1, 0, h, 0);   // rotate 90 clockwise
            case 7 -> new AffineTransform(0, -1, -1, 0, h, w);  // transverse
            case 8 -> new AffineTransform(0, -1, 1, 0, 0, w);   // rotate 90 counter-clockwise
            default -> new AffineTransform();
        };
    }
}
