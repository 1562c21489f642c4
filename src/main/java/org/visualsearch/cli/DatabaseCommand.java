package org.visualsearch.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.visualsearch.core.store.GalleryDatabase;
import org.visualsearch.core.store.StoreException;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Base of the commands working on the gallery database: opens it from the data folder, runs,
 * and turns failures into exit code 1 with a one-line reason on stderr.
 */
abstract class DatabaseCommand implements Callable<Integer> {

    @Mixin
    DataFolderOption dataFolder = new DataFolderOption();

    @Spec
    CommandSpec spec;

    /** A failure to report as one line on stderr with exit code 1. */
    static final class Failure extends Exception {
        Failure(String message) {
            super(message);
        }
    }

    @Override
    public final Integer call() {
        try (GalleryDatabase db = GalleryDatabase.open(dataFolder.resolve())) {
            return run(db);
        } catch (Failure | CliException | StoreException | IllegalArgumentException e) {
            err().println(spec.name() + ": " + oneLine(e.getMessage()));
            return 1;
        } catch (Exception e) {
            err().println(spec.name() + ": " + oneLine(String.valueOf(e)));
            return 1;
        } finally {
            out().flush();
            err().flush();
        }
    }

    abstract int run(GalleryDatabase db) throws Exception;

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
