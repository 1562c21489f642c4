package org.visualsearch.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.visualsearch.app.GallerySession;
import org.visualsearch.core.gallery.IndexReport;
import org.visualsearch.core.store.Problem;

/**
 * The gallery a search command works on, brought up to date for the session's model: one folder
 * given on the command line, or the user's database folders ({@link GallerySession#loadGallery}),
 * with progress and problems on stderr and Ctrl-C stopping the indexing.
 */
final class GalleryChoice {

    private GalleryChoice() {
    }

    /**
     * @param folder a gallery folder, or {@code null} for the database's folders
     * @param err    where progress and problems go (stdout stays machine-readable)
     */
    static GallerySession.LoadedGallery load(GallerySession session, Path folder, PrintWriter err) throws Exception {
        if (folder != null && !Files.isDirectory(folder)) {
            throw new CliException("gallery folder not found: " + folder);
        }
        CliProgress progress = new CliProgress(err);
        GallerySession.LoadedGallery loaded;
        try {
            loaded = progress.runCancellableOnShutdown(() -> session.loadGallery(folder, progress));
        } catch (GallerySession.NoFoldersException noFolders) {
            throw new CliException(noFolders.getMessage());
        }
        reportProblems(loaded.report(), err);
        return loaded;
    }

    private static void reportProblems(IndexReport report, PrintWriter err) {
        for (Problem problem : report.problems()) {
            err.println("skipped " + problem.path() + ": " + problem.reason());
        }
        if (report.cancelled()) {
            throw new CliException("interrupted: indexing was cancelled; what was embedded is kept");
        }
        err.flush();
    }
}
