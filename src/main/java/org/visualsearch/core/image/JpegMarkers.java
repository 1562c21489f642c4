package org.visualsearch.core.image;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a JPEG's marker structure: from its first bytes, whether it is progressive, which decides
 * how much memory its decode holds ({@link org.visualsearch.core.common.MemoryBudget}), and where
 * its first scan starts; from the file, whether its image data is complete.
 */
final class JpegMarkers {

    private JpegMarkers() {
    }

    /**
     * True when the first start-of-frame marker in {@code head} (the file's first bytes) is a
     * progressive one (SOF2, SOF6, SOF10, SOF14); false for baseline and sequential JPEGs, and
     * when no frame header is found in these bytes (then the photo is treated as baseline).
     */
    static boolean isProgressive(byte[] head) {
        int frame = firstMarker(head, JpegMarkers::isStartOfFrame);
        if (frame < 0) {
            return false;
        }
        int marker = head[frame + 1] & 0xff;
        return marker == 0xC2 || marker == 0xC6 || marker == 0xCA || marker == 0xCE;
    }

    /**
     * Offset of the first start-of-scan marker (SOS, where the compressed pixels begin) in
     * {@code head}, the file's first bytes; -1 when these bytes do not reach it.
     */
    static int firstScan(byte[] head) {
        return firstMarker(head, marker -> marker == 0xDA);
    }

    /**
     * Walks the marker segments from the start of {@code head} and returns the offset of the first
     * marker that {@code wanted} accepts; -1 when the bytes end, are not at a marker (damaged: the
     * decoder will say so), or reach the scan data or the end of the image first.
     */
    private static int firstMarker(byte[] head, java.util.function.IntPredicate wanted) {
        if (head.length < 4 || (head[0] & 0xff) != 0xFF || (head[1] & 0xff) != 0xD8) {
            return -1;
        }
        int i = 2;
        while (i + 3 < head.length) {
            if ((head[i] & 0xff) != 0xFF) {
                return -1;
            }
            int marker = head[i + 1] & 0xff;
            if (marker == 0xFF) {
                i++; // fill byte
                continue;
            }
            if (marker == 0xD8 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                i += 2; // markers without a length
                continue;
            }
            if (wanted.test(marker)) {
                return i;
            }
            if (marker == 0xDA || marker == 0xD9) {
                return -1;
            }
            int length = ((head[i + 2] & 0xff) << 8) | (head[i + 3] & 0xff);
            if (length < 2) {
                return -1;
            }
            i += 2 + length;
        }
        return -1;
    }

    /**
     * Whether the file's image data is complete: an end-of-image marker (FF D9) follows its first
     * scan, which starts at {@code scanStart}. Phones and cameras may append data after it (a
     * motion photo's video, a maker's trailer), so the marker need not be at the very end; a file
     * cut short has none after its first scan (inside the compressed data FF is always followed by
     * 00 or a restart marker, and an embedded EXIF thumbnail's end marker comes before the scan).
     */
    static boolean endsItsImage(Path file, long scanStart) throws IOException {
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
            long size = channel.size();
            if (scanStart < 0 || scanStart >= size) {
                return false;
            }
            ByteBuffer tail = ByteBuffer.allocate(2);
            channel.position(size - 2);
            while (tail.hasRemaining() && channel.read(tail) > 0) {
                // both bytes
            }
            if (tail.get(0) == (byte) 0xFF && tail.get(1) == (byte) 0xD9) {
                return true; // the usual case: nothing after the image
            }
            channel.position(scanStart);
            ByteBuffer chunk = ByteBuffer.allocate(64 * 1024);
            boolean afterFF = false;
            while (channel.read(chunk.clear()) > 0) {
                byte[] bytes = chunk.array();
                for (int k = 0, n = chunk.position(); k < n; k++) {
                    if (afterFF && bytes[k] == (byte) 0xD9) {
                        return true;
                    }
                    afterFF = bytes[k] == (byte) 0xFF;
                }
            }
            return false;
        }
    }

    /** SOF0 to SOF15, except DHT (C4), JPG (C8) and DAC (CC), which share the range. */
    private static boolean isStartOfFrame(int marker) {
        return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    }
}
