package org.visualsearch.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.visualsearch.core.model.ModelCatalog;
import java.util.Optional;
import java.util.Properties;

/**
 * The model the app used last, remembered in the data folder ({@value #SETTINGS_FILE}) so the
 * next start opens it again. The command line never changes it.
 */
public final class LastModel {
    private static final System.Logger LOG = System.getLogger(LastModel.class.getName());
    /** In the data folder: the model chosen last. */
    public static final String SETTINGS_FILE = "app.properties";

    private final Path dataDir;
    private final ModelCatalog catalog;

    /** A remembered model must still be under {@code modelsDir}. */
    public LastModel(Path dataDir, Path modelsDir) {
        this(dataDir, new ModelCatalog(modelsDir));
    }

    /** @param catalog where a remembered model must still be installed (either models folder) */
    public LastModel(Path dataDir, ModelCatalog catalog) {
        this.dataDir = dataDir;
        this.catalog = catalog;
    }

    /** The remembered model's key, unless it was uninstalled since. */
    public Optional<String> read() {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(dataDir.resolve(SETTINGS_FILE))) {
            properties.load(in);
        } catch (IOException e) {
            return Optional.empty();
        }
        String model = properties.getProperty("model");
        if (model == null || model.isBlank()) {
            return Optional.empty();
        }
        if (!ModelChoice.HISTOGRAM.key().equals(model) && !catalog.isTaken(model)) {
            return Optional.empty();
        }
        return Optional.of(model);
    }

    public void remember(ModelChoice model) {
        Properties properties = new Properties();
        properties.setProperty("model", model.key());
        try {
            Files.createDirectories(dataDir);
            try (OutputStream out = Files.newOutputStream(dataDir.resolve(SETTINGS_FILE))) {
                properties.store(out, "Visual Search Simulator");
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot remember the model: " + e.getMessage());
        }
    }
}
