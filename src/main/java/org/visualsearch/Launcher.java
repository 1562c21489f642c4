package org.visualsearch;

import org.visualsearch.cli.VisualSearchCli;
import org.visualsearch.core.model.DjlEnvironment;

/**
 * Entry point of {@code java -jar visual-search.jar}: with arguments, the command line
 * ({@link VisualSearchCli}); without, the desktop app.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        DjlEnvironment.configure(); // before any DJL class loads: offline, cache folder, threads
        if (args.length > 0) {
            System.exit(VisualSearchCli.run(args));
        }
        startDesktopApp(args);
    }

    /** The one place the desktop app starts. */
    private static void startDesktopApp(String[] args) {
        // TODO(integrator): start the JavaFX app here, e.g. Application.launch(VisualSearchApp.class, args).
        System.err.println("The desktop app is not available in this build yet; try 'visual-search --help'.");
        System.exit(VisualSearchCli.ExitCode.FAILED);
    }
}
