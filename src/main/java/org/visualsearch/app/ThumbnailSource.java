package org.visualsearch.app;

import java.awt.image.BufferedImage;
import org.visualsearch.core.image.ImageLoadException;
import org.visualsearch.core.image.ImageLoader;
import org.visualsearch.core.search.GalleryEntry;

/**
 * Gives the small picture of a gallery entry. Called from background threads, several at a time.
 * A session answers from the store's thumbnail JPEGs ({@link GallerySession#thumbnails()});
 * {@link #fromFiles()} decodes the photo itself.
 */
@FunctionalInterface
public interface ThumbnailSource {

    /** Long side of thumbnails, in pixels. */
    int SIZE = 192;

    BufferedImage thumbnail(GalleryEntry entry) throws ImageLoadException;

    /** Decodes each photo from disk, EXIF-rotated, long side {@link #SIZE}. */
    static ThumbnailSource fromFiles() {
        ImageLoader loader = new ImageLoader(SIZE);
        return entry -> loader.load(entry.path());
    }
}
