package org.visualsearch.core.store;

import static org.visualsearch.core.store.Schema.KIND_ADHOC;
import static org.visualsearch.core.store.Schema.KIND_USER;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.visualsearch.core.common.PathText;

/** The folder table: the user's folders, and the ad-hoc folders the indexer caches. */
final class FolderRows {
    private final StoreConnections db;

    FolderRows(StoreConnections db) {
        this.db = db;
    }

    /** See {@link GalleryDatabase#addFolder}; {@code path} is normalised. */
    Path add(Path path) {
        return db.write(c -> {
            Path real = realPath(path);
            for (Path existing : userFolderPaths(c)) {
                if (existing.equals(path)) {
                    continue;
                }
                if (path.startsWith(existing) || existing.startsWith(path)) {
                    throw new IllegalArgumentException(path + " overlaps the folder already added " + existing);
                }
                // The same photos through a symbolic link would be indexed (and found) twice.
                Path existingReal = realPath(existing);
                if (real.equals(existingReal)) {
                    throw new IllegalArgumentException(path + " is the folder already added " + existing
                            + " (reached through a symbolic link)");
                }
                if (real.startsWith(existingReal) || existingReal.startsWith(real)) {
                    throw new IllegalArgumentException(path + " overlaps the folder already added " + existing
                            + " (through a symbolic link: " + real + " and " + existingReal + ")");
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO folder(path, kind, added_at) VALUES (?, ?, ?) "
                            + "ON CONFLICT(path) DO UPDATE SET kind = " + KIND_USER + ", added_at = "
                            + "CASE WHEN kind = " + KIND_USER + " THEN added_at ELSE excluded.added_at END")) {
                ps.setString(1, path.toString());
                ps.setInt(2, KIND_USER);
                ps.setLong(3, System.currentTimeMillis());
                ps.executeUpdate();
            }
            return path;
        });
    }

    /** See {@link GalleryDatabase#removeFolder}; {@code path} is normalised. */
    boolean remove(Path path) {
        return db.write(c -> {
            int removed;
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM folder WHERE path = ? AND kind = " + KIND_USER)) {
                ps.setString(1, path.toString());
                removed = ps.executeUpdate();
            }
            if (removed > 0) {
                IndexWriter.deleteUnreferenced(c);
            }
            return removed > 0;
        });
    }

    /** The user's folders, sorted by path. */
    List<Folder> list() {
        return db.read(c -> {
            List<Folder> folders = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT d.path, d.added_at, (SELECT count(*) FROM file f WHERE f.folder_id = d.id) "
                            + "FROM folder d WHERE d.kind = " + KIND_USER + " ORDER BY d.path")) {
                while (rs.next()) {
                    folders.add(new Folder(PathText.parse(rs.getString(1)), Instant.ofEpochMilli(rs.getLong(2)),
                            rs.getInt(3)));
                }
            }
            return folders;
        });
    }

    boolean isUserFolder(Path path) {
        return db.read(c -> userFolderPaths(c).contains(path));
    }

    /** See {@link GalleryDatabase#folderIdForIndexing}; {@code path} is normalised. */
    long idForIndexing(Path path) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO folder(path, kind, added_at) VALUES (?, ?, ?) ON CONFLICT(path) DO NOTHING")) {
                ps.setString(1, path.toString());
                ps.setInt(2, KIND_ADHOC);
                ps.setLong(3, System.currentTimeMillis());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM folder WHERE path = ?")) {
                ps.setString(1, path.toString());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    /** The path with every symbolic link resolved, or the path itself when it does not exist (yet). */
    private static Path realPath(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException | SecurityException e) {
            return path;
        }
    }

    private static List<Path> userFolderPaths(Connection c) throws SQLException {
        List<Path> paths = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT path FROM folder WHERE kind = " + KIND_USER)) {
            while (rs.next()) {
                paths.add(PathText.parse(rs.getString(1)));
            }
        }
        return paths;
    }
}
