package org.visualsearch.ui.gallery;

import org.visualsearch.app.ThumbnailSource;
import java.awt.image.BufferedImage;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.Image;
import org.visualsearch.core.search.GalleryEntry;

/**
 * Thumbnails for the grid and the top-5, decoded on a small pool of background threads and kept
 * in an LRU cache bounded by count and by pixel memory, so only tiles on screen are ever loaded
 * (never the whole gallery) and scrolling through 100,000 photos does not fill the heap with
 * thumbnails (a 256 x 192 store thumbnail is 192 KB as an image).
 * Use from the FX thread; callbacks arrive on the FX thread.
 */
public final class ThumbnailCache {
    /** Stands for "could not be loaded" in the cache. */
    private static final Image FAILED = new javafx.scene.image.WritableImage(1, 1);

    private final ExecutorService executor;
    private final Map<Object, Image> cache = new LinkedHashMap<>(256, 0.75f, true);
    private final int capacity;
    private final long maxBytes;
    private long bytes;
    private volatile ThumbnailSource source = ThumbnailSource.fromFiles();

    /**
     * @param capacity most thumbnails kept
     * @param maxBytes most pixel memory kept (4 bytes a pixel); the newest thumbnail is always kept
     */
    public ThumbnailCache(ExecutorService executor, int capacity, long maxBytes) {
        this.executor = Objects.requireNonNull(executor);
        this.capacity = capacity;
        this.maxBytes = maxBytes;
    }

    public void setSource(ThumbnailSource newSource) {
        source = Objects.requireNonNull(newSource);
        cache.clear();
        bytes = 0;
    }

    /**
     * Gives the thumbnail of {@code entry} to {@code onLoaded} (null when it cannot be loaded):
     * right away when cached, else later on the FX thread. Returns the pending load, which a cell
     * that scrolls on to another photo cancels; null when answered from the cache.
     */
    public Future<?> request(GalleryEntry entry, Consumer<Image> onLoaded) {
        Object key = key(entry);
        Image cached = cache.get(key);
        if (cached != null) {
            onLoaded.accept(cached == FAILED ? null : cached);
            return null;
        }
        ThumbnailSource from = source;
        try {
            return load(entry, key, from, onLoaded);
        } catch (java.util.concurrent.RejectedExecutionException closing) {
            // The window is closing (its loader threads are shut down), yet a cell still asks
            // during a last layout: there is nobody left to show the thumbnail to.
            return null;
        }
    }

    private Future<?> load(GalleryEntry entry, Object key, ThumbnailSource from, Consumer<Image> onLoaded) {
        return executor.submit(() -> {
            Image image;
            try {
                BufferedImage thumbnail = from.thumbnail(entry);
                image = SwingFXUtils.toFXImage(thumbnail, null);
            } catch (Exception | OutOfMemoryError e) {
                image = FAILED;
            }
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
            Image result = image;
            Platform.runLater(() -> {
                if (from == source) {
                    put(key, result);
                }
                onLoaded.accept(result == FAILED ? null : result);
            });
        });
    }

    private void put(Object key, Image image) {
        Image old = cache.put(key, image);
        bytes += bytesOf(image) - (old == null ? 0 : bytesOf(old));
        var eldest = cache.entrySet().iterator();
        while ((cache.size() > capacity || bytes > maxBytes) && cache.size() > 1) {
            bytes -= bytesOf(eldest.next().getValue());
            eldest.remove();
        }
    }

    private static long bytesOf(Image image) {
        return 4L * (long) image.getWidth() * (long) image.getHeight();
    }

    /** Number of cached thumbnails (for tests and diagnostics). */
    public int size() {
        return cache.size();
    }

    /** Pixel memory of the cached thumbnails, in bytes (for tests and diagnostics). */
    public long bytes() {
        return bytes;
    }

    private static Object key(GalleryEntry entry) {
        return entry.contentHash() != null ? entry.contentHash() : entry.path();
    }
}
