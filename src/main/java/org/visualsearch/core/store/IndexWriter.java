package org.visualsearch.core.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.visualsearch.core.model.ModelInfo;

/** The indexer's writes: models, scan results, batches of indexed photos, and clean-up. */
final class IndexWriter {
    private final StoreConnections db;

    IndexWriter(StoreConnections db) {
        this.db = db;
    }

    void registerModel(ModelInfo model) {
        db.write(c -> {
            StoreReads.checkModel(c, model);
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO model(id, name, dimension) VALUES (?, ?, ?) ON CONFLICT(id) DO NOTHING")) {
                ps.setString(1, model.id());
                ps.setString(2, model.name());
                ps.setInt(3, model.dimension());
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** See {@link GalleryDatabase#applyScan}. */
    void applyScan(long folderId, Collection<String> vanishedPaths, Collection<FileProblem> keptProblems,
                   Collection<FileProblem> scanProblems) {
        db.write(c -> {
            requireFolder(c, folderId);
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM file WHERE folder_id = ? AND path = ?")) {
                for (String path : vanishedPaths) {
                    ps.setLong(1, folderId);
                    ps.setString(2, path);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM problem WHERE folder_id = ?")) {
                ps.setLong(1, folderId);
                ps.executeUpdate();
            }
            List<FileProblem> all = new ArrayList<>(keptProblems);
            all.addAll(scanProblems);
            insertProblems(c, folderId, all);
            return null;
        });
    }

    /** See {@link GalleryDatabase#commitBatch}. */
    void commitBatch(long folderId, ModelInfo model, List<IndexedFile> files, List<FileProblem> problems) {
        for (FileProblem p : problems) {
            if (!p.fileLevel() && !p.modelId().equals(model.id())) {
                throw new IllegalArgumentException("a problem of model " + p.modelId() + " committed for " + model.id());
            }
        }
        for (IndexedFile f : files) {
            if (f.vector() != null && f.vector().length != model.dimension()) {
                throw new ModelMismatchException("vector of " + f.path() + " has dimension " + f.vector().length
                        + " but model " + model.id() + " has " + model.dimension());
            }
        }
        db.write(c -> {
            StoreReads.checkModel(c, model);
            requireFolder(c, folderId);
            writeFiles(c, folderId, model, files);
            Set<String> written = new HashSet<>();
            files.forEach(f -> written.add(f.path()));
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM file WHERE folder_id = ? AND path = ?")) {
                for (FileProblem p : problems) {
                    if (!p.fileLevel() || written.contains(p.path())) {
                        continue; // a model-level problem never removes the entry
                    }
                    ps.setLong(1, folderId);
                    ps.setString(2, p.path());
                    ps.executeUpdate();
                }
            }
            insertProblems(c, folderId, problems);
            return null;
        });
    }

    /** Stores a thumbnail made after indexing (kept if one is already there). */
    void storeThumbnail(String hash, byte[] jpeg) {
        db.write(c -> {
            try (PreparedStatement thumb = c.prepareStatement(
                    "INSERT INTO thumbnail(hash, jpeg) VALUES (?, ?) ON CONFLICT(hash) DO NOTHING")) {
                thumb.setString(1, hash);
                thumb.setBytes(2, jpeg);
                thumb.executeUpdate();
            }
            return null;
        });
    }

    /**
     * Fails when the folder's row is gone: removed since the run looked it up. Checked inside
     * the write transaction, so no removal can slip in between.
     */
    private static void requireFolder(Connection c, long folderId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM folder WHERE id = ?")) {
            ps.setLong(1, folderId);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new FolderRemovedException();
                }
            }
        }
    }

    /** For each photo its thumbnail and vector (when given), its entry, and clearing its problems. */
    private static void writeFiles(Connection c, long folderId, ModelInfo model, List<IndexedFile> files)
            throws SQLException {
        try (PreparedStatement thumb = c.prepareStatement(
                     "INSERT INTO thumbnail(hash, jpeg) VALUES (?, ?) ON CONFLICT(hash) DO NOTHING");
             PreparedStatement emb = c.prepareStatement(
                     "INSERT INTO embedding(hash, model_id, dimension, vector) VALUES (?, ?, ?, ?) "
                             + "ON CONFLICT(hash, model_id) DO NOTHING");
             PreparedStatement entry = c.prepareStatement(
                     "INSERT INTO file(folder_id, path, category, size, mtime, hash) VALUES (?, ?, ?, ?, ?, ?) "
                             + "ON CONFLICT(folder_id, path) DO UPDATE SET category = excluded.category, "
                             + "size = excluded.size, mtime = excluded.mtime, hash = excluded.hash");
             PreparedStatement clear = c.prepareStatement(
                     "DELETE FROM problem WHERE folder_id = ? AND path = ? "
                             + "AND (model_id IS NULL OR model_id = ?)")) {
            for (IndexedFile f : files) {
                if (f.thumbnailJpeg() != null) {
                    thumb.setString(1, f.contentHash());
                    thumb.setBytes(2, f.thumbnailJpeg());
                    thumb.executeUpdate();
                }
                if (f.vector() != null) {
                    emb.setString(1, f.contentHash());
                    emb.setString(2, model.id());
                    emb.setInt(3, model.dimension());
                    emb.setBytes(4, VectorBlobs.encode(f.vector()));
                    emb.executeUpdate();
                }
                entry.setLong(1, folderId);
                entry.setString(2, f.path());
                entry.setString(3, f.category());
                entry.setLong(4, f.size());
                entry.setLong(5, f.modifiedMillis());
                entry.setString(6, f.contentHash());
                entry.executeUpdate();
                clear.setLong(1, folderId);
                clear.setString(2, f.path());
                clear.setString(3, model.id());
                clear.executeUpdate();
            }
        }
    }

    /** Inserts problems, each replacing the one of the same folder, path and model (or file level). */
    private static void insertProblems(Connection c, long folderId, Collection<FileProblem> problems)
            throws SQLException {
        long now = System.currentTimeMillis();
        try (PreparedStatement delete = c.prepareStatement(
                     "DELETE FROM problem WHERE folder_id = ? AND path = ? AND model_id IS ?");
             PreparedStatement insert = c.prepareStatement(
                     "INSERT INTO problem(folder_id, path, reason, found_at, size, mtime, model_id) "
                             + "VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (FileProblem p : problems) {
                delete.setLong(1, folderId);
                delete.setString(2, p.path());
                delete.setString(3, p.modelId());
                delete.executeUpdate();
                insert.setLong(1, folderId);
                insert.setString(2, p.path());
                insert.setString(3, p.reason());
                insert.setLong(4, now);
                insert.setLong(5, p.size());
                insert.setLong(6, p.modifiedMillis());
                insert.setString(7, p.modelId());
                insert.executeUpdate();
            }
        }
    }

    int purgeUnreferenced() {
        return db.write(IndexWriter::deleteUnreferenced);
    }

    /** Deletes embeddings and thumbnails no entry uses, in the caller's transaction. */
    static int deleteUnreferenced(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            int n = s.executeUpdate("DELETE FROM embedding WHERE hash NOT IN (SELECT hash FROM file)");
            n += s.executeUpdate("DELETE FROM thumbnail WHERE hash NOT IN (SELECT hash FROM file)");
            return n;
        }
    }
}
