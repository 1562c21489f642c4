package org.visualsearch.cli;

import org.visualsearch.app.GallerySession;
import java.nio.file.Path;
import org.visualsearch.core.gallery.IndexReport;
import org.visualsearch.core.model.ImageEmbedder;
import org.visualsearch.core.store.GalleryDatabase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code index GALLERY}: embeds every photo of a folder tree with a model, caching the vectors in
 * the database by content hash and model, so a second run embeds nothing.
 */
@Command(name = "index", mixinStandardHelpOptions = true, description = "Embed a gallery folder with a model (cached: a second run embeds nothing).")
public final class IndexCommand extends DatabaseCommand {

    @Mixin
    ModelOption model = new ModelOption();

    @Parameters(paramLabel = "GALLERY", description = "Gallery folder; first-level subfolders are categories.")
    Path gallery;

    @Override
    int run(GalleryDatabase db) throws Exception {
        GallerySession session = model.session(db, gallery);
        try (ImageEmbedder embedder = session.embedder()) {
            GallerySession.LoadedGallery loaded = GalleryChoice.load(session, gallery, err());
            IndexReport r = loaded.report();
            double seconds = r.elapsed().toMillis() / 1000.0;
            out().printf("indexed %s with %s: %s, %d embedded now, %d from the cache, %s, "
                            + "%.1f s%s%n",
                    gallery, Wording.model(embedder.info()), Wording.count(loaded.gallery().size(), "photo"),
                    r.embedded(), loaded.gallery().size() - r.embedded(), Wording.count(r.problems().size(), "problem"), seconds,
                    r.embedded() > 0 && seconds > 0 ? String.format(" (%.1f photos/s)", r.embedded() / seconds) : "");
            return 0;
        }
    }
}
