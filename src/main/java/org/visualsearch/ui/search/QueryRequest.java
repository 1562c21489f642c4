package org.visualsearch.ui.search;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Objects;
import org.visualsearch.core.search.GalleryEntry;

/** Where a query comes from: a file (drop, chooser, pasted file), a pasted image, or a gallery photo. */
public sealed interface QueryRequest {

    /** Short name shown above the query image. */
    String label();

    record FromFile(Path file) implements QueryRequest {
        public FromFile {
            Objects.requireNonNull(file);
        }

        @Override
        public String label() {
            Path name = file.getFileName();
            return name == null ? file.toString() : name.toString();
        }
    }

    record FromImage(BufferedImage image, String label) implements QueryRequest {
        public FromImage {
            Objects.requireNonNull(image);
            label = label == null ? "Pasted image" : label;
        }
    }

    /**
     * An image pasted or dropped as encoded bytes (PNG, JPEG...): decoded by the app's own loader,
     * so its declared size is checked before any pixel is decoded, as for a file.
     */
    record FromBytes(byte[] content, String label) implements QueryRequest {
        public FromBytes {
            Objects.requireNonNull(content);
            label = label == null ? "Pasted image" : label;
        }
    }

    /** "More like this": searches with the stored vector of gallery entry {@code index}. */
    record FromGallery(int index, GalleryEntry entry) implements QueryRequest {
        @Override
        public String label() {
            Path name = entry.path().getFileName();
            return "More like " + (name == null ? entry.path() : name);
        }
    }
}
