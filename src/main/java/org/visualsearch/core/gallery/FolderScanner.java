package org.visualsearch.core.gallery;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.DosFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.visualsearch.core.common.ErrorText;
import org.visualsearch.core.common.PathText;

/**
 * Finds the photos under a folder: a recursive walk that follows symbolic links (a link back to
 * an ancestor is detected and skipped, so loops terminate; a link to photos the gallery already
 * has is skipped with the reason, see {@link LinkedDuplicates}), skips hidden files and folders
 * (dot-names, and the DOS hidden attribute on Windows), operating-system and NAS housekeeping
 * folders, and files whose extension is not an image's. Folders that cannot be listed and files
 * that vanish during the walk become problems; the walk goes on.
 *
 * <p>The category of a photo is the name of the first-level subfolder it lies in, or null for
 * photos directly in the root.
 */
public final class FolderScanner {

    /** Extensions (lower case) of the files considered photos. */
    public static final Set<String> IMAGE_EXTENSIONS =
            Set.of("jpg", "jpeg", "jpe", "jfif", "jfi", "png", "gif", "bmp", "webp", "tif", "tiff");

    /**
     * Extensions (lower case) of images the app cannot decode, with the format's name: a scan
     * lists them as problems so a user knows why a photo is not in the gallery.
     */
    public static final Map<String, String> UNSUPPORTED_IMAGE_FORMATS = Map.ofEntries(
            Map.entry("heic", "HEIC"), Map.entry("heif", "HEIF"), Map.entry("hif", "HEIF"),
            Map.entry("avif", "AVIF"), Map.entry("jxl", "JPEG XL"), Map.entry("jp2", "JPEG 2000"),
            Map.entry("j2k", "JPEG 2000"), Map.entry("svg", "SVG"), Map.entry("svgz", "SVG"),
            Map.entry("ppm", "PPM"), Map.entry("pgm", "PGM"), Map.entry("pbm", "PBM"), Map.entry("pnm", "PNM"),
            Map.entry("tga", "TGA"), Map.entry("pcx", "PCX"), Map.entry("ico", "ICO"), Map.entry("cur", "ICO"),
            Map.entry("icns", "ICNS"), Map.entry("psd", "PSD"), Map.entry("xcf", "XCF"),
            Map.entry("dng", "DNG (camera raw)"), Map.entry("cr2", "CR2 (camera raw)"),
            Map.entry("cr3", "CR3 (camera raw)"), Map.entry("nef", "NEF (camera raw)"),
            Map.entry("arw", "ARW (camera raw)"), Map.entry("orf", "ORF (camera raw)"),
            Map.entry("rw2", "RW2 (camera raw)"), Map.entry("raf", "RAF (camera raw)"));

    /** Folder names (lower case) never entered: recycle bins, indexes, thumbnails caches. */
    public static final Set<String> SYSTEM_FOLDERS = Set.of(
            "$recycle.bin", "recycler", "system volume information", ".trashes", ".trash", ".spotlight-v100",
            ".fseventsd", ".documentrevisions-v100", ".temporaryitems", "@eadir", "#recycle", "__macosx",
            "lost+found", "$windows.~bt", "$windows.~ws");

    /** A photo found by a scan. */
    public record ScannedFile(Path path, String category, long size, long modifiedMillis) {
    }

    /** A file or folder the scan could not read; the reason does not repeat the path. */
    public record ScanProblem(Path path, String reason) {
    }

    /** Photos sorted by path, and problems. */
    public record ScanResult(Path root, List<ScannedFile> files, List<ScanProblem> problems) {
        public ScanResult {
            files = List.copyOf(files);
            problems = List.copyOf(problems);
        }
    }

    private final Consumer<Path> onFolder;

    public FolderScanner() {
        this(folder -> { });
    }

    /** @param onFolder told of each folder before it is listed (progress; tests use it to vanish things) */
    public FolderScanner(Consumer<Path> onFolder) {
        this.onFolder = onFolder;
    }

    /** Whether a file name has one of the {@link #IMAGE_EXTENSIONS}. */
    public static boolean isImageName(String fileName) {
        return IMAGE_EXTENSIONS.contains(extension(fileName));
    }

    /** The name of the unsupported image format a file name says it holds ("HEIC"), or null. */
    public static String unsupportedFormat(String fileName) {
        return UNSUPPORTED_IMAGE_FORMATS.get(extension(fileName));
    }

    private static String extension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
    }

    /** Scans {@code root} to the end. */
    public ScanResult scan(Path root) throws IOException {
        return scan(root, () -> false);
    }

    /**
     * Scans {@code root}, stopping early (with what was found so far) when {@code cancelled}
     * becomes true.
     *
     * @throws IOException when the root itself is missing, not a folder or cannot be listed
     */
    public ScanResult scan(Path root, BooleanSupplier cancelled) throws IOException {
        return scan(root, cancelled, List.of());
    }

    /**
     * Scans {@code root} as one of the gallery's folders: what it reaches through a symbolic
     * link into {@code otherFolders} (or into itself) is indexed there, so it is skipped here,
     * listed as a problem with the reason.
     */
    public ScanResult scan(Path root, BooleanSupplier cancelled, Collection<Path> otherFolders) throws IOException {
        return scan(root, cancelled, otherFolders, new java.util.HashSet<>());
    }

    /**
     * Like {@link #scan(Path, BooleanSupplier, Collection)}; {@code reachedThroughLinks} is shared by
     * the scans of one run, so that a place outside the gallery that two of its folders link to is
     * indexed once, under the first folder scanned.
     */
    public ScanResult scan(Path root, BooleanSupplier cancelled, Collection<Path> otherFolders,
                           Set<Path> reachedThroughLinks) throws IOException {
        Path start = root.toAbsolutePath().normalize();
        if (!Files.exists(start)) {
            throw new NoSuchFileException(start.toString(), null, "folder not found");
        }
        if (!Files.isDirectory(start)) {
            throw new NotDirectoryException(start.toString());
        }
        List<ScannedFile> files = new ArrayList<>();
        List<ScanProblem> problems = new ArrayList<>();
        LinkedDuplicates links = new LinkedDuplicates(start, otherFolders, reachedThroughLinks);
        Deque<Boolean> underLink = new ArrayDeque<>();
        Files.walkFileTree(start, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                        if (cancelled.getAsBoolean()) {
                            return FileVisitResult.TERMINATE;
                        }
                        if (!dir.equals(start) && (isHidden(dir, attrs) || isSystemFolder(dir))) {
                            return FileVisitResult.SKIP_SUBTREE;
                        }
                        boolean linked = !dir.equals(start) && (Boolean.TRUE.equals(underLink.peek())
                                || LinkedDuplicates.isLink(dir));
                        if (linked) {
                            String duplicate = links.skipReason(dir, true);
                            if (duplicate != null) {
                                problems.add(new ScanProblem(dir, duplicate));
                                return FileVisitResult.SKIP_SUBTREE;
                            }
                        }
                        underLink.push(linked);
                        onFolder.accept(dir);
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                        String name = file.getFileName().toString();
                        if (isHidden(file, attrs)) {
                            return FileVisitResult.CONTINUE;
                        }
                        if (!isImageName(name)) {
                            String format = unsupportedFormat(name);
                            if (format != null && !attrs.isSymbolicLink()) {
                                problems.add(new ScanProblem(file, format + " is not supported (convert it to JPEG or PNG)"));
                            }
                            return FileVisitResult.CONTINUE;
                        }
                        if (attrs.isSymbolicLink()) {
                            // Following it failed, so the walker fell back to the link itself.
                            problems.add(new ScanProblem(file, "broken symbolic link"));
                        } else if (attrs.isRegularFile() && !PathText.roundTrips(file)) {
                            // stored as text, it would name no file (or fail to parse) on the next read
                            problems.add(new ScanProblem(file, PathText.notRepresentableReason()));
                        } else if (attrs.isRegularFile()) {
                            String duplicate = links.skipReason(file, Boolean.TRUE.equals(underLink.peek()));
                            if (duplicate != null) {
                                problems.add(new ScanProblem(file, duplicate));
                                return FileVisitResult.CONTINUE;
                            }
                            files.add(new ScannedFile(file, categoryOf(start, file), attrs.size(),
                                    attrs.lastModifiedTime().toMillis()));
                        } else if (attrs.isOther()) {
                            // Opening a FIFO blocks until a writer comes; a device may never end.
                            problems.add(new ScanProblem(file, "not a regular file (a FIFO, socket or device); not read"));
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException e) {
                        if (e instanceof FileSystemLoopException) {
                            return FileVisitResult.CONTINUE; // a link back to an ancestor: already walked
                        }
                        String name = file.getFileName() == null ? "" : file.getFileName().toString();
                        if (isNameTooLong(e)) {
                            problems.add(new ScanProblem(file, "path is longer than the system allows ("
                                    + file.toString().length() + " characters); not read"));
                            return FileVisitResult.CONTINUE;
                        }
                        if (name.startsWith(".") || isSystemFolder(file)) {
                            return FileVisitResult.CONTINUE; // e.g. "System Volume Information" denies listing
                        }
                        // A folder that vanished can no longer be told from a file: a name without
                        // an extension is taken for a folder.
                        boolean folder = Files.isDirectory(file)
                                || (e instanceof NoSuchFileException && !name.contains("."));
                        if (!folder && !isImageName(name) && !(e instanceof AccessDeniedException)) {
                            return FileVisitResult.CONTINUE; // not a photo we would have wanted
                        }
                        problems.add(new ScanProblem(file, describe(e, folder)));
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult postVisitDirectory(Path dir, IOException e) {
                        underLink.poll();
                        if (e != null) { // listing failed part-way
                            problems.add(new ScanProblem(dir, "folder could not be read to the end (" + ErrorText.withType(e) + ")"));
                        }
                        return FileVisitResult.CONTINUE;
                    }
                });
        files.sort(Comparator.comparing(f -> f.path().toString()));
        problems.sort(Comparator.comparing(p -> p.path().toString()));
        return new ScanResult(start, files, problems);
    }

    /** ENAMETOOLONG, which Java reports only as a FileSystemException with the C library's text. */
    private static boolean isNameTooLong(IOException e) {
        String reason = e instanceof java.nio.file.FileSystemException fse ? fse.getReason() : e.getMessage();
        return reason != null && reason.toLowerCase(Locale.ROOT).contains("name too long");
    }

    private static String describe(IOException e, boolean folder) {
        if (e instanceof NoSuchFileException) {
            return folder ? "folder vanished during the scan" : "file vanished during the scan";
        }
        if (e instanceof AccessDeniedException) {
            return folder ? "cannot open folder: permission denied" : "permission denied";
        }
        return (folder ? "cannot read folder (" : "cannot read file (") + ErrorText.withType(e) + ")";
    }

    /** First-level subfolder of {@code root} containing {@code file}, or null. */
    static String categoryOf(Path root, Path file) {
        Path relative = root.relativize(file);
        return relative.getNameCount() > 1 ? relative.getName(0).toString() : null;
    }

    private static boolean isHidden(Path path, BasicFileAttributes attrs) {
        Path name = path.getFileName();
        if (name != null && name.toString().startsWith(".")) {
            return true;
        }
        // On Windows the walker hands out DOS attributes; elsewhere this is never true.
        return attrs instanceof DosFileAttributes dos && (dos.isHidden() || dos.isSystem());
    }

    private static boolean isSystemFolder(Path dir) {
        Path name = dir.getFileName();
        return name != null && SYSTEM_FOLDERS.contains(name.toString().toLowerCase(Locale.ROOT));
    }
}
