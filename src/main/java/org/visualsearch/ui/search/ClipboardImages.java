package org.visualsearch.ui.search;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.Image;
import javafx.scene.input.Clipboard;
import javafx.scene.input.DataFormat;
import org.visualsearch.core.image.ImageLoader;

/**
 * Images on the clipboard or a drag board, taken so that the app's size guard sees them first.
 * {@link Clipboard#getImage()} decodes whatever it holds, at any declared size (a 225-byte PNG
 * claiming 50000x50000 grew the heap past 10 GB and froze the window), so the encoded bytes a
 * platform offers (image/png, image/jpeg...) are preferred: the app's loader reads their header
 * before decoding. The decoded image is only the last resort, and refused when too large.
 */
public final class ClipboardImages {
    /** Identifiers (lower case) under which platforms offer encoded image bytes. */
    static final Set<String> ENCODED_IMAGE_TYPES = Set.of(
            "image/png", "image/x-png", "image/jpeg", "image/jpg", "image/pjpeg", "image/gif", "image/bmp",
            "image/x-bmp", "image/webp", "image/tiff", "png", "jfif", "gif", "public.png", "public.jpeg",
            "public.tiff");
    /** More bytes than this on a clipboard are not read (a photo is a few MB). */
    private static final int MAX_ENCODED_BYTES = 256 * 1024 * 1024;

    private ClipboardImages() {
    }

    /** The first encoded image the board offers, or null. */
    public static byte[] encodedImage(Clipboard board) {
        for (DataFormat format : board.getContentTypes()) {
            boolean image = format.getIdentifiers().stream()
                    .anyMatch(id -> ENCODED_IMAGE_TYPES.contains(id.toLowerCase(Locale.ROOT)));
            if (image) {
                byte[] bytes = bytes(board.getContent(format));
                if (bytes != null && bytes.length > 0) {
                    return bytes;
                }
            }
        }
        return null;
    }

    /**
     * The board's decoded image, as a last resort (read when called), or null when it has none or
     * the image is larger than the loader's limit ({@code refused} is told why).
     */
    public static Supplier<BufferedImage> decodedImage(Clipboard board, Consumer<String> refused) {
        if (!board.hasImage()) {
            return null;
        }
        return () -> {
            Image image = board.getImage();
            if (image == null) {
                return null;
            }
            long pixels = (long) image.getWidth() * (long) image.getHeight();
            if (pixels > ImageLoader.DEFAULT_MAX_PIXELS) {
                refused.accept(String.format(Locale.ROOT, "The pasted image is %.0fx%.0f, over the limit of %d megapixels.",
                        image.getWidth(), image.getHeight(), ImageLoader.DEFAULT_MAX_PIXELS / 1_000_000));
                return null;
            }
            return SwingFXUtils.fromFXImage(image, null);
        };
    }

    private static byte[] bytes(Object content) {
        try {
            if (content instanceof byte[] array) {
                return array.length <= MAX_ENCODED_BYTES ? array : null;
            }
            if (content instanceof ByteBuffer buffer) {
                ByteBuffer copy = buffer.duplicate();
                if (copy.remaining() > MAX_ENCODED_BYTES) {
                    return null;
                }
                byte[] array = new byte[copy.remaining()];
                copy.get(array);
                return array;
            }
            if (content instanceof InputStream in) {
                try (in) {
                    byte[] array = in.readNBytes(MAX_ENCODED_BYTES + 1);
                    return array.length <= MAX_ENCODED_BYTES ? array : null;
                }
            }
        } catch (IOException | RuntimeException e) {
            return null; // the platform could not hand the bytes over: try the next way
        }
        return null;
    }
}
