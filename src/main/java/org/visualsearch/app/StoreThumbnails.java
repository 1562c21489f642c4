package org.visualsearch.app;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.visualsearch.core.gallery.Thumbnails;
import org.visualsearch.core.image.ImageLoadException;
import org.visualsearch.core.image.ImageLoader;
import org.visualsearch.core.search.GalleryEntry;
import org.visualsearch.core.store.GalleryDatabase;

/**
 * Thumbnails from the database (small JPEGs made once while indexing, keyed by content hash), so
 * scrolling a large gallery never decodes full photos; a photo without a stored thumbnail is
 * decoded from its file instead, and its thumbnail stored then (photos indexed with known vectors,
 * like the sample gallery's, get theirs that way: lazily, when first shown).
 */
public final class StoreThumbnails implements ThumbnailSource {
    private static final System.Logger LOG = System.getLogger(StoreThumbnails.class.getName());
    private final GalleryDatabase db;
    private final ImageLoader files = new ImageLoader(Thumbnails.SIDE);

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
        BufferedImage image = files.load(entry.path());
        if (entry.contentHash() != null && !db.isReadOnly()) {
            try {
                db.storeThumbnail(entry.contentHash(), Thumbnails.jpeg(image));
            } catch (IOException | RuntimeException e) {
                LOG.log(System.Logger.Level.DEBUG, "thumbnail of " + entry.path() + " not stored", e);
            }
        }
        return image;
    }
}
