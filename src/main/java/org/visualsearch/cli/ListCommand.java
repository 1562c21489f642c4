package org.visualsearch.cli;

import java.util.List;
import org.visualsearch.core.model.ModelInfo;
import org.visualsearch.core.store.Folder;
import org.visualsearch.core.store.GalleryCounts;
import org.visualsearch.core.store.GalleryDatabase;
import picocli.CommandLine.Command;

/**
 * {@code list}: the gallery's folders (path, tab, photo count), then one line per model with
 * vectors: how many photos it has embedded and its problems (file-level ones plus its own).
 */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List the gallery's folders and how much each model has indexed.")
public final class ListCommand extends DatabaseCommand {

    @Override
    int run(GalleryDatabase db) {
        List<Folder> folders = db.listFolders();
        if (folders.isEmpty()) {
            out().println("no folders in " + db.file() + "; add one with: add FOLDER");
            return 0;
        }
        for (Folder f : folders) {
            out().println(Tsv.field(f.path()) + "\t" + Wording.count(f.fileCount(), "photo"));
        }
        for (ModelInfo model : db.models()) {
            GalleryCounts c = db.counts(model);
            out().printf("model %s: %,d of %s embedded, %s%n",
                    Wording.model(model), c.embedded(), Wording.count(c.files(), "photo"), Wording.count(c.problems(), "problem"));
        }
        return 0;
    }
}
