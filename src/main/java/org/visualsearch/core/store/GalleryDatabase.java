package org.visualsearch.core.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.visualsearch.core.model.ModelInfo;
import org.visualsearch.core.search.IndexedGallery;

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
 *
 * <h2>Inside</h2>
 * This class is the facade; {@link Schema} holds the tables, settings and upgrades,
 * {@link StoreConnections} the two connections with the one read and one write wrapper,
 * {@link FolderRows} the folders, {@link GalleryLoader} and {@link StoreReads} the queries,
 * {@link IndexWriter} the indexer's writes and {@link VectorBlobs} the vector layout.
 */
public final class GalleryDatabase implements AutoCloseable {

    /** Name of the database file inside the data folder. */
    public static final String FILE_NAME = "gallery.db";

    /** Version of the schema written by this code, kept in {@code PRAGMA user_version}. */
    public static final int SCHEMA_VERSION = Schema.VERSION;

    private final StoreConnections connections;
    private final FolderRows folders;
    private final GalleryLoader loader;
    private final StoreReads reads;
    private final IndexWriter writer;

    private GalleryDatabase(StoreConnections connections) {
        this.connections = connections;
        this.folders = new FolderRows(connections);
        this.loader = new GalleryLoader(connections);
        this.reads = new StoreReads(connections);
        this.writer = new IndexWriter(connections);
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
        DatabaseIdentity.check(file); // before WAL or a schema touches another program's file
        String readOnly = readOnlyReason(file);
        try {
            return new GalleryDatabase(readOnly != null ? StoreConnections.openReadOnly(file, readOnly)
                    : StoreConnections.open(file));
        } catch (StoreException e) {
            throw e;
        } catch (SQLException e) {
            if (DatabaseIdentity.isDamage(e)) {
                throw new DamagedDatabaseException(file, e.getMessage(), e);
            }
            throw new StoreException("cannot open the gallery database " + file + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new StoreException("cannot open the gallery database " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Why an existing database can only be read (its file or its folder cannot be written), or
     * null. SQLite in WAL mode writes beside the file, so a read-only folder would refuse even a read.
     */
    private static String readOnlyReason(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        if (!Files.isWritable(file.getParent())) {
            return "the data folder " + file.getParent() + " cannot be written (permission denied or a read-only"
                    + " disk); listing and searching work, adding, removing and indexing do not";
        }
        if (!Files.isWritable(file)) {
            return "the file cannot be written (permission denied); listing and searching work, adding, removing"
                    + " and indexing do not";
        }
        return null;
    }

    /** Whether the database was opened for reading only (see {@link #readOnlyReason()}). */
    public boolean isReadOnly() {
        return connections.readOnlyReason() != null;
    }

    /** Why it is read-only, or null. */
    public String readOnlyReason() {
        return connections.readOnlyReason();
    }

    /** The database file. */
    public Path file() {
        return connections.file();
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
        return folders.add(normalize(folder));
    }

    /**
     * Removes a user folder with its entries and problems; embeddings and thumbnails no entry uses
     * any more are deleted too.
     *
     * @return false when the folder was not in the gallery
     */
    public boolean removeFolder(Path folder) {
        return folders.remove(normalize(folder));
    }

    /** The user's folders, sorted by path. */
    public List<Folder> listFolders() {
        return folders.list();
    }

    /** Whether {@code folder} is one of the user's folders. */
    public boolean isUserFolder(Path folder) {
        return folders.isUserFolder(normalize(folder));
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
        return loader.load(model, "d.kind = " + Schema.KIND_USER, null);
    }

    /**
     * Like {@link #loadGallery} for one folder only: a user folder or an ad-hoc folder indexed by
     * the indexer's {@code indexAdHoc}. Empty when the folder is unknown.
     */
    public IndexedGallery loadFolderGallery(Path folder, ModelInfo model) {
        return loader.load(model, "d.path = ?", normalize(folder).toString());
    }

    /** The stored vector of a content hash for a model, if any. */
    public Optional<float[]> embedding(String contentHash, ModelInfo model) {
        return reads.embedding(contentHash, model);
    }

    /** The JPEG thumbnail of a content hash (long side at most 256 px), if any. */
    public Optional<byte[]> thumbnail(String contentHash) {
        return reads.thumbnail(contentHash);
    }

    /**
     * All problems of the user's folders, those of every model included, sorted by path (then
     * file-level first, then by model id).
     */
    public List<Problem> problems() {
        return reads.problems("d.kind = " + Schema.KIND_USER, null, null);
    }

    /**
     * The problems of the user's folders as {@code model} sees them: file-level problems and the
     * files {@code model} failed on (not those other models failed on), sorted by path.
     */
    public List<Problem> problems(ModelInfo model) {
        return reads.problems("d.kind = " + Schema.KIND_USER, null, model.id());
    }

    /** Like {@link #problems(ModelInfo)} for one folder (user or ad hoc). */
    public List<Problem> problems(Path folder, ModelInfo model) {
        return reads.problems("d.path = ?", normalize(folder).toString(), model.id());
    }

    /**
     * Entries, entries embedded by {@code model}, and problems of the user's folders as the model
     * sees them (see {@link #problems(ModelInfo)}).
     */
    public GalleryCounts counts(ModelInfo model) {
        return reads.counts(model);
    }

    /** Models that have vectors stored, by id. */
    public List<ModelInfo> models() {
        return reads.models();
    }

    // ------------------------------------------------------------------------------------------
    // Indexing: used by the indexer (core.gallery) and the synthetic generator.

    /**
     * Records a model, or checks a recorded one.
     *
     * @throws ModelMismatchException when the id is stored with another dimension
     */
    public void registerModel(ModelInfo model) {
        writer.registerModel(model);
    }

    /**
     * The id of the folder row for {@code root}: the user's folder if it is one, else an ad-hoc
     * folder row, created if needed, that caches hashes and embeddings for it.
     */
    public long folderIdForIndexing(Path root) {
        return folders.idForIndexing(normalize(root));
    }

    /** The entries recorded under a folder, by path. */
    public Map<String, StoredFile> storedFiles(long folderId) {
        return reads.storedFiles(folderId);
    }

    /**
     * The problems recorded under a folder, of every model, by path (a path may have a file-level
     * problem and problems of several models).
     */
    public Map<String, List<FileProblem>> storedProblems(long folderId) {
        return reads.storedProblems(folderId);
    }

    /** Content hashes that have a vector for the model. */
    public Set<String> embeddedHashes(ModelInfo model) {
        return embeddedHashes(model.id());
    }

    /** Content hashes that have a vector for the model of this id. */
    public Set<String> embeddedHashes(String modelId) {
        return reads.hashes("SELECT hash FROM embedding WHERE model_id = ?", modelId);
    }

    /** Content hashes that have a thumbnail. */
    public Set<String> thumbnailHashes() {
        return reads.hashes("SELECT hash FROM thumbnail", null);
    }

    /**
     * Brings a folder's bookkeeping in line with a fresh scan, in one transaction: removes entries
     * of files no longer found, and replaces the folder's problems, of every model, with
     * {@code keptProblems} (bad files unchanged since they failed, whatever model they failed for)
     * plus {@code scanProblems}.
     */
    public void applyScan(long folderId, Collection<String> vanishedPaths, Collection<FileProblem> keptProblems,
                          Collection<FileProblem> scanProblems) {
        writer.applyScan(folderId, vanishedPaths, keptProblems, scanProblems);
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
        writer.commitBatch(folderId, model, files, problems);
    }

    /**
     * Stores the thumbnail of a content hash that was indexed without one (the sample gallery's
     * photos get their shipped vectors and their thumbnails when first shown); an existing one stays.
     */
    public void storeThumbnail(String contentHash, byte[] jpeg) {
        writer.storeThumbnail(contentHash, jpeg);
    }

    /**
     * Deletes embeddings and thumbnails that no entry of any folder uses any more.
     *
     * @return rows deleted
     */
    public int purgeUnreferenced() {
        return writer.purgeUnreferenced();
    }

    /** Runs {@code PRAGMA integrity_check}; "ok" when the file is sound. */
    public String integrityCheck() {
        return reads.integrityCheck();
    }

    @Override
    public void close() {
        connections.close();
    }

    /** Where {@link #moveAside} keeps a damaged database: {@code gallery.db.damaged-<date and time>}. */
    static Path damagedName(Path file) {
        String stamp = java.time.LocalDateTime.now().format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmmss"));
        return file.resolveSibling(file.getFileName() + ".damaged-" + stamp);
    }

    /**
     * Keeps a damaged database (and its -wal, -shm files) aside as {@code gallery.db.damaged-<date>}
     * so that the next {@link #open} starts fresh; nothing is deleted.
     *
     * @return where the database now is
     */
    public static Path moveAside(Path dataFolder) throws IOException {
        Path file = dataFolder.toAbsolutePath().normalize().resolve(FILE_NAME);
        Path target = damagedName(file);
        for (String suffix : new String[] {"-wal", "-shm"}) {
            Path side = file.resolveSibling(FILE_NAME + suffix);
            if (Files.exists(side)) {
                Files.move(side, target.resolveSibling(target.getFileName() + suffix));
            }
        }
        Files.move(file, target);
        return target;
    }

    /** The form under which folders and files are stored: absolute and normalised. */
    public static Path normalize(Path path) {
        return path.toAbsolutePath().normalize();
    }
}
