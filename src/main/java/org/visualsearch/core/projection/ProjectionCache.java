package org.visualsearch.core.projection;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.visualsearch.core.search.GalleryEntry;
import org.visualsearch.core.search.IndexedGallery;

/**
 * The last few projections, keyed by (model, gallery contents, settings): switching back to a
 * model or method, or reopening the map, shows the map at once. Thread-safe.
 */
public final class ProjectionCache {

    /** What a projection depends on. {@code contents} is a digest of the photos' hashes, in order. */
    public record Key(String modelId, String contents, ProjectionSettings settings) {
    }

    private final int capacity;
    private final Map<Key, Projection> entries;

    public ProjectionCache(int capacity) {
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(16, 0.75f, true);
    }

    public static Key keyOf(IndexedGallery gallery, ProjectionSettings settings) {
        return new Key(gallery.model().id(), contentsOf(gallery), settings);
    }

    /** A digest of the gallery's photos (content hash, else path), in order. */
    public static String contentsOf(IndexedGallery gallery) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (GalleryEntry e : gallery.entries()) {
                String id = e.contentHash() != null ? e.contentHash() : e.path().toString();
                digest.update(id.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public synchronized Projection get(Key key) {
        return entries.get(key);
    }

    public synchronized void put(Key key, Projection projection) {
        entries.put(key, projection);
        var eldest = entries.entrySet().iterator();
        while (entries.size() > capacity) {
            eldest.next();
            eldest.remove();
        }
    }

    /** The cached projection of {@code gallery}, else a new one (which is then cached). */
    public Projection project(IndexedGallery gallery, ProjectionSettings settings, ProjectionProgress progress) {
        Key key = keyOf(gallery, settings);
        Projection cached = get(key);
        if (cached != null) {
            return cached;
        }
        Projection fresh = Projector.project(gallery.vectors(), settings, progress);
        put(key, fresh);
        return fresh;
    }

    public synchronized int size() {
        return entries.size();
    }
}
