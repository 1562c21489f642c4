package org.visualsearch.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import org.visualsearch.core.gallery.IndexListener;
import org.visualsearch.core.gallery.IndexProgress;
import org.visualsearch.core.gallery.IndexReport;
import org.visualsearch.core.search.IndexedGallery;
import org.visualsearch.core.gallery.Indexer;
import org.visualsearch.core.gallery.KnownVectors;
import org.visualsearch.core.gallery.SampleFolderBootstrap;
import org.visualsearch.core.image.ImageLoader;
import org.visualsearch.core.evaluation.GalleryEvaluation;
import org.visualsearch.core.evaluation.GalleryEvaluator;
import org.visualsearch.core.model.ColorHistogramEmbedder;
import org.visualsearch.core.model.ImageEmbedder;
import org.visualsearch.core.model.ModelInfo;
import org.visualsearch.core.model.ModelCatalog;
import org.visualsearch.core.sampledb.DownloadReport;
import org.visualsearch.core.sampledb.ImportReport;
import org.visualsearch.core.store.GalleryDatabase;

/**
 * The open gallery database with the current model: the use-cases the command line and the window
 * share (index, add and remove folders, load the gallery, evaluate, switch the model, get the
 * sample gallery). JavaFX-free.
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
    private static final System.Logger LOG = System.getLogger(GallerySession.class.getName());
    /** At most this many photos between two refreshes of the gallery while indexing. */
    static final int INTERIM_EVERY_PHOTOS = 200;
    /** ...and at most this long, plus 20 times what the last refresh took (a big gallery is refreshed less often). */
    static final long INTERIM_EVERY_NANOS = 3_000_000_000L;

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
    }

    /** The chooser entry of a model key: the baseline, "Default model" for {@code default}, else the folder's name. */
    public static ModelChoice choiceOf(ModelCatalog catalog, String key) {
        if (ModelChoice.HISTOGRAM.key().equalsIgnoreCase(key)) {
            return ModelChoice.HISTOGRAM;
        }
        return choiceFor(catalog.resolve(key));
    }

    /** The chooser entry of a model folder: "Default model" for {@code default}, else the folder's name. */
    public static ModelChoice choiceFor(Path folder) {
        String key = folder.getFileName().toString();
        return new ModelChoice(key, ModelCatalog.DEFAULT.equals(key) ? "Default model" : key);
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
        List<ModelChoice> models = new ArrayList<>();
        for (Path folder : catalog.installed()) {
            models.add(choiceFor(folder));
        }
        models.add(ModelChoice.HISTOGRAM);
        return models;
    }

    // ---- indexing ------------------------------------------------------------------------------

    /**
     * Brings every folder up to date for the current model (new, changed and deleted files;
     * resumes an interrupted run). {@code interim} gets the gallery as it grows, now and then.
     *
     * @throws CancellationException when cancelled (what was committed stays)
     */
    public LibrarySnapshot update(ProgressSink progress, Consumer<LibrarySnapshot> interim) {
        requireFinished(index(embedder, null, progress, interim), progress);
        return snapshot();
    }

    /**
     * Adds folders (recursively) to the database and indexes them.
     *
     * @throws CancellationException when cancelled (the folders stay added, what was committed stays)
     */
    public LibrarySnapshot addFolders(List<Path> folders, ProgressSink progress, Consumer<LibrarySnapshot> interim)
            throws IOException {
        requireFinished(index(embedder, addToDatabase(folders), progress, interim), progress);
        return snapshot();
    }

    /** Adds a folder (recursively) and indexes it; a cancelled run is in the report, not thrown. */
    public IndexReport addFolder(Path folder, ProgressSink progress) throws IOException {
        return index(embedder, addToDatabase(List.of(folder)), progress, null);
    }

    /** Adds a folder to the database without indexing it; returns it as stored. */
    public Path addFolderOnly(Path folder) throws IOException {
        return addToDatabase(List.of(folder)).get(0);
    }

    private List<Path> addToDatabase(List<Path> folders) throws IOException {
        List<Path> added = new ArrayList<>();
        for (Path folder : folders) {
            if (!Files.isDirectory(folder)) {
                throw new IOException(folder + " is not a folder");
            }
            added.add(db.addFolder(folder)); // refuses a folder inside, or around, one already added
        }
        return added;
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
        Indexer indexer = indexer(embedder);
        IndexListener listener = listener(indexer, progress, null, false);
        progress.pausable(pauseControl(indexer));
        if (folder != null) {
            if (!Files.isDirectory(folder)) {
                throw new IOException(Files.exists(folder) ? folder + " is a file, not a folder: pass the folder that holds the photos"
                        : "gallery folder not found: " + folder);
            }
            Indexer.FolderIndexResult result = indexer.indexAdHoc(folder, listener);
            return new LoadedGallery(result.gallery(), result.report(), folder.toString());
        }
        if (sample != null && !db.isReadOnly()) {
            SampleFolderBootstrap.addIfNew(db, db.file().getParent(), sample.folder());
        }
        if (db.listFolders().isEmpty()) {
            throw new NoFoldersException("the gallery database in " + db.file().getParent() + " has no folders: "
                    + "add one with 'add FOLDER', get the sample gallery with 'sample-db import|download', "
                    + "or pass a gallery folder");
        }
        if (db.isReadOnly()) {
            // Nothing can be rescanned or embedded: search what is stored.
            IndexReport none = new IndexReport(0, 0, 0, 0, 0, java.util.List.of(), false, java.time.Duration.ZERO);
            return new LoadedGallery(db.loadGallery(embedder.info()), none, "database " + db.file() + " (read-only)");
        }
        IndexReport report = indexer.indexUserFolders(listener);
        return new LoadedGallery(db.loadGallery(embedder.info()), report, "database " + db.file());
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
        progress.progress(-1, -1, "Loading " + model.label() + "…");
        ImageEmbedder next = catalog.open(model.key());
        boolean handedOver = false;
        try {
            requireFinished(index(next, null, progress, null), progress);
            GallerySession session = new GallerySession(db, catalog, next, model, sample, lastModel);
            if (lastModel != null) {
                lastModel.remember(model);
            }
            handedOver = true;
            return session;
        } finally {
            if (!handedOver) {
                next.close();
            }
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
        progress.progress(-1, -1, "Loading " + model.label() + "…");
        try (ImageEmbedder other = catalog.open(model.key())) {
            requireFinished(index(other, null, progress, null), progress);
            return db.loadGallery(other.info());
        }
    }

    // ---- the sample gallery --------------------------------------------------------------------

    /** Downloads the sample photos (SHA-256 checked), adds their folder and indexes it. */
    public LibrarySnapshot downloadSample(ProgressSink progress) throws IOException {
        SampleGallery sampleGallery = requireSample();
        int total = sampleGallery.manifest().size();
        DownloadReport report = sampleGallery.download(p -> progress.progress(p.bytesDone(), p.bytesTotal(),
                "Downloading " + p.describe()), progress::isCancelled);
        if (report.cancelled() || progress.isCancelled()) {
            throw new CancellationException("cancelled");
        }
        int have = report.downloaded().size() + report.alreadyPresent().size();
        if (!report.failed().isEmpty()) {
            LOG.log(System.Logger.Level.WARNING, report.failed().size()
                    + " sample photos could not be downloaded, e.g. " + report.failed().get(0).message());
            if (have > 0) {
                progress.warn(report.failed().size() + " of " + total + " sample photos could not be "
                        + "downloaded (" + report.failed().get(0).message() + "). The other " + have
                        + " are in the gallery; get the sample gallery again to retry.");
            }
        }
        if (have == 0) {
            throw new IOException("No sample photo could be downloaded ("
                    + report.failed().get(0).message() + "). If you have the photos, use "
                    + "“Import from a folder…”.");
        }
        return addFolders(List.of(sampleGallery.folder()), progress, null);
    }

    /** Imports the sample photos from a local folder (SHA-256 checked), adds their folder and indexes it. */
    public LibrarySnapshot importSample(Path folder, ProgressSink progress) throws IOException {
        SampleGallery sampleGallery = requireSample();
        progress.progress(-1, -1, "Checking the photos in " + folder + "…");
        ImportReport report = sampleGallery.importFrom(folder);
        report.rejected().forEach(r -> LOG.log(System.Logger.Level.WARNING, "sample import: " + r));
        int rejected = report.rejected().size();
        if (rejected > 0) {
            progress.warn(rejected + " photo" + (rejected == 1 ? "" : "s") + " in " + folder
                    + " did not match the manifest and " + (rejected == 1 ? "was" : "were")
                    + " not imported (" + report.rejected().get(0) + ").");
        }
        if (report.imported().isEmpty() && report.alreadyPresent().isEmpty()) {
            throw new IOException(folder + " holds none of the sample photos (expected <category>/<file> "
                    + "as listed in the manifest). To search your own photos, use “Add folder…”.");
        }
        return addFolders(List.of(sampleGallery.folder()), progress, null);
    }

    private SampleGallery requireSample() {
        if (sample == null) {
            throw new IllegalStateException("this gallery has no sample gallery folder");
        }
        return sample;
    }

    // ---- the indexer ---------------------------------------------------------------------------

    private Indexer indexer(ImageEmbedder model) {
        return new Indexer(db, model, new ImageLoader(model.maxSide()), Indexer.DEFAULT_BATCH_SIZE)
                .reusing(sample == null ? KnownVectors.NONE : sample.knownVectors(model.info()));
    }

    /** Runs the indexer for {@code model} over {@code roots} (null: all folders), with progress, pause and cancel. */
    private IndexReport index(ImageEmbedder model, List<Path> roots, ProgressSink progress,
                              Consumer<LibrarySnapshot> interim) {
        Indexer indexer = indexer(model);
        progress.pausable(pauseControl(indexer));
        IndexListener listener = listener(indexer, progress, interim, model == embedder);
        IndexReport report = roots == null ? indexer.indexUserFolders(listener) : indexer.index(roots, listener);
        LOG.log(System.Logger.Level.INFO, String.format("indexed with %s: %d found, %d up to date, %d embedded, "
                        + "%d problems, %.1f s%s", model.info().name(), report.found(), report.upToDate(), report.embedded(),
                report.problems().size(), report.elapsed().toMillis() / 1000.0, report.cancelled() ? " (cancelled)" : ""));
        return report;
    }

    private static void requireFinished(IndexReport report, ProgressSink progress) {
        if (report.cancelled() || progress.isCancelled()) {
            throw new CancellationException("indexing cancelled");
        }
    }

    private static ProgressSink.Pausable pauseControl(Indexer indexer) {
        return new ProgressSink.Pausable() {
            @Override
            public void pause() {
                indexer.pause();
            }

            @Override
            public void resume() {
                indexer.resume();
            }
        };
    }

    /** Forwards progress, cancels the indexer when the sink is cancelled, and publishes interim snapshots. */
    private IndexListener listener(Indexer indexer, ProgressSink progress, Consumer<LibrarySnapshot> interim,
                                   boolean sameModel) {
        return new IndexListener() {
            private int lastDone;
            private long lastTime = System.nanoTime();
            private long lastCost;

            @Override
            public void onProgress(IndexProgress p) {
                if (progress.isCancelled() || Thread.currentThread().isInterrupted()) {
                    indexer.cancel();
                }
                progress.indexing(p);
                if (interim != null && sameModel && p.state() == IndexProgress.State.INDEXING && p.done() > lastDone) {
                    long now = System.nanoTime();
                    // the first photos show soon (an empty window is the worst case), then every few seconds
                    long gap = lastDone == 0 ? INTERIM_EVERY_NANOS / 3 : INTERIM_EVERY_NANOS + 20 * lastCost;
                    if (p.done() - lastDone >= INTERIM_EVERY_PHOTOS || now - lastTime >= gap) {
                        lastDone = p.done();
                        interim.accept(snapshot());
                        lastTime = System.nanoTime();
                        lastCost = lastTime - now;
                    }
                }
            }
        };
    }

    /** Closes the database shared by this session and the ones switched from it; call once, at the end. */
    @Override
    public void close() {
        db.close();
    }
}
