package org.visualsearch.core.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.sqlite.SQLiteConfig;

/**
 * The tables of the gallery database, the connection settings, and the upgrades from older
 * versions. See {@link GalleryDatabase} for why these settings.
 */
final class Schema {

    /** Version of the schema written by this code, kept in {@code PRAGMA user_version}. */
    static final int VERSION = 2;

    /** Folder kind: a folder the user added. */
    static final int KIND_USER = 0;
    /**
     * Folder kind: an ad-hoc folder indexed for {@code index}/{@code eval}/{@code query --gallery}
     * that only uses the database as an embedding cache.
     */
    static final int KIND_ADHOC = 1;

    private static final int BUSY_TIMEOUT_MS = 10_000;

    /** Version 1, as first released; a new database is created as version 1 and then upgraded. */
    private static final String[] SCHEMA_V1 = {
        // kind: KIND_USER or KIND_ADHOC.
        """
        CREATE TABLE folder (
          id INTEGER PRIMARY KEY,
          path TEXT NOT NULL UNIQUE,
          kind INTEGER NOT NULL,
          added_at INTEGER NOT NULL)""",
        """
        CREATE TABLE file (
          id INTEGER PRIMARY KEY,
          folder_id INTEGER NOT NULL REFERENCES folder(id) ON DELETE CASCADE,
          path TEXT NOT NULL,
          category TEXT,
          size INTEGER NOT NULL,
          mtime INTEGER NOT NULL,
          hash TEXT NOT NULL,
          UNIQUE (folder_id, path))""",
        "CREATE INDEX file_hash ON file(hash)",
        """
        CREATE TABLE model (
          id TEXT PRIMARY KEY,
          name TEXT NOT NULL,
          dimension INTEGER NOT NULL) WITHOUT ROWID""",
        """
        CREATE TABLE embedding (
          hash TEXT NOT NULL,
          model_id TEXT NOT NULL REFERENCES model(id),
          dimension INTEGER NOT NULL,
          vector BLOB NOT NULL,
          PRIMARY KEY (hash, model_id)) WITHOUT ROWID""",
        """
        CREATE TABLE thumbnail (
          hash TEXT PRIMARY KEY,
          jpeg BLOB NOT NULL) WITHOUT ROWID""",
        """
        CREATE TABLE problem (
          folder_id INTEGER NOT NULL REFERENCES folder(id) ON DELETE CASCADE,
          path TEXT NOT NULL,
          reason TEXT NOT NULL,
          found_at INTEGER NOT NULL,
          size INTEGER NOT NULL,
          mtime INTEGER NOT NULL,
          PRIMARY KEY (folder_id, path))""",
    };

    /**
     * Version 1 to 2: problems per model. {@code model_id} NULL is a file-level problem (the file
     * cannot be read or decoded: true for every model); else only that model failed on the file.
     * A file may now have several problem rows (one per failing model), which the primary key of
     * version 1 forbids and ALTER TABLE cannot change, so the table is rebuilt with its rows (the
     * usual SQLite recipe; the table is small). Version 1 recorded model failures as plain rows
     * with the reason "model NAME failed: ..."; those are given to the model of that name, or
     * dropped (found again on that model's next run) when no single model has that name, so they
     * do not keep other models from indexing the file.
     */
    private static final String[] UPGRADE_TO_V2 = {
        """
        CREATE TABLE problem_v2 (
          folder_id INTEGER NOT NULL REFERENCES folder(id) ON DELETE CASCADE,
          path TEXT NOT NULL,
          reason TEXT NOT NULL,
          found_at INTEGER NOT NULL,
          size INTEGER NOT NULL,
          mtime INTEGER NOT NULL,
          model_id TEXT)""",
        "INSERT INTO problem_v2(folder_id, path, reason, found_at, size, mtime) "
                + "SELECT folder_id, path, reason, found_at, size, mtime FROM problem",
        "DROP TABLE problem",
        "ALTER TABLE problem_v2 RENAME TO problem",
        "CREATE UNIQUE INDEX problem_key ON problem(folder_id, path, ifnull(model_id, ''))",
        """
        UPDATE problem SET model_id = (SELECT m.id FROM model m WHERE substr(problem.reason, 1, length(m.name) + 15)
            = 'model ' || m.name || ' failed: ')
        WHERE (SELECT count(*) FROM model m WHERE substr(problem.reason, 1, length(m.name) + 15)
            = 'model ' || m.name || ' failed: ') = 1""",
        "DELETE FROM problem WHERE model_id IS NULL AND substr(reason, 1, 6) = 'model ' AND instr(reason, ' failed: ') > 0",
    };

    private Schema() {
    }

    /** A connection with the settings every connection to the database uses. */
    static Connection connect(Path file) throws SQLException {
        SqliteNativeLibrary.useCachedCopy();
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        config.enforceForeignKeys(true);
        config.setTempStore(SQLiteConfig.TempStore.MEMORY);
        return DriverManager.getConnection("jdbc:sqlite:" + file, config.toProperties());
    }

    /** A connection that only reads: no journal mode is set, nothing is created. */
    static Connection connectReadOnly(Path file) throws SQLException {
        SqliteNativeLibrary.useCachedCopy();
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        config.enforceForeignKeys(true);
        config.setTempStore(SQLiteConfig.TempStore.MEMORY);
        config.setOpenMode(org.sqlite.SQLiteOpenMode.OPEN_URI);
        // immutable: a WAL database in a folder that cannot be written has no -shm file to share,
        // and SQLite refuses to read it unless told that nobody writes it meanwhile.
        return DriverManager.getConnection("jdbc:sqlite:" + file.toUri() + "?immutable=1", config.toProperties());
    }

    /** Refuses to read a database whose schema is not this version's (it cannot be upgraded read-only). */
    static void checkReadable(Connection c, Path file) throws SQLException {
        int version = userVersion(c);
        if (version != VERSION) {
            throw new StoreException("the gallery database " + file + " has schema version " + version + ", not this "
                    + "app's " + VERSION + ", and cannot be " + (version < VERSION ? "upgraded" : "read")
                    + " while it is read-only");
        }
    }

    /**
     * Creates or upgrades the schema to {@link #VERSION}.
     *
     * @throws StoreException when the file was written by a newer version of the app
     */
    static void migrate(Connection c, Path file) throws SQLException {
        int version = userVersion(c);
        if (version > VERSION) {
            throw new StoreException("the gallery database " + file + " has schema version " + version
                    + ", newer than this app's " + VERSION + "; use a newer app or another data folder");
        }
        if (version == VERSION) {
            markAsOurs(c);
            return;
        }
        // Version 0 is a new (or empty) file: created as version 1, then upgraded like an old
        // file, so new and upgraded databases have the same schema. All steps and the version bump
        // commit together, so a crash here leaves the file as it was (recreated or upgraded on the
        // next open).
        StoreConnections.inTransaction(c, tx -> {
            // Re-check inside the write transaction: another process may have upgraded it meanwhile.
            int now = userVersion(tx);
            if (now > VERSION) {
                throw new StoreException("the gallery database " + file + " was just upgraded to schema version "
                        + now + ", newer than this app's " + VERSION);
            }
            try (Statement s = tx.createStatement()) {
                if (now < 1) {
                    run(s, SCHEMA_V1);
                }
                if (now < 2) {
                    run(s, UPGRADE_TO_V2);
                }
                if (now < VERSION) {
                    s.executeUpdate("PRAGMA user_version = " + VERSION);
                }
                s.executeUpdate("PRAGMA application_id = " + DatabaseIdentity.APPLICATION_ID);
            }
            return null;
        });
    }

    /** Stamps a gallery database from before the application id with it (so it is recognised by id). */
    private static void markAsOurs(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA application_id")) {
            if (rs.next() && rs.getInt(1) == DatabaseIdentity.APPLICATION_ID) {
                return;
            }
        }
        try (Statement s = c.createStatement()) {
            s.executeUpdate("PRAGMA application_id = " + DatabaseIdentity.APPLICATION_ID);
        }
    }

    private static int userVersion(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA user_version")) {
            return rs.getInt(1);
        }
    }

    private static void run(Statement s, String[] statements) throws SQLException {
        for (String sql : statements) {
            s.executeUpdate(sql);
        }
    }
}
