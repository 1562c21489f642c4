package org.visualsearch.core.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.visualsearch.core.common.PathText;
import org.visualsearch.core.model.ModelInfo;
import org.visualsearch.core.search.GalleryEntry;
import org.visualsearch.core.search.IndexedGallery;
import org.visualsearch.core.search.VectorIndex;

/** Reads a gallery ready to search: entries of some folders with their vectors of one model. */
final class GalleryLoader {
    private final StoreConnections db;

    GalleryLoader(StoreConnections db) {
        this.db = db;
    }

    private record GalleryRow(String path, String category, String hash, int vectorRow) {
    }

    /**
     * The entries of the folders matching {@code folderCondition} (SQL on folder {@code d}, with
     * {@code parameter} as its one parameter when not null) that have a vector for {@code model},
     * sorted by path.
     */
    IndexedGallery load(ModelInfo model, String folderCondition, String parameter) {
        return db.read(c -> {
            StoreReads.checkModel(c, model);
            int dim = model.dimension();
            // Two sequential scans joined in memory: a JOIN would look every vector up by hash
            // in random order, which measured ~4x slower at 100,000 entries.
            Map<String, Integer> rowOfHash = new HashMap<>();
            float[] vectors = new float[1024 * dim];
            int stored = 0;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT hash, vector FROM embedding WHERE model_id = ? AND dimension = ?")) {
                ps.setString(1, model.id());
                ps.setInt(2, dim);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        byte[] blob = rs.getBytes(2);
                        if (blob.length != dim * Float.BYTES) {
                            continue; // cannot happen through the store; never mix lengths
                        }
                        if ((stored + 1) * dim > vectors.length) {
                            vectors = Arrays.copyOf(vectors, vectors.length * 2);
                        }
                        VectorBlobs.decodeInto(blob, vectors, stored * dim);
                        rowOfHash.put(rs.getString(1), stored++);
                    }
                }
            }
            List<GalleryRow> rows = new ArrayList<>(stored);
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT f.path, f.category, f.hash FROM file f JOIN folder d ON d.id = f.folder_id "
                            + "WHERE " + folderCondition)) {
                if (parameter != null) {
                    ps.setString(1, parameter);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String hash = rs.getString(3);
                        Integer row = rowOfHash.get(hash);
                        if (row != null) { // else not embedded by this model yet
                            rows.add(new GalleryRow(rs.getString(1), rs.getString(2), hash, row));
                        }
                    }
                }
            }
            // Sorted here rather than by ORDER BY: SQLite's sort of 100,000 paths took ~3x longer.
            rows.sort(Comparator.comparing(GalleryRow::path));
            int n = rows.size();
            List<GalleryEntry> entries = new ArrayList<>(n);
            float[] data = new float[n * dim];
            for (int i = 0; i < n; i++) {
                GalleryRow r = rows.get(i);
                System.arraycopy(vectors, r.vectorRow() * dim, data, i * dim, dim);
                entries.add(new GalleryEntry(PathText.parse(r.path()), r.category(), r.hash()));
            }
            return new IndexedGallery(model, entries, VectorIndex.wrap(dim, data));
        });
    }
}
