package org.visualsearch.core.common;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Paths as stored text and back. Java turns file names into text with the charset of the locale
 * it started in: under LANG=C every non-ASCII name is unmappable, and bytes that are not UTF-8
 * never survive the trip. Such a name must neither crash a read ({@link InvalidPathException})
 * nor look like a deleted file.
 */
public final class PathText {
    private PathText() {
    }

    /** Whether the path's text names the same file again (false for a name this locale cannot represent). */
    public static boolean roundTrips(Path path) {
        try {
            return Paths.get(path.toString()).equals(path);
        } catch (InvalidPathException e) {
            return false;
        }
    }

    /** Whether stored path text can be turned into a path under this locale. */
    public static boolean representable(String stored) {
        try {
            Paths.get(stored);
            return true;
        } catch (InvalidPathException e) {
            return false;
        }
    }

    /**
     * A stored path as a path; when this locale cannot represent it, its non-ASCII characters
     * become '?' (good for showing it; the file itself can only be opened under a UTF-8 locale).
     */
    public static Path parse(String stored) {
        try {
            return Paths.get(stored);
        } catch (InvalidPathException e) {
            return Paths.get(stored.replaceAll("[^\\x00-\\x7F]", "?"));
        }
    }

    /** Why a file whose name does not round-trip is not read, for a problem list. */
    public static String notRepresentableReason() {
        return "file name is not valid text in this system's file-name encoding (" + System.getProperty("sun.jnu.encoding",
                "unknown") + "); not read: rename it, or start the app with a UTF-8 locale (e.g. LANG=C.UTF-8)";
    }
}
