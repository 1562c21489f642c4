package org.visualsearch.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Option;

/**
 * The {@code --data DIR} option shared by the database commands, as a picocli mixin
 * ({@code @Mixin DataFolderOption data;}). Resolution order: the option, else the
 * {@code VSS_DATA} environment variable, else the user's application data folder.
 */
public final class DataFolderOption {

    /** Environment variable choosing the data folder (tests, classroom machines, several databases). */
    public static final String ENV = "VSS_DATA";

    @Option(names = "--data", paramLabel = "DIR",
            description = "Data folder holding the gallery database (default: $" + ENV + ", else the app-data folder).")
    Path data;

    /** Environment lookup; tests replace it. */
    UnaryOperator<String> env = System::getenv;

    /** The data folder to use. */
    public Path resolve() {
        if (data != null) {
            return data;
        }
        String fromEnv = env.apply(ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Path.of(fromEnv);
        }
        return defaultDataFolder(env);
    }

    /**
     * INTEGRATION POINT: the app-data default. Replace the body with
     * {@code org.visualsearch.core.AppDirectories}' data folder once it lands on main, so the CLI
     * and the UI share one database; this is the only place the CLI decides it.
     */
    static Path defaultDataFolder(UnaryOperator<String> env) {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        Path home = Path.of(System.getProperty("user.home"));
        if (os.contains("win")) {
            String appData = env.apply("APPDATA");
            return (appData != null ? Path.of(appData) : home.resolve("AppData/Roaming")).resolve("VisualSearchSimulator");
        }
        if (os.contains("mac")) {
            return home.resolve("Library/Application Support/VisualSearchSimulator");
        }
        String xdg = env.apply("XDG_DATA_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".local/share")).resolve("visual-search-simulator");
    }
}
