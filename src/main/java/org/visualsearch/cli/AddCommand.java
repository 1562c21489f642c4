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
            Path added = GalleryDatabase.normalize(folder);
            IndexReport report;
            try {
                report = progress.runCancellableOnShutdown(() -> session.addFolder(folder, progress),
                        interrupted -> err().println(spec.qualifiedName() + ": interrupted: " + summary(added, interrupted)
                                + "; the rest is indexed by the next add or app start"));
            } catch (IllegalArgumentException overlapping) {
                throw new CliException(overlapping.getMessage());
            }
            if (report.cancelled()) {
                return VisualSearchCli.INTERRUPTED; // said on stderr, above
            }
            out().println("added " + summary(added, report));
            return ExitCode.OK;
        }
    }

    /**
     * What the run did, counted like {@code list}: photos are the indexed ones (newly or before),
     * problem files are counted apart.
     */
    static String summary(Path folder, IndexReport report) {
        return String.format("%s: %s (%,d newly indexed, %,d embedded, %,d already indexed), %,d removed, %s%s",
                folder, Wording.count(report.indexed() + report.upToDate(), "photo"), report.indexed(),
                report.embedded(), report.upToDate(), report.removed(), Wording.count(report.problems().size(), "problem"),
                report.problems().isEmpty() ? "" : " (see the problems command)");
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
