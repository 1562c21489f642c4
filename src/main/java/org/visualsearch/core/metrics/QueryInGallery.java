package org.visualsearch.core.metrics;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import org.visualsearch.core.search.GalleryEntry;
import org.visualsearch.core.search.IndexedGallery;

/**
 * One search query seen as the challenge scores it: whether it is itself a gallery photo (then it
 * is left out of its own ranking, as {@code eval} leaves every query out), its category when that
 * is known, and its Precision@5.
 *
 * @param selfIndex the query's index in the gallery, or -1 when it is not a gallery photo
 * @param category  the query's category, or null when unknown
 */
public record QueryInGallery(int selfIndex, String category) {

    /** A query that is neither in the gallery nor of a known category. */
    public static final QueryInGallery UNKNOWN = new QueryInGallery(-1, null);

    /** A gallery photo used as the query ("more like this"); {@code entry} finds it in {@code gallery}. */
    public static QueryInGallery ofEntry(IndexedGallery gallery, GalleryEntry entry) {
        int index = gallery.entries().indexOf(entry);
        if (index < 0) {
            index = indexOfHash(gallery, entry.contentHash());
        }
        return new QueryInGallery(index, index >= 0 ? gallery.entries().get(index).category() : entry.category());
    }

    /**
     * A file used as the query: in the gallery when its content hash (hex SHA-256, may be null) is
     * a gallery photo's; its category is that photo's, else the labelled gallery folder it lies under.
     */
    public static QueryInGallery ofFile(IndexedGallery gallery, Path file, String contentHash) {
        int index = indexOfHash(gallery, contentHash);
        String category = index >= 0 ? gallery.entries().get(index).category() : null;
        if (category == null && file != null) {
            category = categoryOfFolder(gallery, file);
        }
        return new QueryInGallery(index, category);
    }

    private static int indexOfHash(IndexedGallery gallery, String contentHash) {
        if (contentHash == null) {
            return -1;
        }
        List<GalleryEntry> entries = gallery.entries();
        for (int i = 0; i < entries.size(); i++) {
            if (contentHash.equalsIgnoreCase(entries.get(i).contentHash())) {
                return i;
            }
        }
        return -1;
    }

    /** The category whose folder (the gallery's first-level subfolder of that name) holds {@code file}. */
    static String categoryOfFolder(IndexedGallery gallery, Path file) {
        Map<Path, String> folders = new HashMap<>();
        for (GalleryEntry entry : gallery.entries()) {
            String category = entry.category();
            if (category == null) {
                continue;
            }
            for (Path folder = entry.path().toAbsolutePath().getParent(); folder != null; folder = folder.getParent()) {
                Path name = folder.getFileName();
                if (name != null && name.toString().equals(category)) {
                    folders.putIfAbsent(folder.normalize(), category);
                    break;
                }
            }
        }
        for (Path folder = file.toAbsolutePath().normalize().getParent(); folder != null; folder = folder.getParent()) {
            String category = folders.get(folder);
            if (category != null) {
                return category;
            }
        }
        return null;
    }

    public boolean inGallery() {
        return selfIndex >= 0;
    }

    /**
     * {@code ranking} (closest first, ranks from 1) without the query itself, ranks renumbered;
     * the same list when the query is not in the gallery. Reads only as far as the caller does.
     */
    public List<IndexedGallery.Hit> leaveOut(List<IndexedGallery.Hit> ranking) {
        if (!inGallery()) {
            return ranking;
        }
        return new LeftOut(ranking, selfIndex);
    }

    /** Whether {@code hit} is a wrong result: the query's category is known and the hit's differs. */
    public boolean isWrong(IndexedGallery.Hit hit) {
        return category != null && hit.index() != selfIndex && !category.equals(hit.entry().category());
    }

    /**
     * P@5 of the query as {@code eval} scores it, from {@code rankingWithoutSelf} (see
     * {@link #leaveOut}); empty when the category is unknown or no other gallery photo has it.
     */
    public OptionalDouble precisionAt5(IndexedGallery gallery, List<IndexedGallery.Hit> rankingWithoutSelf) {
        if (category == null) {
            return OptionalDouble.empty();
        }
        int others = 0;
        List<GalleryEntry> entries = gallery.entries();
        for (int i = 0; i < entries.size(); i++) {
            if (i != selfIndex && category.equals(entries.get(i).category())) {
                others++;
            }
        }
        if (others == 0) {
            return OptionalDouble.empty();
        }
        int k = PrecisionAtK.CHALLENGE_K;
        List<String> labels = new ArrayList<>(k);
        for (int i = 0; i < Math.min(k, rankingWithoutSelf.size()); i++) {
            labels.add(rankingWithoutSelf.get(i).entry().category());
        }
        return OptionalDouble.of(PrecisionAtK.precision(category, labels, others, k));
    }

    /** A ranking with one index skipped, read lazily. */
    private static final class LeftOut extends java.util.AbstractList<IndexedGallery.Hit> implements java.util.RandomAccess {
        private final List<IndexedGallery.Hit> ranking;
        private final int skipped;
        /** Position of the skipped hit in {@code ranking}, found as it is passed; -1 until then. */
        private int skippedAt = -1;
        private int scanned;

        LeftOut(List<IndexedGallery.Hit> ranking, int skipped) {
            this.ranking = Objects.requireNonNull(ranking);
            this.skipped = skipped;
        }

        @Override
        public IndexedGallery.Hit get(int i) {
            Objects.checkIndex(i, size());
            int position = i;
            while (skippedAt < 0 && scanned <= position) {
                if (ranking.get(scanned).index() == skipped) {
                    skippedAt = scanned;
                }
                scanned++;
            }
            if (skippedAt >= 0 && position >= skippedAt) {
                position++;
            }
            IndexedGallery.Hit hit = ranking.get(position);
            return new IndexedGallery.Hit(i + 1, hit.entry(), hit.index(), hit.distance());
        }

        @Override
        public int size() {
            boolean present = skipped < ranking.size(); // every index of the gallery is ranked
            return present ? ranking.size() - 1 : ranking.size();
        }
    }
}
