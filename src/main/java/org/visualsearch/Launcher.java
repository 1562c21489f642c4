package org.visualsearch;

import picocli.CommandLine.ExitCode;
import org.visualsearch.cli.VisualSearchCli;
import org.visualsearch.core.model.DjlEnvironment;
import org.visualsearch.ui.AppBootstrap;
import org.visualsearch.ui.VisualSearchApp;

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
        // The window opens at once; the bootstrap (database, model) runs behind it.
        VisualSearchApp.launchApp(args, AppBootstrap.withDefaults());
        System.exit(ExitCode.OK);
    }
}
