package org.visualsearch.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.visualsearch.app.GallerySession;
import org.visualsearch.core.gallery.IndexReport;
import org.visualsearch.core.model.ImageEmbedder;
import org.visualsearch.core.store.GalleryDatabase;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code add FOLDER}: adds a folder to the gallery database and indexes it with {@code --model}.
 * Ctrl-C stops after committing what is done; the next {@code add} or app start resumes.
 */
@Command(name = "add", mixinStandardHelpOptions = true, description = "Add a photo folder to the gallery database and index it.")
public final class AddCommand extends DatabaseCommand {

    @Mixin
    ModelOption model = new ModelOption();

    @Parameters(paramLabel = "FOLDER", description = "Folder of photos; first-level subfolders are categories.")
    Path folder;

    @Option(names = "--no-index", description = "Only add the folder; index later.")
    boolean noIndex;

    @Override
    int run(GalleryDatabase db) throws Exception {
        if (!Files.isDirectory(folder)) {
            throw new CliException("not a folder: " + folder);
        }
        if (noIndex) {
            out().println("added " + addOnly(db));
            return ExitCode.OK;
        }
        GallerySession session = model.session(db);
        try (ImageEmbedder embedder = session.embedder()) {
            CliProgress progress = new CliProgress(err());
            IndexReport report;
            try {
                report = progress.runCancellableOnShutdown(() -> session.addFolder(folder, progress));
            } catch (IllegalArgumentException overlapping) {
                throw new CliException(overlapping.getMessage());
            }
            Path added = GalleryDatabase.normalize(folder);
            out().printf("%s %s: %d photos, %d newly indexed (%d embedded), %d already indexed, %d removed, "
                            + "%d problems%s%n",
                    report.cancelled() ? "interrupted indexing" : "added", added, report.found(), report.indexed(),
                    report.embedded(), report.upToDate(), report.removed(), report.problems().size(),
                    report.problems().isEmpty() ? "" : " (see the problems command)");
            return report.cancelled() ? VisualSearchCli.INTERRUPTED : ExitCode.OK;
        }
    }

    /** Adds the folder without indexing it; a folder inside or around one already added is refused. */
    private Path addOnly(GalleryDatabase db) {
        try {
            return db.addFolder(folder);
        } catch (IllegalArgumentException overlapping) {
            throw new CliException(overlapping.getMessage());
        }
    }
}
