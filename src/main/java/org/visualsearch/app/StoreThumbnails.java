package org.visualsearch.app;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.visualsearch.core.image.ImageLoadException;
import org.visualsearch.core.image.ImageLoader;
import org.visualsearch.core.search.GalleryEntry;
import org.visualsearch.core.store.GalleryDatabase;

/**
 * Thumbnails from the database (small JPEGs made once while indexing, keyed by content hash), so
 * scrolling a large gallery never decodes full photos; a photo without a stored thumbnail is
 * decoded from its file instead.
 */
public final class StoreThumbnails implements ThumbnailSource {
    private final GalleryDatabase db;
    private final ImageLoader files = new ImageLoader(SIZE);

    public StoreThumbnails(GalleryDatabase db) {
        this.db = db;
    }

    @Override
    public BufferedImage thumbnail(GalleryEntry entry) throws ImageLoadException {
        if (entry.contentHash() != null) {
            try {
                Optional<byte[]> jpeg = db.thumbnail(entry.contentHash());
                if (jpeg.isPresent()) {
                    BufferedImage image = ImageIO.read(new ByteArrayInputStream(jpeg.get()));
                    if (image != null) {
                        return image;
                    }
                }
            } catch (IOException | RuntimeException e) {
                // a damaged or unreadable thumbnail: the file itself still works
            }
        }
        return files.load(entry.path());
    }
}
