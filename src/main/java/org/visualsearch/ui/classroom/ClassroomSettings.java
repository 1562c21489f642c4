package org.visualsearch.ui.classroom;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

/**
 * What the classroom mode remembers between runs (theme, scale, guess first), as a small
 * properties file in the data folder: a classroom machine set up with {@code VSS_DATA} keeps its
 * own settings, and tests never touch the user's.
 */
public final class ClassroomSettings {
    static final String FILE_NAME = "classroom.properties";
    private static final System.Logger LOG = System.getLogger(ClassroomSettings.class.getName());

    private final Path file;

    public ClassroomSettings(Path dataDir) {
        this.file = dataDir == null ? null : dataDir.resolve(FILE_NAME);
    }

    /** Fills {@code model} from the file; a missing or unreadable file leaves the defaults. */
    public void load(PresentationModel model) {
        if (file == null || !Files.isRegularFile(file)) {
            return;
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "classroom settings not read from " + file + ": " + e.getMessage());
            return;
        }
        ClassroomTheme.named(p.getProperty("theme")).ifPresent(model.themeProperty()::set);
        try {
            model.setScale(Double.parseDouble(p.getProperty("scale", "1")));
        } catch (NumberFormatException e) {
            // keep the default scale
        }
        model.guessFirstProperty().set(Boolean.parseBoolean(p.getProperty("guessFirst", "false")));
        model.tallyProperty().set(Boolean.parseBoolean(p.getProperty("tally", "false")));
    }

    /** Saves {@code model}'s remembered choices now, and whenever they change. */
    public void keepSaved(PresentationModel model) {
        Runnable save = () -> save(model);
        model.themeProperty().addListener(o -> save.run());
        model.scaleProperty().addListener(o -> save.run());
        model.guessFirstProperty().addListener(o -> save.run());
        model.tallyProperty().addListener(o -> save.run());
    }

    void save(PresentationModel model) {
        if (file == null) {
            return;
        }
        Properties p = new Properties();
        p.setProperty("theme", model.themeProperty().get().name());
        p.setProperty("scale", Double.toString(model.scaleProperty().get()));
        p.setProperty("guessFirst", Boolean.toString(model.guessFirstProperty().get()));
        p.setProperty("tally", Boolean.toString(model.tallyProperty().get()));
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), "classroom", ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                p.store(out, "Visual Search Simulator: classroom mode");
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "classroom settings not saved to " + file + ": " + e.getMessage());
        }
    }

    public Path file() {
        return file;
    }
}
