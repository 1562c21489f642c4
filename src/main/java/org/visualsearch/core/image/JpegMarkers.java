package org.visualsearch.core.image;

/**
 * Reads a JPEG's frame header from its first bytes: whether it is progressive, which decides how
 * much memory its decode holds ({@link org.visualsearch.core.common.MemoryBudget}).
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
        if (head.length < 4 || (head[0] & 0xff) != 0xFF || (head[1] & 0xff) != 0xD8) {
            return false;
        }
        int i = 2;
        while (i + 3 < head.length) {
            if ((head[i] & 0xff) != 0xFF) {
                return false; // not at a marker: damaged, let the decoder say so
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
            if (isStartOfFrame(marker)) {
                return marker == 0xC2 || marker == 0xC6 || marker == 0xCA || marker == 0xCE;
            }
            if (marker == 0xDA || marker == 0xD9) {
                return false; // scan data or the end before any frame header
            }
            int length = ((head[i + 2] & 0xff) << 8) | (head[i + 3] & 0xff);
            if (length < 2) {
                return false;
            }
            i += 2 + length;
        }
        return false;
    }

    /** SOF0 to SOF15, except DHT (C4), JPG (C8) and DAC (CC), which share the range. */
    private static boolean isStartOfFrame(int marker) {
        return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    }
}
