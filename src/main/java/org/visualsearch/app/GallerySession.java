package org.visualsearch.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import org.visualsearch.core.evaluation.GalleryEvaluation;
import org.visualsearch.core.evaluation.GalleryEvaluator;
import org.visualsearch.core.gallery.EarlyPhotos;
import org.visualsearch.core.gallery.IndexReport;
import org.visualsearch.core.model.ColorHistogramEmbedder;
import org.visualsearch.core.model.ImageEmbedder;
import org.visualsearch.core.model.ModelCatalog;
import org.visualsearch.core.model.ModelInfo;
import org.visualsearch.core.search.IndexedGallery;
import org.visualsearch.core.store.FolderRemovedException;
import org.visualsearch.core.store.GalleryDatabase;

/**
 * The open gallery database with the current model: the use-cases the command line and the window
 * share (index, add and remove folders, load the gallery, evaluate, switch the model, get the
 * sample gallery). JavaFX-free. The work itself is done by its collaborators: {@link FolderIndexing}
 * (folders and the indexer), {@link ModelSwitching} (other models) and {@link SampleGalleryJobs}
 * (the sample photos); training is {@link HeadTraining}.
 *
 * <p>The database is shared by the sessions of all models (switching the model makes a new
 * session on the same database); the embedder is shared with whoever searches with it, which is
 * safe because embedders serialise their calls. Neither is closed here except by {@link #close()},
 * which closes the database, once, when the last user is done (the embedder is its opener's to close).
 *
 * <p>Work methods may take a while; run them off any UI thread, one at a time. They report through
 * a {@link ProgressSink}, offer Pause/Resume, and stop early when it is cancelled, keeping what they
 * committed.
 */
public final class GallerySession implements AutoCloseable {
    /** The database has no folders to load a gallery from. */
    public static final class NoFoldersException extends IllegalStateException {
        NoFoldersException(String message) {
            super(message);
        }
    }

    /** A gallery loaded for a model, the indexing run that brought it up to date, and what it is (for reports). */
    public record LoadedGallery(IndexedGallery gallery, IndexReport report, String description) {
    }

    private final GalleryDatabase db;
    private final ModelCatalog catalog;
    private final ImageEmbedder embedder;
    private final ModelChoice current;
    private final SampleGallery sample;
    private final LastModel lastModel;
    private final FolderIndexing indexing;
    private final ModelSwitching models;
    private final SampleGalleryJobs sampleJobs;
    /** Photos of the next ad-hoc folder, prepared while the model loaded (used once). */
    private EarlyPhotos early = EarlyPhotos.NONE;

    /**
     * @param sample    where the sample gallery goes and comes from, or null when there is none
     * @param lastModel where a switch of the model is remembered, or null (the command line)
     */
    public GallerySession(GalleryDatabase db, ModelCatalog catalog, ImageEmbedder embedder, ModelChoice current,
                          SampleGallery sample, LastModel lastModel) {
        this.db = Objects.requireNonNull(db);
        this.catalog = Objects.requireNonNull(catalog);
        this.embedder = Objects.requireNonNull(embedder);
        this.current = Objects.requireNonNull(current);
        this.sample = sample;
        this.lastModel = lastModel;
        this.indexing = new FolderIndexing(db, sample);
        this.models = new ModelSwitching(db, catalog, indexing);
        this.sampleJobs = new SampleGalleryJobs(sample);
    }

    /** The chooser entry of a model key: the baseline, "Default model" for {@code default}, else the folder's name. */
    public static ModelChoice choiceOf(ModelCatalog catalog, String key) {
        return ModelSwitching.choiceOf(catalog, key);
    }

    /** The chooser entry of a model folder: "Default model" for {@code default}, else the folder's name. */
    public static ModelChoice choiceFor(Path folder) {
        return ModelSwitching.choiceFor(folder);
    }

    /** Training heads on this session's catalog, with features cached in its database. */
    public HeadTraining training() {
        return new HeadTraining(catalog, db);
    }

    public ImageEmbedder embedder() {
        return embedder;
    }

    /** The model this session searches with. */
    public ModelChoice currentModel() {
        return current;
    }

    /** The database file (for reports). */
    public Path databaseFile() {
        return db.file();
    }

    /** Thumbnails from the database's small JPEGs, else decoded from the photo. */
    public ThumbnailSource thumbnails() {
        return new StoreThumbnails(db);
    }

    /** Where the sample gallery goes and comes from, if there is one. */
    public Optional<SampleGallery> sampleGallery() {
        return Optional.ofNullable(sample);
    }

    /** What is in the database now for the current model. */
    public LibrarySnapshot snapshot() {
        return new LibrarySnapshot(db.loadGallery(embedder.info()), db.listFolders(), db.problems(embedder.info()),
                db.counts(embedder.info()));
    }

    /** The models installed under the models folder, then the colour-histogram baseline. */
    public List<ModelChoice> models() {
        return models.models();
    }

    // ---- folders and indexing ------------------------------------------------------------------

    /**
     * Brings every folder up to date for the current model (new, changed and deleted files;
     * resumes an interrupted run). {@code interim} gets the gallery as it grows, now and then.
     *
     * @throws CancellationException when cancelled (what was committed stays)
     */
    public LibrarySnapshot update(ProgressSink progress, Consumer<LibrarySnapshot> interim) {
        FolderIndexing.requireFinished(indexing.index(embedder, null, progress, interim, this::snapshot), progress);
        return snapshot();
    }

    /**
     * Adds folders (recursively) to the database and indexes them.
     *
     * @throws CancellationException when cancelled (the folders stay added, what was committed stays)
     */
    public LibrarySnapshot addFolders(List<Path> folders, ProgressSink progress, Consumer<LibrarySnapshot> interim)
            throws IOException {
        List<Path> added = indexing.addToDatabase(folders);
        FolderIndexing.requireFinished(indexing.index(embedder, added, progress, interim, this::snapshot), progress);
        requireStillAdded(added);
        return snapshot();
    }

    /** Adds a folder (recursively) and indexes it; a cancelled run is in the report, not thrown. */
    public IndexReport addFolder(Path folder, ProgressSink progress) throws IOException {
        List<Path> added = indexing.addToDatabase(List.of(folder));
        IndexReport report = indexing.index(embedder, added, progress, null, null);
        requireStillAdded(added);
        return report;
    }

    /** A folder removed (by another window or command) before its scan was indexed as a cache only. */
    private void requireStillAdded(List<Path> folders) {
        for (Path folder : folders) {
            if (!db.isUserFolder(folder)) {
                throw new FolderRemovedException(folder);
            }
        }
    }

    /** Adds a folder to the database without indexing it; returns it as stored. */
    public Path addFolderOnly(Path folder) throws IOException {
        return indexing.addToDatabase(List.of(folder)).get(0);
    }

    /** Removes a folder and its entries from the database (the photos stay on disk). */
    public LibrarySnapshot removeFolder(Path folder) {
        if (!db.removeFolder(folder)) {
            throw new IllegalArgumentException(folder + " is not one of the gallery's folders");
        }
        return snapshot();
    }

    /**
     * Brings a gallery up to date for the current model and loads it: one folder (indexed into the
     * database's embedding cache without joining the user's folders) or, for {@code null}, the
     * database's folders (the sample folder joins a new database first). Nothing already embedded
     * is embedded again; a cancelled run is in the report.
     *
     * @throws NoFoldersException when the database has no folders
     */
    public LoadedGallery loadGallery(Path folder, ProgressSink progress) throws IOException {
        EarlyPhotos ahead = early;
        early = EarlyPhotos.NONE;
        return indexing.loadGallery(embedder, folder, sample, progress, folder != null ? ahead : EarlyPhotos.NONE);
    }

    /**
     * Starts preparing the first photos of {@code folder} for {@code model} (a name or path, as
     * {@link ModelCatalog#open} takes it) on a thread of its own, to be called just before the
     * model is loaded: the second core decodes while the engine starts. Hand the result to
     * {@link #preparedEarly}. Nothing is started for the histogram, a trained head, a model whose
     * descriptor does not resolve (its load says why) or a read-only database.
     */
    public static EarlyPhotos prepareWhileModelLoads(GalleryDatabase db, ModelCatalog catalog, String model,
                                                     Path folder) {
        return FolderIndexing.prepareEarly(db, catalog, model, folder);
    }

    /** Photos prepared by {@link #prepareWhileModelLoads}, for the next {@link #loadGallery} of their folder. */
    public GallerySession preparedEarly(EarlyPhotos photos) {
        this.early = Objects.requireNonNull(photos);
        return this;
    }

    /**
     * The challenge's score of a labelled gallery, leave-one-out: every photo queries the others
     * (k=5), with each query's top-5, the per-category means and the confusion matrix.
     */
    public static GalleryEvaluation evaluate(IndexedGallery gallery) {
        return GalleryEvaluator.evaluate(gallery);
    }

    /**
     * The user's folders as the colour-histogram baseline embedded them, when it has embedded
     * any (for its score beside a model's); nothing is embedded here.
     */
    public Optional<IndexedGallery> baselineGallery() {
        ModelInfo histogram = new ColorHistogramEmbedder().info();
        if (db.models().stream().noneMatch(m -> m.id().equals(histogram.id()))) {
            return Optional.empty();
        }
        return Optional.of(db.loadGallery(histogram));
    }

    // ---- models --------------------------------------------------------------------------------

    /**
     * Opens another model and embeds what it is missing (the other model's vectors stay), then
     * returns the session for it, on the same database. Cancelled: throws
     * {@link CancellationException} and the current session stays as it is.
     */
    public GallerySession switchModel(ModelChoice model, ProgressSink progress) throws Exception {
        ImageEmbedder next = models.openIndexed(model, progress);
        try {
            GallerySession session = new GallerySession(db, catalog, next, model, sample, lastModel);
            if (lastModel != null) {
                lastModel.remember(model);
            }
            return session;
        } catch (RuntimeException | Error e) {
            next.close(); // not handed over
            throw e;
        }
    }

    /**
     * The gallery as {@code model} has embedded it, embedding what it is missing first (kept, as a
     * switch would), without switching to it: for comparing two models. Cancelled: throws
     * {@link CancellationException}; what was embedded stays.
     */
    public IndexedGallery galleryFor(ModelChoice model, ProgressSink progress) throws Exception {
        if (model.equals(current)) {
            return db.loadGallery(embedder.info());
        }
        return models.galleryFor(model, progress);
    }

    // ---- the sample gallery --------------------------------------------------------------------

    /** Downloads the sample photos (SHA-256 checked), adds their folder and indexes it. */
    public LibrarySnapshot downloadSample(ProgressSink progress) throws IOException {
        return addFolders(List.of(sampleJobs.download(progress)), progress, null);
    }

    /** Imports the sample photos from a local folder (SHA-256 checked), adds their folder and indexes it. */
    public LibrarySnapshot importSample(Path folder, ProgressSink progress) throws IOException {
        return addFolders(List.of(sampleJobs.importFrom(folder, progress)), progress, null);
    }

    /** Closes the database shared by this session and the ones switched from it; call once, at the end. */
    @Override
    public void close() {
        db.close();
    }
}
