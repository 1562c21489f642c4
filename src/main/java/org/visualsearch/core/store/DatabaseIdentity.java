package org.visualsearch.core.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.sqlite.SQLiteConfig;

/**
 * Tells, before anything is written, whether an existing file is this app's gallery database:
 * opening another program's SQLite file the usual way would switch it to WAL and add tables to
 * it. Ours carry {@link #APPLICATION_ID} ({@code PRAGMA application_id}); older ones (id 0) are
 * recognised by their tables.
 */
final class DatabaseIdentity {
    /** "VSS1", this app's SQLite application id. */
    static final int APPLICATION_ID = 0x56535331;
    private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    private DatabaseIdentity() {
    }

    /**
     * Checks {@code file} if it exists and is not empty.
     *
     * @throws DamagedDatabaseException when it is not a database or a malformed one
     * @throws StoreException when it is another program's database (left untouched)
     */
    static void check(Path file) {
        try {
            if (!Files.isRegularFile(file) || Files.size(file) == 0) {
                return;
            }
        } catch (IOException e) {
            return; // opening it names the cause
        }
        byte[] header;
        try (InputStream in = Files.newInputStream(file)) {
            header = in.readNBytes(SQLITE_HEADER.length);
        } catch (IOException e) {
            return;
        }
        if (!Arrays.equals(header, SQLITE_HEADER)) {
            throw new DamagedDatabaseException(file, "it does not start like an SQLite database", null);
        }
        SqliteNativeLibrary.useCachedCopy();
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file, config.toProperties());
             Statement s = c.createStatement()) {
            int applicationId = intPragma(s, "application_id");
            if (applicationId == APPLICATION_ID) {
                return;
            }
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            int version = intPragma(s, "user_version");
            boolean ours = applicationId == 0 && (tables.isEmpty()
                    || (version >= 1 && tables.containsAll(List.of("folder", "file", "model", "embedding"))));
            if (!ours) {
                throw new StoreException(file + " is not this app's gallery database but another program's SQLite file"
                        + (applicationId != 0 ? String.format(Locale.ROOT, " (application id 0x%08x)", applicationId) : "")
                        + " with tables " + String.join(", ", tables.subList(0, Math.min(6, tables.size())))
                        + (tables.size() > 6 ? ", ..." : "") + "; it was left untouched: move it, or choose another data "
                        + "folder (--data or VSS_DATA)");
            }
        } catch (SQLException e) {
            if (isDamage(e)) {
                throw new DamagedDatabaseException(file, e.getMessage(), e);
            }
            // another cause (busy, permissions): the normal open reports it
        }
    }

    static boolean isDamage(SQLException e) {
        String m = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        return m.contains("malformed") || m.contains("not a database") || m.contains("sqlite_corrupt")
                || m.contains("sqlite_notadb");
    }

    private static int intPragma(Statement s, String pragma) throws SQLException {
        try (ResultSet rs = s.executeQuery("PRAGMA " + pragma)) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }
}
