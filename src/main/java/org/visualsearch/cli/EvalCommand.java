package org.visualsearch.cli;

import org.visualsearch.app.GallerySession;
import java.nio.file.Path;
import org.visualsearch.core.metrics.Evaluation;
import org.visualsearch.core.model.ImageEmbedder;
import org.visualsearch.core.search.IndexedGallery;
import org.visualsearch.core.store.GalleryDatabase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code eval [GALLERY]}: the challenge's score on a labelled gallery, leave-one-out: every photo
 * queries the others; per-label P@5, then {@code mP@5 0.xxx} as the last line.
 */
@Command(name = "eval", mixinStandardHelpOptions = true, description = "Score a labelled gallery like the challenge: per-label P@5 and, last, mP@5.")
public final class EvalCommand extends DatabaseCommand {

    @Mixin
    ModelOption model = new ModelOption();

    @Parameters(paramLabel = "GALLERY", arity = "0..1",
            description = "Gallery folder whose first-level subfolders are the labels (default: the gallery database).")
    Path gallery;

    @Override
    int run(GalleryDatabase db) throws Exception {
        GallerySession session = model.session(db);
        try (ImageEmbedder embedder = session.embedder()) {
            GallerySession.LoadedGallery loaded = GalleryChoice.load(session, gallery, err());
            IndexedGallery indexed = loaded.gallery();
            Evaluation evaluation = GallerySession.evaluate(indexed);
            out().printf("model %s, %s: %s, %d queries%s%n", Wording.model(embedder.info()),
                    loaded.description(), Wording.count(indexed.size(), "photo"), evaluation.queries(),
                    evaluation.skipped() > 0 ? ", " + evaluation.skipped() + " not scored (no label or no other photo of it)" : "");
            if (!evaluation.hasScore()) {
                throw new CliException("nothing to score: no photo has another photo of its label (are the photos in category subfolders?)");
            }
            out().printf("%-16s %7s %6s%n", "label", "queries", "P@" + evaluation.k());
            for (Evaluation.LabelScore score : evaluation.perLabel().values()) {
                out().printf("%-16s %7d %6.3f%n", score.label(), score.queries(), score.meanPrecision());
            }
            out().printf("mP@%d %.3f%n", evaluation.k(), evaluation.meanPrecision());
            return 0;
        }
    }
}
