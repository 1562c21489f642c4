package org.visualsearch;

import java.nio.file.Path;
import picocli.CommandLine.ExitCode;
import org.visualsearch.ui.classroom.ClassroomContext;
import org.visualsearch.ui.classroom.Snapshots;
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
        org.visualsearch.core.common.StartupTrace.mark("main() entered (JVM up, launcher loaded)");
        DjlEnvironment.configure(); // before any DJL class loads: offline, cache folder, threads
        Path lesson = lessonArgument(args);
        if (args.length > 0 && lesson == null) {
            if (org.visualsearch.core.model.EnginePrestart.worthIt(java.util.List.of(args))) {
                org.visualsearch.core.model.EnginePrestart.begin();
            }
            org.visualsearch.core.model.ProcessExit.exit(VisualSearchCli.run(args));
        }
        startDesktopApp(new String[0], lesson);
    }

    /** {@code --lesson FILE} (or {@code --lesson=FILE}) alone: the desktop app, presenting that lesson. */
    static Path lessonArgument(String[] args) {
        if (args.length == 2 && args[0].equals("--lesson")) {
            return Path.of(args[1]).toAbsolutePath();
        }
        if (args.length == 1 && args[0].startsWith("--lesson=")) {
            return Path.of(args[0].substring("--lesson=".length())).toAbsolutePath();
        }
        return null;
    }

    /**
     * JavaFX warns at every start that it was loaded from the class path ("Unsupported JavaFX
     * configuration: classes were loaded from 'unnamed module'"): that is how a plain
     * {@code java -jar} runs it, and it works. Only that one record is dropped, so that any other
     * warning of the toolkit still shows (the filter sits on the console handlers, so it holds
     * whichever logger JavaFX writes through).
     *
     * <p>Why not load JavaFX as modules instead: a jar's manifest cannot set a module path, so
     * {@code java -jar} would need a launcher that starts a second JVM with {@code --module-path
     * lib/javafx-*.jar --add-modules javafx.controls,javafx.swing}. Measured on the busy 2-core
     * machine: the launcher JVM itself adds about 90 ms (median of 7, 40 ms for a JVM alone
     * against 130 ms for one that starts another), the module graph about nothing at the app's
     * level (first frame 1.49 s against 1.47 s, full window 5.2 s against 5.2 s, medians of 5,
     * within the noise), and the waiting launcher JVM stays resident for the whole session (36
     * MB). Near the 150 ms allowed and a tenth of the memory a session takes, for one line of a
     * terminal: not worth it. The jpackage image, whose launcher can pass these options itself,
     * is where to do it.
     */
    static boolean isClassPathWarning(java.util.logging.LogRecord record) {
        String message = record.getMessage();
        return message != null && message.startsWith("Unsupported JavaFX configuration");
    }

    /** The bootstrap's services, or the exception it threw as it was (e.g. a StartupFailure with its way out). */
    private static <T> T resultOf(java.util.concurrent.Future<T> work) throws Exception {
        try {
            return work.get();
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** The one place the desktop app starts. */
    private static void startDesktopApp(String[] args, Path lesson) {
        for (java.util.logging.Handler handler : java.util.logging.Logger.getLogger("").getHandlers()) {
            java.util.logging.Filter before = handler.getFilter();
            handler.setFilter(record -> !isClassPathWarning(record) && (before == null || before.isLoggable(record)));
        }
        // The bootstrap (database, PyTorch engine, model, gallery) starts now, on the other core, while
        // JavaFX starts and builds the window (about as long); the window opens without waiting for it.
        AppBootstrap.Settings settings = AppBootstrap.Settings.defaults();
        java.util.concurrent.FutureTask<org.visualsearch.ui.AppServices> bootstrap =
                new java.util.concurrent.FutureTask<>(new AppBootstrap(settings));
        Thread early = new Thread(bootstrap, "vss-bootstrap");
        early.setDaemon(true);
        early.start();
        VisualSearchApp.launchApp(args, () -> resultOf(bootstrap),
                new ClassroomContext(settings.dataDir(), settings.sampleDir(), Snapshots.defaultFolder(), lesson));
        System.exit(ExitCode.OK);
    }
}
