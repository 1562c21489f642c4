package org.visualsearch.core.gallery;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.visualsearch.core.common.Sha256;
import org.visualsearch.core.image.ImageLoadException;
import org.visualsearch.core.image.ImageLoader;

/**
 * A worker thread's first half of a photo: hashes the file's content (unless its unchanged hash
 * is known), and decodes and thumbnails only what the model or the thumbnail table still lacks.
 * A photo that {@link EarlyPhotos} prepared while the model loaded, unchanged since, is taken
 * from there instead of being read again. A bad file becomes a {@link Prepared.Failed} and the
 * work goes on. Thread safe: the workers share one.
 */
final class PhotoPreparer {
    private final ImageLoader loader;
    /** Content hashes with a vector for the model; shared with the run thread, which adds to it. */
    private final Set<String> embedded;
    /** Content hashes with a thumbnail; shared with the run thread. */
    private final Set<String> thumbnails;
    /** Vectors known ahead of time for the run's model (already checked to be its own). */
    private final KnownVectors known;
    /** Photos prepared while the model loaded, decoded with this preparer's loader. */
    private final EarlyPhotos early;

    PhotoPreparer(ImageLoader loader, Set<String> embedded, Set<String> thumbnails) {
        this(loader, embedded, thumbnails, KnownVectors.NONE, EarlyPhotos.NONE);
    }

    PhotoPreparer(ImageLoader loader, Set<String> embedded, Set<String> thumbnails, KnownVectors known,
                  EarlyPhotos early) {
        this.loader = loader;
        this.embedded = embedded;
        this.thumbnails = thumbnails;
        this.known = known;
        this.early = early;
    }

    /** Hashes the item's file and decodes and thumbnails it when needed; a bad file becomes {@link Prepared.Failed}. */
    Prepared.Photo prepare(WorkItem item) {
        Path path = item.file().path();
        String hash = item.knownHash();
        EarlyPhotos.Photo ahead = early.take(item.file())
                .filter(p -> item.knownHash() == null || item.knownHash().equals(p.hash())).orElse(null);
        if (ahead != null) {
            hash = ahead.hash();
        } else if (hash == null) {
            try {
                hash = Sha256.of(path);
            } catch (NoSuchFileException e) {
                return new Prepared.Failed(item, "file vanished before it could be read");
            } catch (AccessDeniedException e) {
                return new Prepared.Failed(item, "permission denied");
            } catch (IOException e) {
                return new Prepared.Failed(item, "cannot read file (" + e.getMessage() + ")");
            }
        }
        boolean needVector = !embedded.contains(hash);
        boolean needThumbnail = !thumbnails.contains(hash);
        if (!needVector && !needThumbnail) {
            return new Prepared.Hashed(item, hash);
        }
        float[] knownVector = needVector ? known.vectorFor(path, hash) : null;
        if (knownVector != null) {
            // nothing to decode: the thumbnail is made when the photo is first shown (StoreThumbnails)
            return new Prepared.Known(item, hash, knownVector);
        }
        if (ahead != null) {
            return new Prepared.Decoded(item, hash, ahead.image(),
                    needThumbnail ? Optional.of(ahead.thumbnail()) : Optional.empty());
        }
        try {
            BufferedImage image = loader.load(path);
            return new Prepared.Decoded(item, hash, image,
                    needThumbnail ? Optional.of(Thumbnails.jpeg(image)) : Optional.empty());
        } catch (ImageLoadException e) {
            return new Prepared.Failed(item, e.reason());
        } catch (IOException | RuntimeException e) {
            return new Prepared.Failed(item, "cannot make a thumbnail (" + e + ")");
        } catch (OutOfMemoryError e) {
            return new Prepared.Failed(item, "image too large to decode in the available memory");
        }
    }
}
