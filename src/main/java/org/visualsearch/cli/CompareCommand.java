package org.visualsearch.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.visualsearch.core.comparison.CategoryRow;
import org.visualsearch.core.comparison.ModelComparison;
import org.visualsearch.core.comparison.QueryScore;
import org.visualsearch.core.search.IndexedGallery;
import org.visualsearch.core.model.ImageEmbedder;
import org.visualsearch.core.model.ModelCatalog;
import org.visualsearch.app.GallerySession;
import org.visualsearch.core.store.GalleryDatabase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code compare --model A --model B [GALLERY]}: both models' leave-one-out P@5 per category side
 * by side with the difference, both mP@5, then the queries whose P@5 changed most.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Score two models on the same labelled gallery: per-label P@5 under each, the difference (B - A), "
                + "both mP@5 and the queries whose P@5 changed most.")
public final class CompareCommand extends DatabaseCommand {

    @Option(names = "--model", paramLabel = "MODEL", required = true,
            description = "Give it twice: model A, then model B (a folder under models/, a path, or '"
                    + ModelCatalog.HISTOGRAM + "').")
    List<String> models = new ArrayList<>();

    @Option(names = "--changed", paramLabel = "N", defaultValue = "10",
            description = "How many of the queries whose P@5 changed most to list (default: ${DEFAULT-VALUE}).")
    int changed = 10;

    @Parameters(paramLabel = "GALLERY", arity = "0..1",
            description = "Gallery folder whose first-level subfolders are the labels (default: the gallery database).")
    Path gallery;

    @Override
    int run(GalleryDatabase db) throws Exception {
        if (models.size() != 2) {
            throw new CliException(picocli.CommandLine.ExitCode.USAGE,
                    "give exactly two models: --model A --model B (got " + models.size() + ")");
        }
        if (changed < 0) {
            throw new CliException(picocli.CommandLine.ExitCode.USAGE, "--changed must not be negative: " + changed);
        }
        String description = null;
        IndexedGallery[] galleries = new IndexedGallery[2];
        for (int m = 0; m < 2; m++) {
            ModelOption option = new ModelOption();
            option.model = models.get(m);
            GallerySession session = option.session(db);
            try (ImageEmbedder embedder = session.embedder()) {
                GallerySession.LoadedGallery loaded = GalleryChoice.load(session, gallery, err());
                galleries[m] = loaded.gallery();
                description = loaded.description();
            }
        }
        ModelComparison c = ModelComparison.of(galleries[0], galleries[1]);
        out().printf("A: %s (%d-d)%nB: %s (%d-d)%n%s: %d photos, %d queries%s%n", c.modelA().name(), c.modelA().dimension(),
                c.modelB().name(), c.modelB().dimension(), description, c.galleryA().size(), c.queries().size(),
                c.onlyInOne() > 0 ? ", " + c.onlyInOne() + " photos left out (only one model could embed them)" : "");
        if (!c.hasScore()) {
            throw new CliException("nothing to score: no photo has another photo of its label (are the photos in category subfolders?)");
        }
        int k = c.k();
        out().printf("%-16s %7s %7s %7s %7s%n", "label", "queries", "A P@" + k, "B P@" + k, "B - A");
        for (CategoryRow row : c.categories()) {
            out().printf("%-16s %7d %7.3f %7.3f %+7.3f%n", row.category(), row.queries(), row.precisionA(),
                    row.precisionB(), row.difference());
        }
        out().printf("%-16s %7d %7.3f %7.3f %+7.3f%n", "mP@" + k, c.queries().size(), c.meanPrecisionA(),
                c.meanPrecisionB(), c.difference());
        List<QueryScore> most = c.mostChanged(changed);
        out().println();
        if (most.isEmpty()) {
            out().println("no query's P@" + k + " changed");
        } else {
            out().printf("the %d quer%s whose P@%d changed most:%n", most.size(), most.size() == 1 ? "y" : "ies", k);
            out().printf("%7s %7s %7s  %-12s %s%n", "B - A", "A P@" + k, "B P@" + k, "label", "photo");
            for (QueryScore q : most) {
                out().printf("%+7.3f %7.3f %7.3f  %-12s %s%n", q.change(), q.precisionA(), q.precisionB(),
                        q.entry().category(), q.entry().path());
            }
        }
        return 0;
    }
}
