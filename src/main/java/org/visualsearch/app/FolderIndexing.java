package org.visualsearch.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.visualsearch.core.gallery.EarlyPhotos;
import org.visualsearch.core.gallery.IndexListener;
import org.visualsearch.core.gallery.IndexProgress;
import org.visualsearch.core.gallery.IndexReport;
import org.visualsearch.core.gallery.Indexer;
import org.visualsearch.core.gallery.KnownVectors;
import org.visualsearch.core.gallery.SampleFolderBootstrap;
import org.visualsearch.core.image.ImageLoader;
import org.visualsearch.core.model.EmbeddingException;
import org.visualsearch.core.model.ImageEmbedder;
import org.visualsearch.core.model.ModelCatalog;
import org.visualsearch.core.model.ModelDescriptor;
import org.visualsearch.core.store.GalleryDatabase;

/**
 * The folder jobs of a {@link GallerySession}: adding folders to the database and running the
 * indexer over them for a model, with progress, pause, cancel and interim snapshots of the gallery
 * as it grows. Shared by the sessions of all models on one database.
 */
final class FolderIndexing {
    private static final System.Logger LOG = System.getLogger(GallerySession.class.getName());
    /** At most this many photos between two refreshes of the gallery while indexing. */
    static final int INTERIM_EVERY_PHOTOS = 200;
    /** ...and at most this long, plus 20 times what the last refresh took (a big gallery is refreshed less often). */
    static final long INTERIM_EVERY_NANOS = 3_000_000_000L;
    /**
     * Photos decoded at most while a model loads: about what one core decodes during the engine's
     * start here, each at most about 1 MB (512 px, the largest long side a model usually asks for).
     */
    static final int EARLY_PHOTOS = 24;

    private final GalleryDatabase db;
    /** The sample gallery, whose shipped vectors the indexer stores instead of embedding; or null. */
    private final SampleGallery sample;

    FolderIndexing(GalleryDatabase db, SampleGallery sample) {
        this.db = db;
        this.sample = sample;
    }

    /** Adds folders (not indexed yet); returns them as stored. */
    List<Path> addToDatabase(List<Path> folders) throws IOException {
        List<Path> added = new ArrayList<>();
        for (Path folder : folders) {
            if (!Files.isDirectory(folder)) {
                throw new IOException(folder + " is not a folder");
            }
            added.add(db.addFolder(folder)); // refuses a folder inside, or around, one already added
        }
        return added;
    }

    /**
     * Runs the indexer for {@code model} over {@code roots} (null: all folders), with progress,
     * pause and cancel. {@code interim}, when not null, gets {@code snapshot}'s result now and then.
     */
    IndexReport index(ImageEmbedder model, List<Path> roots, ProgressSink progress,
                      Consumer<LibrarySnapshot> interim, Supplier<LibrarySnapshot> snapshot) {
        Indexer indexer = indexer(model);
        progress.pausable(pauseControl(indexer));
        IndexListener listener = listener(indexer, progress, interim, snapshot);
        IndexReport report = roots == null ? indexer.indexUserFolders(listener) : indexer.index(roots, listener);
        LOG.log(System.Logger.Level.INFO, String.format("indexed with %s: %d found, %d up to date, %d embedded, "
                        + "%d problems, %.1f s%s", model.info().name(), report.found(), report.upToDate(), report.embedded(),
                report.problems().size(), report.elapsed().toMillis() / 1000.0, report.cancelled() ? " (cancelled)" : ""));
        return report;
    }

    /** Like {@link #index} over all folders, then throws when it was cancelled. */
    void indexAll(ImageEmbedder model, ProgressSink progress) {
        requireFinished(index(model, null, progress, null, null), progress);
    }

    /** See {@link GallerySession#loadGallery}. */
    GallerySession.LoadedGallery loadGallery(ImageEmbedder model, Path folder, SampleGallery sample,
                                             ProgressSink progress, EarlyPhotos early) throws IOException {
        Indexer indexer = indexer(model).startedEarly(early);
        IndexListener listener = listener(indexer, progress, null, null);
        progress.pausable(pauseControl(indexer));
        if (folder != null) {
            if (!Files.isDirectory(folder)) {
                throw new IOException(Files.exists(folder) ? folder + " is a file, not a folder: pass the folder that holds the photos"
                        : "gallery folder not found: " + folder);
            }
            Indexer.FolderIndexResult result = indexer.indexAdHoc(folder, listener);
            return new GallerySession.LoadedGallery(result.gallery(), result.report(), folder.toString());
        }
        if (sample != null && !db.isReadOnly()) {
            SampleFolderBootstrap.addIfNew(db, db.file().getParent(), sample.folder());
        }
        if (db.listFolders().isEmpty()) {
            throw new GallerySession.NoFoldersException("the gallery database in " + db.file().getParent()
                    + " has no folders: add one with 'add FOLDER', get the sample gallery with "
                    + "'sample-db import|download', or pass a gallery folder");
        }
        if (db.isReadOnly()) {
            // Nothing can be rescanned or embedded: search what is stored.
            IndexReport none = new IndexReport(0, 0, 0, 0, 0, List.of(), false, Duration.ZERO);
            return new GallerySession.LoadedGallery(db.loadGallery(model.info()), none,
                    "database " + db.file() + " (read-only)");
        }
        IndexReport report = indexer.indexUserFolders(listener);
        return new GallerySession.LoadedGallery(db.loadGallery(model.info()), report, "database " + db.file());
    }

    /** See {@link GallerySession#prepareWhileModelLoads}. */
    static EarlyPhotos prepareEarly(GalleryDatabase db, ModelCatalog catalog, String model, Path folder) {
        if (folder == null || !Files.isDirectory(folder) || db.isReadOnly()) {
            return EarlyPhotos.NONE;
        }
        try {
            Optional<ModelDescriptor> descriptor = catalog.torchScriptDescriptor(model);
            return descriptor.isEmpty() ? EarlyPhotos.NONE
                    : EarlyPhotos.start(folder, new ImageLoader(descriptor.get().maxSide()),
                            db.embeddedHashes(descriptor.get().computeId()), EARLY_PHOTOS);
        } catch (EmbeddingException | RuntimeException e) {
            return EarlyPhotos.NONE; // the model's load says what is wrong
        }
    }

    static void requireFinished(IndexReport report, ProgressSink progress) {
        if (report.cancelled() || progress.isCancelled()) {
            throw new CancellationException("indexing cancelled");
        }
    }

    private Indexer indexer(ImageEmbedder model) {
        return new Indexer(db, model, new ImageLoader(model.maxSide()), Indexer.DEFAULT_BATCH_SIZE)
                .reusing(sample == null ? KnownVectors.NONE : sample.knownVectors(model.info()));
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
    private static IndexListener listener(Indexer indexer, ProgressSink progress, Consumer<LibrarySnapshot> interim,
                                          Supplier<LibrarySnapshot> snapshot) {
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
                if (interim != null && p.state() == IndexProgress.State.INDEXING && p.done() > lastDone) {
                    long now = System.nanoTime();
                    // the first photos show soon (an empty window is the worst case), then every few seconds
                    long gap = lastDone == 0 ? INTERIM_EVERY_NANOS / 3 : INTERIM_EVERY_NANOS + 20 * lastCost;
                    if (p.done() - lastDone >= INTERIM_EVERY_PHOTOS || now - lastTime >= gap) {
                        lastDone = p.done();
                        interim.accept(snapshot.get());
                        lastTime = System.nanoTime();
                        lastCost = lastTime - now;
                    }
                }
            }
        };
    }
}
