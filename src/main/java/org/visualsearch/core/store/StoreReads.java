package org.visualsearch.core.store;

import static org.visualsearch.core.store.Schema.KIND_USER;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.visualsearch.core.common.PathText;
import org.visualsearch.core.model.ModelInfo;

/** The store's queries other than loading a gallery: vectors, thumbnails, problems, counts, models. */
final class StoreReads {

    /** SQL condition on problem {@code p}: file-level, or of the model given as the next parameter. */
    private static final String PROBLEM_OF_MODEL = "(p.model_id IS NULL OR p.model_id = ?)";

    private final StoreConnections db;

    StoreReads(StoreConnections db) {
        this.db = db;
    }

    Optional<float[]> embedding(String contentHash, ModelInfo model) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT vector FROM embedding WHERE hash = ? AND model_id = ? AND dimension = ?")) {
                ps.setString(1, contentHash);
                ps.setString(2, model.id());
                ps.setInt(3, model.dimension());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(VectorBlobs.decode(rs.getBytes(1))) : Optional.<float[]>empty();
                }
            }
        });
    }

    Optional<byte[]> thumbnail(String contentHash) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT jpeg FROM thumbnail WHERE hash = ?")) {
                ps.setString(1, contentHash);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getBytes(1)) : Optional.<byte[]>empty();
                }
            }
        });
    }

    /**
     * Problems of the folders matching {@code folderCondition} (SQL on folder {@code d}, with
     * {@code parameter} when not null), of every model when {@code modelId} is null, else as that
     * model sees them; sorted by path, file-level first, then by model id.
     */
    List<Problem> problems(String folderCondition, String parameter, String modelId) {
        return db.read(c -> {
            List<Problem> problems = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT p.path, p.reason, p.found_at, p.model_id FROM problem p "
                            + "JOIN folder d ON d.id = p.folder_id WHERE " + folderCondition
                            + (modelId == null ? "" : " AND " + PROBLEM_OF_MODEL)
                            + " ORDER BY p.path, ifnull(p.model_id, '')")) {
                int i = 1;
                if (parameter != null) {
                    ps.setString(i++, parameter);
                }
                if (modelId != null) {
                    ps.setString(i, modelId);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        problems.add(new Problem(PathText.parse(rs.getString(1)), rs.getString(2),
                                Instant.ofEpochMilli(rs.getLong(3)), rs.getString(4)));
                    }
                }
            }
            return problems;
        });
    }

    GalleryCounts counts(ModelInfo model) {
        return db.read(c -> {
            int files;
            int embedded;
            int problems;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT count(*), count(e.hash) FROM file f JOIN folder d ON d.id = f.folder_id "
                            + "LEFT JOIN embedding e ON e.hash = f.hash AND e.model_id = ? AND e.dimension = ? "
                            + "WHERE d.kind = " + KIND_USER)) {
                ps.setString(1, model.id());
                ps.setInt(2, model.dimension());
                try (ResultSet rs = ps.executeQuery()) {
                    files = rs.getInt(1);
                    embedded = rs.getInt(2);
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT count(*) FROM problem p JOIN folder d ON d.id = p.folder_id WHERE d.kind = "
                            + KIND_USER + " AND " + PROBLEM_OF_MODEL)) {
                ps.setString(1, model.id());
                try (ResultSet rs = ps.executeQuery()) {
                    problems = rs.getInt(1);
                }
            }
            return new GalleryCounts(files, embedded, problems);
        });
    }

    List<ModelInfo> models() {
        return db.read(c -> {
            List<ModelInfo> models = new ArrayList<>();
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT id, name, dimension FROM model ORDER BY id")) {
                while (rs.next()) {
                    models.add(new ModelInfo(rs.getString(1), rs.getString(2), rs.getInt(3)));
                }
            }
            return models;
        });
    }

    Map<String, StoredFile> storedFiles(long folderId) {
        return db.read(c -> {
            Map<String, StoredFile> files = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT path, size, mtime, hash FROM file WHERE folder_id = ?")) {
                ps.setLong(1, folderId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        files.put(rs.getString(1),
                                new StoredFile(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getString(4)));
                    }
                }
            }
            return files;
        });
    }

    Map<String, List<FileProblem>> storedProblems(long folderId) {
        return db.read(c -> {
            Map<String, List<FileProblem>> problems = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT path, reason, size, mtime, model_id FROM problem WHERE folder_id = ?")) {
                ps.setLong(1, folderId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        problems.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new FileProblem(
                                rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getString(5)));
                    }
                }
            }
            return problems;
        });
    }

    /** The first column of {@code sql} as a set; {@code parameter}, when not null, is its one parameter. */
    Set<String> hashes(String sql, String parameter) {
        return db.read(c -> {
            Set<String> hashes = new HashSet<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                if (parameter != null) {
                    ps.setString(1, parameter);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        hashes.add(rs.getString(1));
                    }
                }
            }
            return hashes;
        });
    }

    String integrityCheck() {
        return db.read(c -> {
            StringBuilder sb = new StringBuilder();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
                while (rs.next()) {
                    if (!sb.isEmpty()) {
                        sb.append('\n');
                    }
                    sb.append(rs.getString(1));
                }
            }
            return sb.toString();
        });
    }

    /**
     * Checks that a recorded model has {@code model}'s dimension.
     *
     * @throws ModelMismatchException when the id is stored with another dimension
     */
    static void checkModel(Connection c, ModelInfo model) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT dimension FROM model WHERE id = ?")) {
            ps.setString(1, model.id());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next() && rs.getInt(1) != model.dimension()) {
                    throw new ModelMismatchException("model " + model.id() + " is stored with dimension "
                            + rs.getInt(1) + " but now has " + model.dimension()
                            + "; a changed model needs a new id, vectors of different lengths are never mixed");
                }
            }
        }
    }
}
