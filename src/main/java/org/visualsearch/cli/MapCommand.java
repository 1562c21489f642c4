package org.visualsearch.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.visualsearch.core.search.IndexedGallery;
import org.visualsearch.core.model.ImageEmbedder;
import org.visualsearch.app.GallerySession;
import org.visualsearch.core.projection.MapFiles;
import org.visualsearch.core.projection.NeighbourDistortion;
import org.visualsearch.core.projection.Projection;
import org.visualsearch.core.projection.ProjectionMethod;
import org.visualsearch.core.projection.ProjectionProgress;
import org.visualsearch.core.projection.ProjectionSettings;
import org.visualsearch.core.projection.Projector;
import org.visualsearch.core.store.GalleryDatabase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code map --model M [--method pca|tsne] --out FILE.png|FILE.tsv [GALLERY]}: the gallery's
 * embedding map, as coordinates or as a picture for a report.
 */
@Command(name = "map", mixinStandardHelpOptions = true,
        description = "Project a gallery's embeddings onto a 2-D map (PCA, t-SNE or UMAP) and write it as coordinates "
                + "(.tsv) or a picture (.png).")
public final class MapCommand extends DatabaseCommand {

    @Mixin
    ModelOption model = new ModelOption();

    @Option(names = "--method", paramLabel = "METHOD", defaultValue = "pca",
            description = "pca (default: exact, instant), tsne or umap (both keep neighbourhoods; at most --max-points "
                    + "photos, a seeded random sample beyond).")
    String method = "pca";

    @Option(names = "--out", paramLabel = "FILE", required = true,
            description = "Where to write the map: FILE.tsv (x, y, category, path per photo) or FILE.png.")
    Path out;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "t-SNE's and UMAP's seed (default: ${DEFAULT-VALUE}).")
    long seed = 42;

    @Option(names = "--max-points", paramLabel = "N", defaultValue = "10000",
            description = "t-SNE and UMAP beyond this many photos run on a random sample of them (default: ${DEFAULT-VALUE}).")
    int maxPoints = ProjectionSettings.DEFAULT_MAX_POINTS;

    @Parameters(paramLabel = "GALLERY", arity = "0..1",
            description = "Gallery folder whose first-level subfolders are the categories (default: the gallery database).")
    Path gallery;

    @Override
    int run(GalleryDatabase db) throws Exception {
        ProjectionMethod how;
        try {
            how = ProjectionMethod.parse(method);
        } catch (IllegalArgumentException e) {
            throw new CliException(picocli.CommandLine.ExitCode.USAGE, e.getMessage());
        }
        String name = out.getFileName() == null ? "" : out.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean png = name.endsWith(".png");
        if (!png && !name.endsWith(".tsv")) {
            throw new CliException(picocli.CommandLine.ExitCode.USAGE, "--out must end in .png or .tsv: " + out);
        }
        if (maxPoints < 2) {
            throw new CliException(picocli.CommandLine.ExitCode.USAGE, "--max-points must be at least 2: " + maxPoints);
        }
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new CliException("cannot write " + out + ": folder " + parent + " does not exist");
        }
        GallerySession session = model.session(db, gallery);
        try (ImageEmbedder embedder = session.embedder()) {
            IndexedGallery indexed = GalleryChoice.load(session, gallery, err()).gallery();
            if (indexed.size() == 0) {
                throw new CliException("the gallery has no photos to map");
            }
            ProjectionSettings settings = ProjectionSettings.of(how).withSeed(seed).withMaxPoints(maxPoints);
            Projection map = Projector.project(indexed.vectors(), settings, new ProjectionProgress() {
                private long lastPrinted;

                @Override
                public void progress(long done, long total, String message) {
                    long now = System.nanoTime();
                    if (how != ProjectionMethod.PCA && now - lastPrinted > 2_000_000_000L) {
                        lastPrinted = now;
                        err().println(message);
                        err().flush();
                    }
                }

                @Override
                public boolean isCancelled() {
                    return Thread.currentThread().isInterrupted();
                }
            });
            if (png) {
                MapFiles.writePng(map, indexed, out);
            } else {
                MapFiles.writeTsv(map, indexed, out);
            }
            out().printf("model %s (%d-d): %s%n", embedder.info().name(), embedder.info().dimension(), map.describe());
            if (map.size() > 11) {
                double trust = NeighbourDistortion.trustworthiness(
                        NeighbourDistortion.mappedVectors(indexed.vectors(), map), map, 5);
                out().printf("trustworthiness at k=5: %.3f (1 = every photo's 5 nearest on the map are among its 5 "
                        + "nearest in the full space)%n", trust);
            }
            out().println("wrote " + out);
            return 0;
        }
    }
}
