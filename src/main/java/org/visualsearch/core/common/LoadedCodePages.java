package org.visualsearch.core.common;

import com.sun.jna.Function;
import com.sun.jna.Pointer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Lets go of the pages of a native library that its start touched and its work does not need.
 * libtorch registers a few thousand operators when it loads, from code spread over its 446 MB
 * file, and the kernel maps in the pages around each one: about 70 MB of code stays counted in
 * the process's memory though a model call uses a small part of it. The pages are clean copies
 * of the file ({@code madvise(MADV_DONTNEED)} on a read-only mapping with no private pages), so
 * what is needed again is mapped back from the page cache on its first use. Linux with glibc
 * only; {@code -Dvss.releaseLoadPages=false} turns it off.
 */
public final class LoadedCodePages {
    private static final int MADV_DONTNEED = 4;
    private static final Path SMAPS = Path.of("/proc/self/smaps");
    private static final Function MADVISE = Glibc.function("madvise");

    /** A mapping of the library: where, and how much of it is resident. */
    record Mapping(long start, long end, String permissions, long residentKib, long anonymousKib, String path) {
        /** Safe to drop: nobody can write it, and none of its pages is a private copy (relocated data). */
        boolean droppable() {
            return permissions.indexOf('w') < 0 && anonymousKib == 0 && residentKib > 0;
        }
    }

    private LoadedCodePages() {
    }

    /**
     * Drops the resident read-only pages of every library whose file name is {@code fileName};
     * returns the KiB that were resident in them, or -1 where this cannot be done.
     */
    public static long release(String fileName) {
        if (!Boolean.parseBoolean(System.getProperty("vss.releaseLoadPages", "true")) || MADVISE == null) {
            return -1;
        }
        List<Mapping> mappings;
        try {
            mappings = mappings(fileName);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        long released = 0;
        for (Mapping m : mappings) {
            if (m.droppable() && MADVISE.invokeInt(new Object[] {new Pointer(m.start()), m.end() - m.start(), MADV_DONTNEED}) == 0) {
                released += m.residentKib();
            }
        }
        return released;
    }

    /** The KiB of files named {@code fileName} resident in this process now, or -1 where that cannot be read. */
    public static long residentKib(String fileName) {
        try {
            return mappings(fileName).stream().mapToLong(Mapping::residentKib).sum();
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** This process's mappings of files named {@code fileName}, as {@code /proc/self/smaps} has them now. */
    private static List<Mapping> mappings(String fileName) throws IOException {
        return parse(Files.readAllLines(SMAPS), fileName);
    }

    /** The mappings of files named {@code fileName} in the text of {@code /proc/self/smaps}. */
    static List<Mapping> parse(List<String> lines, String fileName) {
        List<Mapping> found = new ArrayList<>();
        long start = 0;
        long end = 0;
        String permissions = null;
        String path = null;
        long rss = 0;
        long anonymous = 0;
        for (String line : lines) {
            int colon = line.indexOf(':');
            boolean header = !line.isEmpty() && Character.digit(line.charAt(0), 16) >= 0 && line.indexOf('-') > 0
                    && (colon < 0 || line.indexOf(' ') < colon);
            if (header) {
                if (path != null) {
                    found.add(new Mapping(start, end, permissions, rss, anonymous, path));
                }
                String[] fields = line.trim().split("\\s+", 6);
                String[] range = fields[0].split("-");
                start = Long.parseUnsignedLong(range[0], 16);
                end = Long.parseUnsignedLong(range[1], 16);
                permissions = fields[1];
                String p = fields.length == 6 ? fields[5] : "";
                path = p.substring(p.lastIndexOf('/') + 1).equals(fileName) ? p : null;
                rss = 0;
                anonymous = 0;
            } else if (line.startsWith("Rss:")) {
                rss = kib(line);
            } else if (line.startsWith("Anonymous:")) {
                anonymous = kib(line);
            }
        }
        if (path != null) {
            found.add(new Mapping(start, end, permissions, rss, anonymous, path));
        }
        return found;
    }

    private static long kib(String line) {
        String value = line.substring(line.indexOf(':') + 1).trim().toLowerCase(Locale.ROOT);
        return Long.parseLong(value.endsWith("kb") ? value.substring(0, value.length() - 2).trim() : value);
    }
}
