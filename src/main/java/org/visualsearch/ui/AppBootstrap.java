package org.visualsearch.ui;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.visualsearch.app.GallerySession;
import org.visualsearch.app.LastModel;
import org.visualsearch.app.ModelChoice;
import org.visualsearch.app.SampleGallery;
import org.visualsearch.core.DefaultLocations;
import org.visualsearch.core.common.StartupTrace;
import org.visualsearch.core.gallery.SampleFolderBootstrap;
import org.visualsearch.core.model.ColorHistogramEmbedder;
import org.visualsearch.core.model.DjlEnvironment;
import org.visualsearch.core.model.EmbeddingException;
import org.visualsearch.core.model.ImageEmbedder;
import org.visualsearch.core.model.ModelCatalog;
import org.visualsearch.core.sampledb.SampleManifest;
import org.visualsearch.core.store.DamagedDatabaseException;
import org.visualsearch.core.store.GalleryDatabase;
import org.visualsearch.ui.credits.CreditsSource;
import org.visualsearch.ui.jobs.Messages;

/**
 * Builds the window's {@link AppServices} from the core: the gallery database in the data
 * folder (the sample folder becomes its first folder), the model (the one used last time, else
 * {@code models/default}), thumbnails from the database, credits. Runs once, off the FX thread;
 * the window then brings the folders up to date in the background.
 *
 * <p>A model that cannot be loaded ends in a {@link StartupFailure} offering the colour-histogram
 * baseline on the same database.
 */
public final class AppBootstrap implements Callable<AppServices> {
    private static final System.Logger LOG = System.getLogger(AppBootstrap.class.getName());
    /**
     * @param dataDir       the gallery database's folder
     * @param modelsDir     installed models, one folder each
     * @param sampleDir     the sample gallery's folder (may not exist yet)
     * @param model         the model to open, or null for the one used last (else the default)
     * @param manifest      the sample gallery's manifest
     * @param sampleBaseUrl where to download the sample photos from instead of the manifest's URLs, or null
     */
    public record Settings(Path dataDir, Path modelsDir, Path sampleDir, String model, SampleManifest manifest,
                           URI sampleBaseUrl) {
        public Settings {
            Objects.requireNonNull(dataDir);
            Objects.requireNonNull(modelsDir);
            Objects.requireNonNull(sampleDir);
            Objects.requireNonNull(manifest);
        }

        /** The defaults of this process: {@code VSS_DATA} or the app data folder, {@code models/}, {@code sample-db/}. */
        public static Settings defaults() {
            DefaultLocations locations = DefaultLocations.current();
            return new Settings(locations.dataDir(), locations.modelsDir(), locations.sampleGalleryDir(), null,
                    SampleManifest.bundled(), null);
        }

        public Settings withModel(String name) {
            return new Settings(dataDir, modelsDir, sampleDir, name, manifest, sampleBaseUrl);
        }

        public Settings withSampleBaseUrl(URI url) {
            return new Settings(dataDir, modelsDir, sampleDir, model, manifest, url);
        }
    }

    private final Settings settings;
    private final ModelCatalog catalog;
    private final LastModel lastModel;
    private GalleryDatabase db;

    public AppBootstrap(Settings settings) {
        this.settings = Objects.requireNonNull(settings);
        this.catalog = new ModelCatalog(settings.modelsDir(), settings.dataDir().resolve(DefaultLocations.USER_MODELS));
        this.lastModel = new LastModel(settings.dataDir(), catalog);
    }

    /** The app on this process's defaults. */
    public static AppBootstrap withDefaults() {
        return new AppBootstrap(Settings.defaults());
    }

    @Override
    public synchronized AppServices call() throws Exception {
        long start = System.nanoTime();
        DjlEnvironment.configure();
        if (db == null) {
            db = openDatabase();
            StartupTrace.mark("gallery database open");
            try {
                SampleFolderBootstrap.addIfNew(db, settings.dataDir(), settings.sampleDir())
                        .ifPresent(f -> LOG.log(System.Logger.Level.INFO, "sample folder added: " + f));
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "could not add the sample folder", e);
            }
        }
        String name = settings.model() != null ? settings.model() : lastModel.read().orElse(ModelCatalog.DEFAULT);
        ModelChoice choice = GallerySession.choiceOf(catalog, name);
        ImageEmbedder embedder;
        try {
            embedder = catalog.open(name);
            StartupTrace.mark("model loaded (PyTorch engine, TorchScript, probe): " + embedder.info().name());
        } catch (Exception | LinkageError e) {
            if (ModelChoice.HISTOGRAM.key().equals(choice.key())) {
                throw e;
            }
            LOG.log(System.Logger.Level.ERROR, "model " + name + " could not be loaded", e);
            String cause = e instanceof EmbeddingException ? e.getMessage() : Messages.describe(e);
            throw new StartupFailure("The model “" + choice.label() + "” could not be loaded: "
                    + Messages.sentence(cause) + " You can search with the colour-histogram baseline instead.", e,
                    "Use the colour-histogram baseline",
                    () -> servicesFor(new ColorHistogramEmbedder(), ModelChoice.HISTOGRAM));
        }
        AppServices services = servicesFor(embedder, choice);
        StartupTrace.mark("gallery loaded: " + services.gallery().size() + " photos");
        LOG.log(System.Logger.Level.INFO, String.format("start-up: %s and %d indexed photos ready in %d ms",
                embedder.info().name(), services.gallery().size(), (System.nanoTime() - start) / 1_000_000));
        return services;
    }

    /**
     * The gallery database; a damaged one ends in a {@link StartupFailure} that offers to keep it
     * aside and start with a fresh one (the sample folder joins it again; nothing is deleted).
     */
    private GalleryDatabase openDatabase() throws StartupFailure {
        try {
            return GalleryDatabase.open(settings.dataDir());
        } catch (DamagedDatabaseException e) {
            throw new StartupFailure("The gallery database is damaged",
                    "The gallery database " + e.file() + " cannot be read ("
                            + e.reason().replaceFirst("^\\[SQLITE_[A-Z_]+\\]\\s*", "") + "). Move it aside and start "
                            + "fresh: it is kept beside it as " + GalleryDatabase.FILE_NAME + ".damaged-<date and time> "
                            + "(nothing is deleted), and the new gallery starts with the sample photos; add your own "
                            + "folders again.",
                    e, "Move it aside and start fresh", () -> {
                        Path kept = GalleryDatabase.moveAside(settings.dataDir());
                        SampleFolderBootstrap.forget(settings.dataDir());
                        LOG.log(System.Logger.Level.INFO, "the damaged gallery database is kept as " + kept);
                        return call();
                    });
        }
    }

    /** Services for a model on the (open) database, with what is already indexed for it. */
    public AppServices servicesFor(ImageEmbedder embedder, ModelChoice choice) {
        lastModel.remember(choice);
        GallerySession session = new GallerySession(db, catalog, embedder, choice,
                new SampleGallery(settings.sampleDir(), settings.manifest(), settings.sampleBaseUrl()), lastModel);
        return AppServices.forSession(session, credits());
    }

    /** The sample photos' credits from the manifest, and the notices of the installed models. */
    CreditsSource credits() {
        return CreditsSource.of(settings.manifest(), settings.modelsDir());
    }
}
