package org.visualsearch.ui.classroom;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.Image;
import org.visualsearch.core.search.IndexedGallery;
import org.visualsearch.ui.search.SearchViewModel.ShownQuery;

/**
 * "How it works": one query's pipeline, computed off the FX thread when the strip is shown: the
 * photo as decoded, what the model receives (at its real size), the query's vector and the top
 * 5's vectors with their distances.
 */
public final class PipelineViewModel {
    /** A vector and what it is ("query", "#1 0.340"). */
    public record VectorRow(String label, float[] values, double distance) {
    }

    /** The strip's content. */
    public record Pipeline(Image decoded, String decodedText, Image input, String inputText, List<VectorRow> rows) {
    }

    private final ObservableValue<ShownQuery> query;
    private final ObservableList<IndexedGallery.Hit> hits;
    private final ObservableValue<IndexedGallery> gallery;
    private final ObservableBooleanValue shown;
    private final Executor background;
    private final ReadOnlyObjectWrapper<Pipeline> pipeline = new ReadOnlyObjectWrapper<>();
    private final AtomicLong generation = new AtomicLong();

    /** @param background the thread that may call the model (the search thread) */
    public PipelineViewModel(ObservableValue<ShownQuery> query, ObservableList<IndexedGallery.Hit> hits,
                             ObservableValue<IndexedGallery> gallery, ObservableBooleanValue shown, Executor background) {
        this.query = query;
        this.hits = hits;
        this.gallery = gallery;
        this.shown = shown;
        this.background = background;
        hits.addListener((ListChangeListener<IndexedGallery.Hit>) c -> refresh());
        shown.addListener(o -> refresh());
        query.addListener(o -> refresh());
    }

    private void refresh() {
        long mine = generation.incrementAndGet();
        ShownQuery q = query.getValue();
        IndexedGallery g = gallery.getValue();
        if (!shown.get() || q == null || g == null || hits.isEmpty()) {
            pipeline.set(null);
            return;
        }
        List<IndexedGallery.Hit> top = List.copyOf(hits);
        try {
            background.execute(() -> {
                if (mine != generation.get()) {
                    return;
                }
                Pipeline built = build(q, g, top);
                Platform.runLater(() -> {
                    if (mine == generation.get()) {
                        pipeline.set(built);
                    }
                });
            });
        } catch (RejectedExecutionException closing) {
            pipeline.set(null); // the window is closing: nothing left to show it in
        }
    }

    static Pipeline build(ShownQuery q, IndexedGallery g, List<IndexedGallery.Hit> top) {
        BufferedImage decoded = q.decoded();
        Image decodedImage = null;
        String decodedText = "the photo could not be read again";
        Image inputImage = null;
        String inputText = "";
        if (decoded != null) {
            decodedImage = SwingFXUtils.toFXImage(decoded, null);
            decodedText = decoded.getWidth() + " x " + decoded.getHeight() + " pixels (EXIF-rotated, long side shrunk)";
            BufferedImage input = q.model().modelInput(decoded);
            inputImage = SwingFXUtils.toFXImage(input, null);
            inputText = q.model().modelInputDescription(decoded);
        }
        List<VectorRow> rows = new ArrayList<>();
        rows.add(new VectorRow("query", q.vector(), Double.NaN));
        for (IndexedGallery.Hit hit : top) {
            if (hit.index() >= 0 && hit.index() < g.size()) {
                rows.add(new VectorRow("#" + hit.rank(), g.vectors().vector(hit.index()), hit.distance()));
            }
        }
        return new Pipeline(decodedImage, decodedText, inputImage, inputText, rows);
    }

    public ReadOnlyObjectProperty<Pipeline> pipelineProperty() {
        return pipeline.getReadOnlyProperty();
    }
}
