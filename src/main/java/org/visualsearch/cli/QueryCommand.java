package org.visualsearch.cli;

import org.visualsearch.app.GallerySession;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import org.visualsearch.core.image.ImageLoadException;
import org.visualsearch.core.image.ImageLoader;
import org.visualsearch.core.model.EmbeddingException;
import org.visualsearch.core.model.ImageEmbedder;
import org.visualsearch.core.search.IndexedGallery;
import org.visualsearch.core.store.GalleryDatabase;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code query IMAGE}: the k nearest gallery photos by Euclidean distance, one per line as
 * {@code rank<TAB>distance<TAB>path<TAB>label}.
 */
@Command(name = "query", mixinStandardHelpOptions = true, description = "Print the k nearest gallery photos to IMAGE: rank, distance, path, label.")
public final class QueryCommand extends DatabaseCommand {

    @Mixin
    ModelOption model = new ModelOption();

    @Option(names = "--gallery", paramLabel = "DIR",
            description = "Gallery folder to search (default: the gallery database's folders).")
    Path gallery;

    @Option(names = {"-k", "--top"}, paramLabel = "N", defaultValue = "5",
            description = "How many neighbours (default: ${DEFAULT-VALUE}).")
    int k;

    @Parameters(paramLabel = "IMAGE", description = "The query photo.")
    Path image;

    @Override
    int run(GalleryDatabase db) throws Exception {
        if (k < 1) {
            throw new CliException(ExitCode.USAGE, "-k must be at least 1, not " + k);
        }
        GallerySession session = model.session(db, gallery);
        try (ImageEmbedder embedder = session.embedder()) {
            float[] query = embedQuery(embedder);
            IndexedGallery searched = GalleryChoice.load(session, gallery, err()).gallery();
            if (searched.size() == 0) {
                throw new CliException("the gallery has no indexed photos");
            }
            for (IndexedGallery.Hit hit : searched.nearest(query, k)) {
                out().printf("%d\t%.4f\t%s\t%s%n", hit.rank(), hit.distance(), Tsv.field(hit.entry().path()),
                        Tsv.field(hit.entry().categoryOrUnlabelled()));
            }
            return 0;
        }
    }

    private float[] embedQuery(ImageEmbedder embedder) {
        try {
            BufferedImage photo = new ImageLoader(embedder.maxSide()).load(image);
            return embedder.embed(photo);
        } catch (ImageLoadException e) {
            throw new CliException("cannot read the query " + e.getMessage());
        } catch (EmbeddingException e) {
            throw new CliException(e.getMessage());
        }
    }
}
