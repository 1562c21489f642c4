package org.visualsearch.core.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.sqlite.SQLiteConfig;
import org.visualsearch.core.model.ModelInfo;
import org.visualsearch.core.search.GalleryEntry;
import org.visualsearch.core.search.IndexedGallery;
import org.visualsearch.core.search.VectorIndex;

/**
 * The persistent gallery: the user's folders, one entry per photo file, embeddings per
 * (content hash, model id), one thumbnail per content hash, and the problems met while indexing.
 * The same content under two paths is two entries but one embedding and one thumbnail.
 *
 * <h2>Storage choice and settings</h2>
 * SQLite (xerial sqlite-jdbc), one file {@value #FILE_NAME} in the data folder, because its
 * transactions are atomic across a process kill or power cut, it needs no server, and one file
 * is easy to back up or delete.
 * <ul>
 *   <li>{@code journal_mode=WAL}: a commit appends to the write-ahead log, so a crash mid-write
 *       never damages committed pages (an incomplete WAL frame is ignored on the next open), and
 *       readers (the UI loading thumbnails) never block the indexer's writes or the other way
 *       round.</li>
 *   <li>{@code synchronous=FULL}: in WAL mode this fsyncs the log at every commit, so a commit
 *       that returned survives a power cut, not only a process kill (NORMAL survives kills but may
 *       lose the last commits on power loss). The cost is one fsync per commit; the indexer
 *       commits in batches (every few dozen photos or about a second), so that is noise next to
 *       embedding, and user actions (add/remove folder) are durable the moment they return.</li>
 *   <li>{@code busy_timeout=10 s}: the app and a CLI run on the same database wait for each
 *       other's short write transactions instead of failing with SQLITE_BUSY.</li>
 *   <li>{@code foreign_keys=ON}: removing a folder removes its entries and problems.</li>
 *   <li>Schema version in {@code PRAGMA user_version}; a database from a newer version of the
 *       app is refused rather than misread.</li>
 * </ul>
 *
 * <h2>Threads</h2>
 * Two connections: one for writes and one for reads, each used under its own lock. Because of
 * WAL, the UI can read (thumbnails, counts, {@link #loadGallery}) while the indexer commits.
 * All methods are thread-safe.
 *
 * <p>Vectors are stored as little-endian float32 BLOBs with their dimension; the model's
 * dimension is also recorded per model id, and a model id never gets vectors of another
 * dimension ({@link ModelMismatchException}).
 */
public final class GalleryDatabase implements AutoCloseable {

    /** Name of the database file inside the data folder. */
    public static final String FILE_NAME = "gallery.db";

    /** Version of the schema written by this code, kept in {@code PRAGMA user_version}. */
    public static final int SCHEMA_VERSION = 2;

    private static final int BUSY_TIMEOUT_MS = 10_000;

    /** Version 1, as first released; a new database is created as version 1 and then upgraded. */
    private static final String[] SCHEMA_V1 = {
        // kind: 0 = a folder the user added, 1 = an ad-hoc folder indexed for `index`/`eval`/`query
        // --gallery` that only uses the database as an embedding cache.
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

    private static final int KIND_USER = 0;
    private static final int KIND_ADHOC = 1;

    private final Path file;
    private final Connection writer;
    private final Connection reader;
    private final Object writeLock = new Object();
    private final Object readLock = new Object();

    private GalleryDatabase(Path file, Connection writer, Connection reader) {
        this.file = file;
        this.writer = writer;
        this.reader = reader;
    }

    /**
     * Opens the database in {@code dataFolder}, creating the folder and the database when absent.
     *
     * @throws StoreException when it cannot be created, is not a gallery database, or was written
     *                        by a newer version
     */
    public static GalleryDatabase open(Path dataFolder) {
        Path file = dataFolder.toAbsolutePath().normalize().resolve(FILE_NAME);
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new StoreException("cannot create the data folder " + file.getParent() + ": " + e, e);
        }
        Connection writer = null;
        Connection reader = null;
        try {
            writer = connect(file);
            migrate(writer, file);
            reader = connect(file);
            return new GalleryDatabase(file, writer, reader);
        } catch (SQLException | RuntimeException e) {
            closeQuietly(reader);
            closeQuietly(writer);
            if (e instanceof StoreException se) {
                throw se;
            }
            throw new StoreException("cannot open the gallery database " + file + ": " + e.getMessage(), e);
        }
    }

    private static Connection connect(Path file) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        config.enforceForeignKeys(true);
        config.setTempStore(SQLiteConfig.TempStore.MEMORY);
        return DriverManager.getConnection("jdbc:sqlite:" + file, config.toProperties());
    }

    private static void migrate(Connection c, Path file) throws SQLException {
        int version;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA user_version")) {
            version = rs.getInt(1);
        }
        if (version > SCHEMA_VERSION) {
            throw new StoreException("the gallery database " + file + " has schema version " + version
                    + ", newer than this app's " + SCHEMA_VERSION + "; use a newer app or another data folder");
        }
        if (version == SCHEMA_VERSION) {
            return;
        }
        // Version 0 is a new (or empty) file: created as version 1, then upgraded like an old
        // file, so new and upgraded databases have the same schema. All steps and the version bump
        // commit together, so a crash here leaves the file as it was (recreated or upgraded on the
        // next open).
        inTransaction(c, () -> {
            // Re-check inside the write transaction: another process may have upgraded it meanwhile.
            try (Statement s = c.createStatement()) {
                int now;
                try (ResultSet rs = s.executeQuery("PRAGMA user_version")) {
                    now = rs.getInt(1);
                }
                if (now > SCHEMA_VERSION) {
                    throw new StoreException("the gallery database " + file + " was just upgraded to schema version "
                            + now + ", newer than this app's " + SCHEMA_VERSION);
                }
                if (now < 1) {
                    run(s, SCHEMA_V1);
                }
                if (now < 2) {
                    run(s, UPGRADE_TO_V2);
                }
                if (now < SCHEMA_VERSION) {
                    s.executeUpdate("PRAGMA user_version = " + SCHEMA_VERSION);
                }
            }
            return null;
        });
    }

    private static void run(Statement s, String[] statements) throws SQLException {
        for (String sql : statements) {
            s.executeUpdate(sql);
        }
    }

    /** The database file. */
    public Path file() {
        return file;
    }

    // ------------------------------------------------------------------------------------------
    // Folders

    /**
     * Adds a folder to the user's gallery (the caller then indexes it). Adding a folder again is a
     * no-op; a folder that was indexed ad hoc becomes a user folder with its entries kept.
     *
     * @return the stored (absolute, normalised) path
     * @throws IllegalArgumentException when it lies inside, or contains, a folder already added
     */
    public Path addFolder(Path folder) {
        Path path = normalize(folder);
        synchronized (writeLock) {
            return inTransaction(() -> {
                for (Path existing : userFolderPaths(writer)) {
                    if (!existing.equals(path) && (path.startsWith(existing) || existing.startsWith(path))) {
                        throw new IllegalArgumentException(path + " overlaps the folder already added " + existing);
                    }
                }
                try (PreparedStatement ps = writer.prepareStatement(
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
    }

    /**
     * Removes a user folder with its entries and problems; embeddings and thumbnails no entry uses
     * any more are deleted too.
     *
     * @return false when the folder was not in the gallery
     */
    public boolean removeFolder(Path folder) {
        Path path = normalize(folder);
        synchronized (writeLock) {
            return inTransaction(() -> {
                int removed;
                try (PreparedStatement ps = writer.prepareStatement(
                        "DELETE FROM folder WHERE path = ? AND kind = " + KIND_USER)) {
                    ps.setString(1, path.toString());
                    removed = ps.executeUpdate();
                }
                if (removed > 0) {
                    deleteUnreferenced();
                }
                return removed > 0;
            });
        }
    }

    /** The user's folders, sorted by path. */
    public List<Folder> listFolders() {
        synchronized (readLock) {
            return query(() -> {
                List<Folder> folders = new ArrayList<>();
                try (Statement s = reader.createStatement(); ResultSet rs = s.executeQuery(
                        "SELECT d.path, d.added_at, (SELECT count(*) FROM file f WHERE f.folder_id = d.id) "
                                + "FROM folder d WHERE d.kind = " + KIND_USER + " ORDER BY d.path")) {
                    while (rs.next()) {
                        folders.add(new Folder(Paths.get(rs.getString(1)), Instant.ofEpochMilli(rs.getLong(2)),
                                rs.getInt(3)));
                    }
                }
                return folders;
            });
        }
    }

    /** Whether {@code folder} is one of the user's folders. */
    public boolean isUserFolder(Path folder) {
        Path path = normalize(folder);
        synchronized (readLock) {
            return query(() -> userFolderPaths(reader).contains(path));
        }
    }

    private static List<Path> userFolderPaths(Connection c) throws SQLException {
        List<Path> paths = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT path FROM folder WHERE kind = " + KIND_USER)) {
            while (rs.next()) {
                paths.add(Paths.get(rs.getString(1)));
            }
        }
        return paths;
    }

    // ------------------------------------------------------------------------------------------
    // Reading the gallery

    /**
     * All entries of the user's folders that have a vector for {@code model}, sorted by path, ready
     * to search. Entries still missing a vector for the model are left out (see {@link #counts}).
     *
     * @throws ModelMismatchException when the model id is stored with another dimension
     */
    public IndexedGallery loadGallery(ModelInfo model) {
        return load(model, "d.kind = " + KIND_USER, null);
    }

    /**
     * Like {@link #loadGallery} for one folder only: a user folder or an ad-hoc folder indexed by
     * the indexer's {@code indexAdHoc}. Empty when the folder is unknown.
     */
    public IndexedGallery loadFolderGallery(Path folder, ModelInfo model) {
        return load(model, "d.path = ?", normalize(folder).toString());
    }

    private record GalleryRow(String path, String category, String hash, int vectorRow) {
    }

    private IndexedGallery load(ModelInfo model, String folderCondition, String parameter) {
        synchronized (readLock) {
            return query(() -> {
                checkModel(reader, model);
                int dim = model.dimension();
                // Two sequential scans joined in memory: a JOIN would look every vector up by hash
                // in random order, which measured ~4x slower at 100,000 entries.
                Map<String, Integer> rowOfHash = new HashMap<>();
                float[] vectors = new float[1024 * dim];
                int stored = 0;
                try (PreparedStatement ps = reader.prepareStatement(
                        "SELECT hash, vector FROM embedding WHERE model_id = ? AND dimension = ?")) {
                    ps.setString(1, model.id());
                    ps.setInt(2, dim);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            byte[] blob = rs.getBytes(2);
                            if (blob.length != dim * Float.BYTES) {
                                continue; // cannot happen through this class; never mix lengths
                            }
                            if ((stored + 1) * dim > vectors.length) {
                                vectors = Arrays.copyOf(vectors, vectors.length * 2);
                            }
                            ByteBuffer.wrap(blob).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer()
                                    .get(vectors, stored * dim, dim);
                            rowOfHash.put(rs.getString(1), stored++);
                        }
                    }
                }
                List<GalleryRow> rows = new ArrayList<>(stored);
                try (PreparedStatement ps = reader.prepareStatement(
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
                rows.sort(java.util.Comparator.comparing(GalleryRow::path));
                int n = rows.size();
                List<GalleryEntry> entries = new ArrayList<>(n);
                float[] data = new float[n * dim];
                for (int i = 0; i < n; i++) {
                    GalleryRow r = rows.get(i);
                    System.arraycopy(vectors, r.vectorRow() * dim, data, i * dim, dim);
                    entries.add(new GalleryEntry(Paths.get(r.path()), r.category(), r.hash()));
                }
                return new IndexedGallery(model, entries, VectorIndex.wrap(dim, data));
            });
        }
    }

    /** The stored vector of a content hash for a model, if any. */
    public Optional<float[]> embedding(String contentHash, ModelInfo model) {
        synchronized (readLock) {
            return query(() -> {
                try (PreparedStatement ps = reader.prepareStatement(
                        "SELECT vector FROM embedding WHERE hash = ? AND model_id = ? AND dimension = ?")) {
                    ps.setString(1, contentHash);
                    ps.setString(2, model.id());
                    ps.setInt(3, model.dimension());
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? Optional.of(decodeVector(rs.getBytes(1))) : Optional.<float[]>empty();
                    }
                }
            });
        }
    }

    /** The JPEG thumbnail of a content hash (long side at most 256 px), if any. */
    public Optional<byte[]> thumbnail(String contentHash) {
        synchronized (readLock) {
            return query(() -> {
                try (PreparedStatement ps = reader.prepareStatement("SELECT jpeg FROM thumbnail WHERE hash = ?")) {
                    ps.setString(1, contentHash);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? Optional.of(rs.getBytes(1)) : Optional.<byte[]>empty();
                    }
                }
            });
        }
    }

    /**
     * All problems of the user's folders, those of every model included, sorted by path (then
     * file-level first, then by model id).
     */
    public List<Problem> problems() {
        return problems("d.kind = " + KIND_USER, null, null);
    }

    /**
     * The problems of the user's folders as {@code model} sees them: file-level problems and the
     * files {@code model} failed on (not those other models failed on), sorted by path.
     */
    public List<Problem> problems(ModelInfo model) {
        return problems("d.kind = " + KIND_USER, null, model.id());
    }

    /** Like {@link #problems(ModelInfo)} for one folder (user or ad hoc). */
    public List<Problem> problems(Path folder, ModelInfo model) {
        return problems("d.path = ?", normalize(folder).toString(), model.id());
    }

    /** SQL condition on problem {@code p}: file-level, or of the model given as the next parameter. */
    private static final String PROBLEM_OF_MODEL = "(p.model_id IS NULL OR p.model_id = ?)";

    private List<Problem> problems(String folderCondition, String parameter, String modelId) {
        synchronized (readLock) {
            return query(() -> {
                List<Problem> problems = new ArrayList<>();
                try (PreparedStatement ps = reader.prepareStatement(
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
                            problems.add(new Problem(Paths.get(rs.getString(1)), rs.getString(2),
                                    Instant.ofEpochMilli(rs.getLong(3)), rs.getString(4)));
                        }
                    }
                }
                return problems;
            });
        }
    }

    /**
     * Entries, entries embedded by {@code model}, and problems of the user's folders as the model
     * sees them (see {@link #problems(ModelInfo)}).
     */
    public GalleryCounts counts(ModelInfo model) {
        synchronized (readLock) {
            return query(() -> {
                int files;
                int embedded;
                int problems;
                try (PreparedStatement ps = reader.prepareStatement(
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
                try (PreparedStatement ps = reader.prepareStatement(
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
    }

    /** Models that have vectors stored, by id. */
    public List<ModelInfo> models() {
        synchronized (readLock) {
            return query(() -> {
                List<ModelInfo> models = new ArrayList<>();
                try (Statement s = reader.createStatement();
                     ResultSet rs = s.executeQuery("SELECT id, name, dimension FROM model ORDER BY id")) {
                    while (rs.next()) {
                        models.add(new ModelInfo(rs.getString(1), rs.getString(2), rs.getInt(3)));
                    }
                }
                return models;
            });
        }
    }

    // ------------------------------------------------------------------------------------------
    // Writing: used by the indexer (core.gallery) and the synthetic generator.

    /**
     * Records a model, or checks a recorded one.
     *
     * @throws ModelMismatchException when the id is stored with another dimension
     */
    public void registerModel(ModelInfo model) {
        synchronized (writeLock) {
            inTransaction(() -> {
                checkModel(writer, model);
                try (PreparedStatement ps = writer.prepareStatement(
                        "INSERT INTO model(id, name, dimension) VALUES (?, ?, ?) ON CONFLICT(id) DO NOTHING")) {
                    ps.setString(1, model.id());
                    ps.setString(2, model.name());
                    ps.setInt(3, model.dimension());
                    ps.executeUpdate();
                }
                return null;
            });
        }
    }

    private static void checkModel(Connection c, ModelInfo model) throws SQLException {
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

    /**
     * The id of the folder row for {@code root}: the user's folder if it is one, else an ad-hoc
     * folder row, created if needed, that caches hashes and embeddings for it.
     */
    public long folderIdForIndexing(Path root) {
        Path path = normalize(root);
        synchronized (writeLock) {
            return inTransaction(() -> {
                try (PreparedStatement ps = writer.prepareStatement(
                        "INSERT INTO folder(path, kind, added_at) VALUES (?, ?, ?) ON CONFLICT(path) DO NOTHING")) {
                    ps.setString(1, path.toString());
                    ps.setInt(2, KIND_ADHOC);
                    ps.setLong(3, System.currentTimeMillis());
                    ps.executeUpdate();
                }
                try (PreparedStatement ps = writer.prepareStatement("SELECT id FROM folder WHERE path = ?")) {
                    ps.setString(1, path.toString());
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        return rs.getLong(1);
                    }
                }
            });
        }
    }

    /** The entries recorded under a folder, by path. */
    public Map<String, StoredFile> storedFiles(long folderId) {
        synchronized (readLock) {
            return query(() -> {
                Map<String, StoredFile> files = new HashMap<>();
                try (PreparedStatement ps = reader.prepareStatement(
                        "SELECT path, size, mtime, hash FROM file WHERE folder_id = ?")) {
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
    }

    /**
     * The problems recorded under a folder, of every model, by path (a path may have a file-level
     * problem and problems of several models).
     */
    public Map<String, List<FileProblem>> storedProblems(long folderId) {
        synchronized (readLock) {
            return query(() -> {
                Map<String, List<FileProblem>> problems = new HashMap<>();
                try (PreparedStatement ps = reader.prepareStatement(
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
    }

    /** Content hashes that have a vector for the model. */
    public Set<String> embeddedHashes(ModelInfo model) {
        return hashes("SELECT hash FROM embedding WHERE model_id = ?", model.id());
    }

    /** Content hashes that have a thumbnail. */
    public Set<String> thumbnailHashes() {
        return hashes("SELECT hash FROM thumbnail", null);
    }

    private Set<String> hashes(String sql, String parameter) {
        synchronized (readLock) {
            return query(() -> {
                Set<String> hashes = new HashSet<>();
                try (PreparedStatement ps = reader.prepareStatement(sql)) {
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
    }

    /**
     * Brings a folder's bookkeeping in line with a fresh scan, in one transaction: removes entries
     * of files no longer found, and replaces the folder's problems, of every model, with
     * {@code keptProblems} (bad files unchanged since they failed, whatever model they failed for)
     * plus {@code scanProblems}.
     */
    public void applyScan(long folderId, Collection<String> vanishedPaths, Collection<FileProblem> keptProblems,
                          Collection<FileProblem> scanProblems) {
        synchronized (writeLock) {
            inTransaction(() -> {
                try (PreparedStatement ps = writer.prepareStatement("DELETE FROM file WHERE folder_id = ? AND path = ?")) {
                    for (String path : vanishedPaths) {
                        ps.setLong(1, folderId);
                        ps.setString(2, path);
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                try (PreparedStatement ps = writer.prepareStatement("DELETE FROM problem WHERE folder_id = ?")) {
                    ps.setLong(1, folderId);
                    ps.executeUpdate();
                }
                List<FileProblem> all = new ArrayList<>(keptProblems);
                all.addAll(scanProblems);
                insertProblems(folderId, all);
                return null;
            });
        }
    }

    /**
     * Writes a batch of indexed photos and problems in one transaction: for each photo its
     * thumbnail and vector (when given) and its entry, so an entry is never visible without the
     * vector it was indexed with; a photo written clears its file-level problem and its problem
     * for {@code model} (other models' problems stay: they are retried only by those models). A
     * file with a new file-level problem loses its old entry; a model-level problem ({@code
     * model}'s, its file among {@code files} without a vector) keeps the entry for the other
     * models.
     *
     * @throws ModelMismatchException when a vector's length is not the model's dimension
     */
    public void commitBatch(long folderId, ModelInfo model, List<IndexedFile> files, List<FileProblem> problems) {
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
        synchronized (writeLock) {
            inTransaction(() -> {
                checkModel(writer, model);
                try (PreparedStatement thumb = writer.prepareStatement(
                             "INSERT INTO thumbnail(hash, jpeg) VALUES (?, ?) ON CONFLICT(hash) DO NOTHING");
                     PreparedStatement emb = writer.prepareStatement(
                             "INSERT INTO embedding(hash, model_id, dimension, vector) VALUES (?, ?, ?, ?) "
                                     + "ON CONFLICT(hash, model_id) DO NOTHING");
                     PreparedStatement entry = writer.prepareStatement(
                             "INSERT INTO file(folder_id, path, category, size, mtime, hash) VALUES (?, ?, ?, ?, ?, ?) "
                                     + "ON CONFLICT(folder_id, path) DO UPDATE SET category = excluded.category, "
                                     + "size = excluded.size, mtime = excluded.mtime, hash = excluded.hash");
                     PreparedStatement clear = writer.prepareStatement(
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
                            emb.setBytes(4, encodeVector(f.vector()));
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
                Set<String> written = new HashSet<>();
                files.forEach(f -> written.add(f.path()));
                try (PreparedStatement ps = writer.prepareStatement("DELETE FROM file WHERE folder_id = ? AND path = ?")) {
                    for (FileProblem p : problems) {
                        if (!p.fileLevel() || written.contains(p.path())) {
                            continue; // a model-level problem never removes the entry
                        }
                        ps.setLong(1, folderId);
                        ps.setString(2, p.path());
                        ps.executeUpdate();
                    }
                }
                insertProblems(folderId, problems);
                return null;
            });
        }
    }

    /** Inserts problems, each replacing the one of the same folder, path and model (or file level). */
    private void insertProblems(long folderId, Collection<FileProblem> problems) throws SQLException {
        long now = System.currentTimeMillis();
        try (PreparedStatement delete = writer.prepareStatement(
                     "DELETE FROM problem WHERE folder_id = ? AND path = ? AND model_id IS ?");
             PreparedStatement insert = writer.prepareStatement(
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

    /**
     * Deletes embeddings and thumbnails that no entry of any folder uses any more.
     *
     * @return rows deleted
     */
    public int purgeUnreferenced() {
        synchronized (writeLock) {
            return inTransaction(this::deleteUnreferenced);
        }
    }

    private int deleteUnreferenced() throws SQLException {
        try (Statement s = writer.createStatement()) {
            int n = s.executeUpdate("DELETE FROM embedding WHERE hash NOT IN (SELECT hash FROM file)");
            n += s.executeUpdate("DELETE FROM thumbnail WHERE hash NOT IN (SELECT hash FROM file)");
            return n;
        }
    }

    /** Runs {@code PRAGMA integrity_check}; "ok" when the file is sound. */
    public String integrityCheck() {
        synchronized (readLock) {
            return query(() -> {
                StringBuilder sb = new StringBuilder();
                try (Statement s = reader.createStatement(); ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
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
    }

    @Override
    public void close() {
        synchronized (writeLock) {
            synchronized (readLock) {
                closeQuietly(reader);
                closeQuietly(writer);
            }
        }
    }

    // ------------------------------------------------------------------------------------------

    /** Little-endian float32, the BLOB layout of stored vectors. */
    public static byte[] encodeVector(float[] vector) {
        ByteBuffer buffer = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(vector);
        return buffer.array();
    }

    static float[] decodeVector(byte[] blob) {
        float[] v = new float[blob.length / Float.BYTES];
        ByteBuffer.wrap(blob).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
        return v;
    }

    /** The form under which folders and files are stored: absolute and normalised. */
    public static Path normalize(Path path) {
        return path.toAbsolutePath().normalize();
    }

    @FunctionalInterface
    private interface SqlWork<T> {
        T run() throws SQLException;
    }

    /**
     * Runs {@code work} in one write transaction on the writer connection (caller holds
     * writeLock). The connection stays in auto-commit mode and the transaction is spelled out, so
     * it takes the write lock up front (IMMEDIATE: busy_timeout applies there, not at commit).
     */
    private <T> T inTransaction(SqlWork<T> work) {
        try {
            return inTransaction(writer, work);
        } catch (SQLException e) {
            throw new StoreException("gallery database " + file + ": " + e.getMessage(), e);
        }
    }

    private static <T> T inTransaction(Connection c, SqlWork<T> work) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
            try {
                T result = work.run();
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

    private <T> T query(SqlWork<T> work) {
        try {
            return work.run();
        } catch (SQLException e) {
            throw new StoreException("gallery database " + file + ": " + e.getMessage(), e);
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
