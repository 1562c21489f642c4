package org.visualsearch.core.gallery;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Tells which folders and files a scan reaches through a symbolic link are photos the gallery
 * already has another way: a link to a place in the same folder, into another gallery folder,
 * or to a place outside that a second link also reaches. Each would be indexed, and found,
 * twice; it is skipped with the reason instead. Real paths ({@code toRealPath}) decide, and only
 * paths under a link are resolved, so a folder without links costs one check per entry.
 */
final class LinkedDuplicates {
    private final Path start;
    private final Path realStart;
    private final List<Path> otherRoots = new ArrayList<>();
    private final List<Path> otherRealRoots = new ArrayList<>();
    private final Set<Path> reachedThroughLinks;

    /**
     * @param start      the folder scanned (absolute, normalised)
     * @param otherRoots the gallery's other folders, whose photos are indexed there
     * @param reachedThroughLinks real paths outside the gallery's folders already reached through a
     *                   link, by this scan or by an earlier one of the same run (added to)
     */
    LinkedDuplicates(Path start, Collection<Path> otherRoots, Set<Path> reachedThroughLinks) throws IOException {
        this.start = start;
        this.reachedThroughLinks = reachedThroughLinks;
        this.realStart = start.toRealPath();
        for (Path other : otherRoots) {
            try {
                Path real = other.toRealPath();
                if (!real.equals(realStart)) {
                    this.otherRoots.add(other);
                    this.otherRealRoots.add(real);
                }
            } catch (IOException e) {
                // a folder that is not there holds no photos to duplicate
            }
        }
    }

    /**
     * Null when {@code path} (a folder or a file) is to be scanned, else why it is skipped.
     *
     * @param underLink whether a folder above it, below the root, was reached through a link
     */
    String skipReason(Path path, boolean underLink) {
        if (!underLink && !Files.isSymbolicLink(path)) {
            return null;
        }
        Path real;
        try {
            real = path.toRealPath();
        } catch (IOException e) {
            return null; // broken or unreadable: the walk reports it
        }
        if (real.startsWith(realStart)) {
            return "symbolic link to " + start.resolve(realStart.relativize(real))
                    + ", which this folder already has; not indexed twice";
        }
        for (int i = 0; i < otherRealRoots.size(); i++) {
            if (real.startsWith(otherRealRoots.get(i))) {
                return "symbolic link into the gallery folder " + otherRoots.get(i) + " (" + real
                        + "), which is indexed there; not indexed twice";
            }
        }
        if (!reachedThroughLinks.add(real)) {
            return "symbolic link to " + real + ", which another link of the gallery already reaches; not indexed twice";
        }
        return null;
    }

    /** Whether {@code dir}, walked, is a link (its contents are then under a link). */
    static boolean isLink(Path dir) {
        return Files.isSymbolicLink(dir);
    }
}
