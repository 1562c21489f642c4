package org.visualsearch.ui.search;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.Image;
import org.visualsearch.core.common.Sha256;
import org.visualsearch.core.common.ForegroundWork;
import org.visualsearch.core.image.ImageLoader;
import org.visualsearch.core.metrics.QueryInGallery;
import org.visualsearch.core.model.ImageEmbedder;
import org.visualsearch.core.search.GalleryEntry;
import org.visualsearch.core.search.IndexedGallery;
import org.visualsearch.ui.gallery.GalleryTile;

/**
 * The search thread's part of a query: decode and embed it (or take a gallery photo's stored
 * vector), find it in the gallery, and turn the whole-gallery ranking into what the window shows.
 * No JavaFX state is touched here; {@link SearchViewModel} shows the result on the FX thread.
 */
final class QuerySearch {
    /** What a finished query brings back to the FX thread. */
    record Outcome(Image preview, BufferedImage decoded, float[] vector, Ranking ranking,
                   Function<IndexedGallery, QueryInGallery> locator) {
    }

    /**
     * The top-5 and the grid's tiles, closest first; the gallery's categories when it is not the
     * one shown yet, else null; the query as the challenge sees it and its P@5 (null if unknown).
     */
    record Ranking(List<IndexedGallery.Hit> top, List<GalleryTile> tiles, List<String> categories,
                   QueryInGallery query, Double precisionAt5) {
    }

    private final ImageLoader loader;

    QuerySearch(ImageLoader loader) {
        this.loader = loader;
    }

    /**
     * Turns a whole-gallery ranking into what the window shows. The query is left out of it when
     * it is a gallery photo, unless {@code showSelf}; P@5 is always scored without it.
     */
    static Ranking ranked(IndexedGallery target, List<IndexedGallery.Hit> fullRanking, List<String> categories,
                          Function<IndexedGallery, QueryInGallery> locator, boolean showSelf) {
        QueryInGallery query = locator == null ? QueryInGallery.UNKNOWN : locator.apply(target);
        List<IndexedGallery.Hit> withoutSelf = query.leaveOut(fullRanking);
        OptionalDouble p5 = query.precisionAt5(target, withoutSelf);
        List<IndexedGallery.Hit> ranking = showSelf ? fullRanking : withoutSelf;
        GalleryTile[] sorted = new GalleryTile[ranking.size()];
        for (int i = 0; i < sorted.length; i++) {
            IndexedGallery.Hit hit = ranking.get(i);
            sorted[i] = new GalleryTile(hit.index(), hit.entry(), hit.rank(), hit.distance());
        }
        int top = Math.min(SearchViewModel.TOP_K, ranking.size());
        return new Ranking(List.copyOf(ranking.subList(0, top)), Arrays.asList(sorted),
                categories, query, p5.isPresent() ? p5.getAsDouble() : null);
    }

    /**
     * Runs the query; returns null as soon as {@code superseded} says a newer query came.
     * {@code shown} is the gallery on screen when it differs from {@code target} (a picked tile's
     * index is into it).
     */
    Outcome run(QueryRequest request, ImageEmbedder model, IndexedGallery target, IndexedGallery shown,
                boolean showSelf, BooleanSupplier superseded) throws Exception {
        // indexing leaves this search a core while it runs
        try (ForegroundWork.Running searching = ForegroundWork.shared().enter()) {
            return search(request, model, target, shown, showSelf, superseded);
        }
    }

    private Outcome search(QueryRequest request, ImageEmbedder model, IndexedGallery target, IndexedGallery shown,
                           boolean showSelf, BooleanSupplier superseded) throws Exception {
        if (superseded.getAsBoolean()) {
            return null;
        }
        BufferedImage image;
        float[] vector;
        Function<IndexedGallery, QueryInGallery> locator;
        if (request instanceof QueryRequest.FromGallery pick) {
            vector = (shown != null ? shown : target).vectors().vector(pick.index());
            image = loadPreviewQuietly(pick.entry());
            locator = g -> QueryInGallery.ofEntry(g, pick.entry());
        } else {
            // The gallery was decoded at the model's vss.maxSide (its id depends on it): so is the query.
            ImageLoader queryLoader = loader.maxSide() == model.maxSide() ? loader : new ImageLoader(model.maxSide());
            if (request instanceof QueryRequest.FromFile file) {
                image = queryLoader.load(file.file());
            } else if (request instanceof QueryRequest.FromBytes bytes) {
                image = queryLoader.load(bytes.content(), Path.of(bytes.label()));
            } else {
                image = queryLoader.fit(((QueryRequest.FromImage) request).image());
            }
            if (superseded.getAsBoolean()) {
                return null;
            }
            vector = model.embed(image);
            if (request instanceof QueryRequest.FromFile file) {
                String hash = hashQuietly(file.file());
                locator = g -> QueryInGallery.ofFile(g, file.file(), hash);
            } else {
                locator = null; // a pasted image has no file to match
            }
        }
        if (superseded.getAsBoolean()) {
            return null;
        }
        Ranking ranking = ranked(target, target.rankAll(vector),
                shown == null ? null : GalleryGrouping.categoriesOf(target), locator, showSelf);
        Image preview = image == null ? null : SwingFXUtils.toFXImage(image, null);
        return new Outcome(preview, image, vector, ranking, locator);
    }

    private static String hashQuietly(Path file) {
        try {
            return Sha256.of(file);
        } catch (IOException e) {
            return null; // it was just decoded; if it cannot be read again it is simply not matched
        }
    }

    private BufferedImage loadPreviewQuietly(GalleryEntry entry) {
        try {
            return loader.load(entry.path());
        } catch (Exception e) {
            return null; // the stored vector still answers the query
        }
    }
}
