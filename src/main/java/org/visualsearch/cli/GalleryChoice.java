package org.visualsearch.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.visualsearch.core.DefaultLocations;
import org.visualsearch.core.gallery.IndexReport;
import org.visualsearch.core.gallery.Indexer;
import org.visualsearch.core.gallery.SampleFolderBootstrap;
import org.visualsearch.core.model.ImageEmbedder;
import org.visualsearch.core.search.IndexedGallery;
import org.visualsearch.core.store.GalleryDatabase;
import org.visualsearch.core.store.Problem;

/**
 * Brings a gallery up to date for a model and loads it: either one folder given on the command
 * line (indexed into the database's embedding cache without joining the user's folders) or the
 * user's database folders. Either way nothing already embedded is embedded again.
 */
final class GalleryChoice {

    record Loaded(IndexedGallery gallery, IndexReport report, String description) {
    }

    private GalleryChoice() {
    }

    /**
     * @param folder a gallery folder, or {@code null} for the database's folders
     * @param err    where progress and problems go (stdout stays machine-readable)
     */
    static Loaded load(GalleryDatabase db, Path dataDir, ImageEmbedder embedder, Path folder, PrintWriter err) {
        Indexer indexer = new Indexer(db, embedder);
        IndexProgressPrinter progress = new IndexProgressPrinter(err);
        if (folder != null) {
            if (!Files.isDirectory(folder)) {
                throw new CliException("gallery folder not found: " + folder);
            }
            Indexer.FolderIndexResult result =
                    AddCommand.runCancellableOnShutdown(indexer, () -> indexer.indexAdHoc(folder, progress));
            reportProblems(result.report(), err);
            return new Loaded(result.gallery(), result.report(), folder.toString());
        }
        SampleFolderBootstrap.addIfNew(db, dataDir, DefaultLocations.current().sampleGalleryDir());
        if (db.listFolders().isEmpty()) {
            throw new CliException("the gallery database in " + dataDir + " has no folders: add one with "
                    + "'add FOLDER', get the sample gallery with 'sample-db import|download', or pass a gallery folder");
        }
        IndexReport report = AddCommand.runCancellableOnShutdown(indexer, () -> indexer.indexUserFolders(progress));
        reportProblems(report, err);
        return new Loaded(db.loadGallery(embedder.info()), report, "database " + db.file());
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
