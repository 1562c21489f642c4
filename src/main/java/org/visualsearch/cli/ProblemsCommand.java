package org.visualsearch.cli;

import org.visualsearch.core.store.GalleryDatabase;
import org.visualsearch.core.store.Problem;
import picocli.CommandLine.Command;

/**
 * {@code problems}: files and folders that could not be indexed, one per line: path, tab, reason.
 * Every model's problems are listed: a file one model failed on is a line per such model, its
 * reason naming the model ("model NAME failed: ..."); a file-level problem (unreadable, not an
 * image, ...) is one line for all models.
 */
@Command(name = "problems", mixinStandardHelpOptions = true, description = "List files and folders that could not be indexed, with the reason.")
public final class ProblemsCommand extends DatabaseCommand {

    @Override
    int run(GalleryDatabase db) {
        if (db.problems().isEmpty()) {
            out().println("no problems");
            return 0;
        }
        for (Problem p : db.problems()) {
            out().println(Tsv.field(p.path()) + "\t" + Tsv.field(p.reason()));
        }
        return 0;
    }
}
