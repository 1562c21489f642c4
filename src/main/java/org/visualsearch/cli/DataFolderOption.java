package org.visualsearch.cli;

import java.nio.file.Path;
import java.util.Map;
import org.visualsearch.core.AppDirectories;
import picocli.CommandLine.Option;

/**
 * The {@code --data DIR} option shared by the database commands, as a picocli mixin
 * ({@code @Mixin DataFolderOption data;}). Resolution order: the option, else
 * {@link AppDirectories#dataDir()} (the {@code VSS_DATA} environment variable, else the user's
 * application data folder), so the CLI and the app share one database.
 */
public final class DataFolderOption {

    @Option(names = "--data", paramLabel = "DIR",
            description = "Data folder holding the gallery database (default: $VSS_DATA, else the app-data folder).")
    Path data;

    /** Environment the default comes from; tests replace it. */
    Map<String, String> env = System.getenv();

    /** The data folder to use. */
    public Path resolve() {
        if (data != null) {
            return data;
        }
        return AppDirectories.of(env, System.getProperty("os.name", ""), Path.of(System.getProperty("user.home", ".")))
                .dataDir();
    }
}
