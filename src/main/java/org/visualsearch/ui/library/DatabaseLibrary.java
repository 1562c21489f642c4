package org.visualsearch.ui.library;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import org.visualsearch.core.gallery.IndexListener;
import org.visualsearch.core.gallery.IndexProgress;
import org.visualsearch.core.gallery.IndexReport;
import org.visualsearch.core.gallery.Indexer;
import org.visualsearch.core.image.ImageLoader;
import org.visualsearch.core.model.ImageEmbedder;
import org.visualsearch.core.model.ModelCatalog;
import org.visualsearch.core.model.ModelDescriptor;
import org.visualsearch.core.sampledb.DownloadReport;
import org.visualsearch.core.sampledb.ImportReport;
import org.visualsearch.core.sampledb.SampleDownloader;
import org.visualsearch.core.sampledb.SampleImporter;
import org.visualsearch.core.sampledb.SampleManifest;
import org.visualsearch.core.search.IndexedGallery;
import org.visualsearch.core.store.GalleryDatabase;
import org.visualsearch.ui.AppServices;
import org.visualsearch.ui.gallery.ProgressSink;
import org.visualsearch.ui.gallery.SampleGallerySource;

/**
 * {@link GalleryLibrary} over the core's gallery database and indexer, for one model. The
 * database is shared by the libraries of all models (switching the model makes a new library on
 * the same database); the embedder is shared with the search, which is safe because embedders
 * serialise their calls ({@code TorchScriptEmbedder.embed} is synchronized, the histogram keeps
 * no state).
 */
public final class DatabaseLibrary implements GalleryLibrary {
    private static final System.Logger LOG = System.getLogger(DatabaseLibrary.class.getName());
    /** At most this many photos between two refreshes of the gallery while indexing. */
    static final int INTERIM_EVERY_PHOTOS = 200;
    /** ...and at most this long, plus 20 times what the last refresh took (a big gallery is refreshed less often). */
    static final long INTERIM_EVERY_NANOS = 3_000_000_000L;

    /** Builds the window's services for a model once its library is ready (the app's bootstrap). */
    @FunctionalInterface
    public interface ServicesFactory {
        AppServices servicesFor(ImageEmbedder embedder, ModelChoice choice) throws Exception;
    }

    /** Where the sample gallery goes and comes from. */
    public record SampleSettings(Path folder, SampleManifest manifest, URI baseUrl) {
    }

    private final GalleryDatabase db;
    private final ModelCatalog catalog;
    private final ImageEmbedder embedder;
    private final ModelChoice current;
    private final SampleSettings sample;
    private final ServicesFactory factory;

    public DatabaseLibrary(GalleryDatabase db, ModelCatalog catalog, ImageEmbedder embedder, ModelChoice current,
                           SampleSettings sample, ServicesFactory factory) {
        this.db = Objects.requireNonNull(db);
        this.catalog = Objects.requireNonNull(catalog);
        this.embedder = Objects.requireNonNull(embedder);
        this.current = Objects.requireNonNull(current);
        this.sample = sample;
        this.factory = Objects.requireNonNull(factory);
    }

    public GalleryDatabase database() {
        return db;
    }

    @Override
    public LibrarySnapshot snapshot() {
        return new LibrarySnapshot(db.loadGallery(embedder.info()), db.listFolders(), db.problems(embedder.info()),
                db.counts(embedder.info()));
    }

    @Override
    public LibrarySnapshot update(ProgressSink progress, Consumer<LibrarySnapshot> interim) throws Exception {
        index(embedder, null, progress, interim);
        return snapshot();
    }

    @Override
    public LibrarySnapshot addFolders(List<Path> folders, ProgressSink progress, Consumer<LibrarySnapshot> interim)
            throws Exception {
        List<Path> added = new ArrayList<>();
        for (Path folder : folders) {
            if (!Files.isDirectory(folder)) {
                throw new IOException(folder + " is not a folder");
            }
            added.add(db.addFolder(folder)); // refuses a folder inside, or around, one already added
        }
        index(embedder, added, progress, interim);
        return snapshot();
    }

    @Override
    public LibrarySnapshot removeFolder(Path folder) {
        if (!db.removeFolder(folder)) {
            throw new IllegalArgumentException(folder + " is not one of the gallery's folders");
        }
        return snapshot();
    }

    @Override
    public List<ModelChoice> models() {
        List<ModelChoice> models = new ArrayList<>();
        for (Path folder : catalog.installed()) {
            models.add(choiceFor(folder));
        }
        models.add(ModelChoice.HISTOGRAM);
        return models;
    }

    /** The chooser entry of a model folder: "Default model" for {@code default}, else the folder's name. */
    public static ModelChoice choiceFor(Path folder) {
        String key = folder.getFileName().toString();
        return new ModelChoice(key, ModelCatalog.DEFAULT.equals(key) ? "Default model" : key);
    }

    /** The descriptor's name of a model folder, or null (for tooltips). */
    static String describe(Path folder) {
        try {
            return ModelDescriptor.resolve(folder).name();
        } catch (Exception e) {
            return null;
        }
    }

    @Override
    public ModelChoice currentModel() {
        return current;
    }

    @Override
    public AppServices switchModel(ModelChoice model, ProgressSink progress) throws Exception {
        progress.progress(-1, -1, "Loading " + model.label() + "…");
        ImageEmbedder next = catalog.open(model.key());
        boolean handedOver = false;
        try {
            index(next, null, progress, null);
            AppServices services = factory.servicesFor(next, model);
            handedOver = true;
            return services;
        } finally {
            if (!handedOver) {
                next.close();
            }
        }
    }

    /** How to get the sample gallery into this database, or null when there is no sample folder. */
    public SampleGallerySource sampleSource() {
        if (sample == null) {
            return null;
        }
        return new SampleGallerySource() {
            @Override
            public IndexedGallery download(ProgressSink progress) throws Exception {
                SampleManifest manifest = sample.manifest();
                SampleDownloader downloader = new SampleDownloader(manifest, SampleDownloader.defaultClient(),
                        sample.baseUrl());
                DownloadReport report = downloader.download(sample.folder(), p -> progress.progress(p.bytesDone(),
                        p.bytesTotal(), "Downloading " + p.describe()), progress::isCancelled);
                if (report.cancelled() || progress.isCancelled()) {
                    throw new CancellationException("cancelled");
                }
                int have = report.downloaded().size() + report.alreadyPresent().size();
                if (!report.failed().isEmpty()) {
                    LOG.log(System.Logger.Level.WARNING, report.failed().size() + " sample photos could not be downloaded, e.g. "
                            + report.failed().get(0).message());
                    if (have > 0) {
                        progress.warn(report.failed().size() + " of " + manifest.size() + " sample photos could not be "
                                + "downloaded (" + report.failed().get(0).message() + "). The other " + have
                                + " are in the gallery; get the sample gallery again to retry.");
                    }
                }
                if (have == 0) {
                    throw new IOException("No sample photo could be downloaded ("
                            + report.failed().get(0).message() + "). If you have the photos, use "
                            + "“Import from a folder…”.");
                }
                return addFolders(List.of(sample.folder()), progress, null).gallery();
            }

            @Override
            public IndexedGallery importFrom(Path folder, ProgressSink progress) throws Exception {
                progress.progress(-1, -1, "Checking the photos in " + folder + "…");
                ImportReport report = new SampleImporter(sample.manifest()).importFrom(folder, sample.folder());
                report.rejected().forEach(r -> LOG.log(System.Logger.Level.WARNING, "sample import: " + r));
                if (!report.rejected().isEmpty()) {
                    progress.warn(report.rejected().size() + " photo" + (report.rejected().size() == 1 ? "" : "s")
                            + " in " + folder + " did not match the manifest and " + (report.rejected().size() == 1
                            ? "was" : "were") + " not imported (" + report.rejected().get(0) + ").");
                }
                if (report.imported().isEmpty() && report.alreadyPresent().isEmpty()) {
                    throw new IOException(folder + " holds none of the sample photos (expected <category>/<file> "
                            + "as listed in the manifest). To search your own photos, use “Add folder…”.");
                }
                return addFolders(List.of(sample.folder()), progress, null).gallery();
            }
        };
    }

    /**
     * Runs the indexer for {@code model} over {@code roots} (null: all folders), with progress,
     * pause and cancel; throws {@link CancellationException} when cancelled (what was committed stays).
     */
    private IndexReport index(ImageEmbedder model, List<Path> roots, ProgressSink progress,
                              Consumer<LibrarySnapshot> interim) {
        Indexer indexer = new Indexer(db, model, new ImageLoader(model.maxSide()), Indexer.DEFAULT_BATCH_SIZE);
        progress.pausable(new ProgressSink.Pausable() {
            @Override
            public void pause() {
                indexer.pause();
            }

            @Override
            public void resume() {
                indexer.resume();
            }
        });
        boolean sameModel = model == embedder;
        IndexListener listener = new IndexListener() {
            private int lastDone;
            private long lastTime = System.nanoTime();
            private long lastCost;

            @Override
            public void onProgress(IndexProgress p) {
                if (progress.isCancelled() || Thread.currentThread().isInterrupted()) {
                    indexer.cancel();
                }
                progress.progress(p.done(), p.total() > 0 ? p.total() : -1, IndexProgressText.describe(p));
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
        IndexReport report = roots == null ? indexer.indexUserFolders(listener) : indexer.index(roots, listener);
        LOG.log(System.Logger.Level.INFO, String.format("indexed with %s: %d found, %d up to date, %d embedded, "
                        + "%d problems, %s%s", model.info().name(), report.found(), report.upToDate(), report.embedded(),
                report.problems().size(), report.elapsed(), report.cancelled() ? " (cancelled)" : ""));
        if (report.cancelled() || progress.isCancelled()) {
            throw new CancellationException("indexing cancelled");
        }
        return report;
    }

    @Override
    public void close() {
        db.close();
    }
}
