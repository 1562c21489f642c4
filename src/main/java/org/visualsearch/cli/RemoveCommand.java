package org.visualsearch.cli;

import java.nio.file.Path;
import org.visualsearch.core.store.GalleryDatabase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code remove FOLDER}: removes a folder and its entries from the gallery (never touches the photos). */
@Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove a folder from the gallery database (the photos stay on disk).")
public final class RemoveCommand extends DatabaseCommand {

    @Parameters(paramLabel = "FOLDER", description = "A folder listed by the list command.")
    Path folder;

    @Override
    int run(GalleryDatabase db) {
        if (!db.removeFolder(folder)) {
            throw new CliException("not a folder of the gallery: " + GalleryDatabase.normalize(folder));
        }
        out().println("removed " + GalleryDatabase.normalize(folder));
        return 0;
    }
}
