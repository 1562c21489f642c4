package org.visualsearch.core.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The database's two connections, one for writes and one for reads, each used under its own
 * lock: with WAL, readers (the UI loading thumbnails) never wait for the indexer's commits. Every
 * read and every write transaction of the store goes through {@link #read} or {@link #write},
 * which also turn SQL errors into a {@link StoreException} naming the file.
 */
final class StoreConnections implements AutoCloseable {

    /** Work on a connection. */
    @FunctionalInterface
    interface SqlWork<T> {
        T run(Connection c) throws SQLException;
    }

    private final Path file;
    private final Connection writer;
    private final Connection reader;
    private final Object writeLock = new Object();
    private final Object readLock = new Object();

    /** Why writes are refused, or null when the database can be written. */
    private final String readOnlyReason;

    private StoreConnections(Path file, Connection writer, Connection reader, String readOnlyReason) {
        this.file = file;
        this.writer = writer;
        this.reader = reader;
        this.readOnlyReason = readOnlyReason;
    }

    /**
     * Connects to {@code file} for reading only (its folder or itself cannot be written): nothing
     * is created or upgraded, and every write fails with {@code reason}.
     */
    static StoreConnections openReadOnly(Path file, String reason) throws SQLException {
        Connection reader = Schema.connectReadOnly(file);
        try {
            Schema.checkReadable(reader, file);
            return new StoreConnections(file, reader, reader, reason);
        } catch (SQLException | RuntimeException e) {
            closeQuietly(reader);
            throw e;
        }
    }

    /** Why writes are refused, or null. */
    String readOnlyReason() {
        return readOnlyReason;
    }

    /** Connects to {@code file}, creating or upgrading its schema first. */
    static StoreConnections open(Path file) throws SQLException {
        Connection writer = null;
        Connection reader = null;
        try {
            writer = Schema.connect(file);
            Schema.migrate(writer, file);
            reader = Schema.connect(file);
            return new StoreConnections(file, writer, reader, null);
        } catch (SQLException | RuntimeException e) {
            closeQuietly(reader);
            closeQuietly(writer);
            throw e;
        }
    }

    Path file() {
        return file;
    }

    /** Runs {@code work} on the reader connection. */
    <T> T read(SqlWork<T> work) {
        synchronized (readLock) {
            try {
                return work.run(reader);
            } catch (SQLException e) {
                throw failure(e);
            }
        }
    }

    /** Runs {@code work} in one write transaction on the writer connection. */
    <T> T write(SqlWork<T> work) {
        if (readOnlyReason != null) {
            throw new StoreException("the gallery database " + file + " is open read-only: " + readOnlyReason);
        }
        synchronized (writeLock) {
            try {
                return inTransaction(writer, work);
            } catch (SQLException e) {
                throw failure(e);
            }
        }
    }

    /**
     * Runs {@code work} in one transaction on {@code c}, rolled back if it throws. The connection
     * stays in auto-commit mode and the transaction is spelled out, so it takes the write lock up
     * front (IMMEDIATE: busy_timeout applies there, not at commit).
     */
    static <T> T inTransaction(Connection c, SqlWork<T> work) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
            try {
                T result = work.run(c);
                s.execute("COMMIT");
                return result;
            } catch (SQLException | RuntimeException e) {
                try {
                    s.execute("ROLLBACK");
                } catch (SQLException suppressed) {
                    e.addSuppressed(suppressed);
                }
                throw e;
            }
        }
    }

    private StoreException failure(SQLException e) {
        return new StoreException("gallery database " + file + ": " + e.getMessage(), e);
    }

    @Override
    public void close() {
        synchronized (writeLock) {
            synchronized (readLock) {
                closeQuietly(reader);
                if (writer != reader) {
                    closeQuietly(writer);
                }
            }
        }
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing anyway
            }
        }
    }
}
