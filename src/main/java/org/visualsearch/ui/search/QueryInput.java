package org.visualsearch.ui.search;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * What a drop, a paste or Open… means: dropped folders are added to the gallery; of the files,
 * the last one is the query; else the image itself is. The views only read the drag board or the
 * clipboard and hand over what they hold.
 */
public final class QueryInput {
    private final SearchViewModel search;
    private final BooleanSupplier libraryAvailable;
    private final Predicate<List<Path>> addFolders;
    /** Whether the content being pasted was refused with its own message. */
    private boolean refused;

    /**
     * @param libraryAvailable whether a gallery database can take folders
     * @param addFolders       adds folders to it (returns whether it took them)
     */
    public QueryInput(SearchViewModel search, BooleanSupplier libraryAvailable, Predicate<List<Path>> addFolders) {
        this.search = Objects.requireNonNull(search);
        this.libraryAvailable = Objects.requireNonNull(libraryAvailable);
        this.addFolders = Objects.requireNonNull(addFolders);
    }

    /** Whether a drag holding files or an image may be dropped. */
    public boolean acceptsDrag(boolean hasFiles, boolean hasImage) {
        return hasFiles || hasImage;
    }

    /**
     * Uses dropped or pasted content: {@code files} (null or empty when none) or else the
     * {@code image} (read only when there are no files; may give null). Returns false when there
     * was nothing usable.
     */
    public boolean accept(List<Path> files, Supplier<BufferedImage> image, String imageLabel) {
        return accept(files, null, image, imageLabel);
    }

    /**
     * Uses dropped or pasted content: {@code files}, or else the {@code encoded} image bytes
     * (PNG, JPEG... as the platform offers them; decoded by the app's loader, which checks the
     * declared size first), or else, last, the decoded {@code image}.
     */
    public boolean accept(List<Path> files, byte[] encoded, Supplier<BufferedImage> image, String imageLabel) {
        if (files != null && !files.isEmpty()) {
            List<Path> folders = files.stream().filter(Files::isDirectory).toList();
            List<Path> photos = files.stream().filter(f -> !Files.isDirectory(f)).toList();
            boolean used = false;
            if (!folders.isEmpty() && libraryAvailable.getAsBoolean()) {
                used = addFolders.test(folders);
            } else if (!folders.isEmpty() && photos.isEmpty()) {
                search.reportError("Adding folders needs the gallery database, which is not loaded; drop a photo "
                        + "to search with it.");
                return false;
            }
            if (!photos.isEmpty()) {
                search.search(new QueryRequest.FromFile(photos.get(photos.size() - 1)));
                used = true;
            }
            return used;
        }
        if (encoded != null && encoded.length > 0) {
            search.search(new QueryRequest.FromBytes(encoded, imageLabel));
            return true;
        }
        BufferedImage pixels = image == null ? null : image.get();
        if (pixels != null) {
            search.search(new QueryRequest.FromImage(pixels, imageLabel));
            return true;
        }
        return false;
    }

    /** A paste (Ctrl+V or the button): like a drop; says so when the clipboard held nothing usable. */
    public void paste(List<Path> files, Supplier<BufferedImage> image) {
        paste(files, null, image);
    }

    /** A paste of files, encoded image bytes or, last, a decoded image; see {@link #accept(List, byte[], Supplier, String)}. */
    public void paste(List<Path> files, byte[] encoded, Supplier<BufferedImage> image) {
        if (!ready()) {
            return;
        }
        refused = false;
        if (!accept(files, encoded, image, "Pasted image") && !refused) {
            search.reportError("The clipboard holds no image or image file to search with.");
        }
    }

    /** Says why pasted or dropped content was not used. */
    public void refuse(String reason) {
        refused = true;
        search.reportError(reason);
    }

    /** Whether Open… and Paste can be used now (also while the model loads: the query waits for it). */
    public boolean ready() {
        return search.acceptsQueryProperty().get();
    }

    /** A photo picked with Open…. */
    public void open(Path file) {
        search.search(new QueryRequest.FromFile(file));
    }
}
