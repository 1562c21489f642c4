package org.visualsearch.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.visualsearch.app.GallerySession;
import org.visualsearch.core.gallery.IndexReport;
import org.visualsearch.core.store.Problem;
import picocli.CommandLine.ExitCode;

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
        if (folder != null && Files.exists(folder) && !Files.isDirectory(folder)) {
            throw new CliException(folder + " is a file, not a folder: pass the folder that holds the photos");
        }
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
        reportProblems(loaded.report(), folder == null, err);
        return loaded;
    }

    /**
     * The database's problems are listed by the {@code problems} command, so a search over it
     * says how many there are in one line instead of repeating every file each time; an ad-hoc
     * folder's problems are not kept anywhere else, so they are listed.
     */
    static void reportProblems(IndexReport report, boolean database, PrintWriter err) {
        int n = report.problems().size();
        if (database && n > 0) {
            err.println(n + " problem file" + (n == 1 ? "" : "s") + "; see `problems`");
        } else {
            for (Problem problem : report.problems()) {
                err.println("skipped " + problem.path() + ": " + problem.reason());
            }
        }
        if (report.cancelled()) {
            throw new CliException("interrupted: indexing was cancelled; what was embedded is kept");
        }
        err.flush();
    }
}
