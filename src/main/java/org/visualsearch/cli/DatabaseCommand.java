package org.visualsearch.cli;

import java.nio.file.Path;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;
import org.visualsearch.core.store.GalleryDatabase;
import org.visualsearch.core.store.StoreException;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Base of the commands working on the gallery database: opens it from the data folder and runs.
 * An expected failure ({@link CliException}, an I/O or database error) is one line on stderr
 * with its exit code; anything else is a bug and goes on to the root's handler (stack trace,
 * exit 70).
 */
abstract class DatabaseCommand implements Callable<Integer> {

    @Mixin
    DataFolderOption dataFolder = new DataFolderOption();

    @Spec
    CommandSpec spec;

    @Override
    public final Integer call() throws Exception {
        try (GalleryDatabase db = GalleryDatabase.open(dataFolderToOpen())) {
            return run(db);
        } catch (CliException e) {
            return fail(e.getMessage(), e.exitCode());
        } catch (StoreException e) {
            return fail(e.getMessage(), ExitCode.SOFTWARE);
        } catch (IOException e) {
            return fail(VisualSearchCli.describe(e), ExitCode.SOFTWARE);
        } catch (UncheckedIOException e) {
            return fail(VisualSearchCli.describe(e.getCause()), ExitCode.SOFTWARE);
        } finally {
            out().flush();
            err().flush();
        }
    }

    private int fail(String message, int exitCode) {
        // the same prefix as the root's handler: "visual-search query: ...", "visual-search sample-db status: ..."
        err().println(spec.qualifiedName() + ": " + oneLine(message));
        return exitCode;
    }

    abstract int run(GalleryDatabase db) throws Exception;

    /** The data folder whose database {@link #run} gets: {@code --data}, else the user's. */
    Path dataFolderToOpen() throws Exception {
        return dataFolder.resolve();
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    static String oneLine(String message) {
        return message == null ? "failed" : message.replaceAll("\\s*\\R\\s*", " ").strip();
    }
}
