package org.visualsearch.ui.classroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.Test;
import org.visualsearch.core.search.GalleryEntry;
import org.visualsearch.core.search.IndexedGallery;
import org.visualsearch.core.search.VectorIndex;
import org.visualsearch.ui.search.QueryRequest;
import org.visualsearch.ui.search.SearchViewModel.ShownQuery;

/** "How it works" builds its rows on the model's thread, and only while it is shown. */
class PipelineViewModelTest {
    final HeatmapViewModelTest.TopLeftMean model = new HeatmapViewModelTest.TopLeftMean();
    final SimpleObjectProperty<ShownQuery> query = new SimpleObjectProperty<>();
    final ObservableList<IndexedGallery.Hit> hits = FXCollections.observableArrayList();
    final SimpleObjectProperty<IndexedGallery> gallery = new SimpleObjectProperty<>();
    final SimpleBooleanProperty shown = new SimpleBooleanProperty();

    void searched() throws Exception {
        float[] vector = model.embed(HeatmapViewModelTest.photo());
        IndexedGallery g = new IndexedGallery(model.info(), List.of(new GalleryEntry(Path.of("red.png"), "red", "aa")),
                VectorIndex.of(3, List.<float[]>of(vector.clone())));
        gallery.set(g);
        query.set(new ShownQuery(new QueryRequest.FromFile(Path.of("query.png")), HeatmapViewModelTest.photo(), vector, model));
        hits.setAll(g.nearest(vector, 1));
    }

    @Test
    void itQueuesWorkOnlyWhileShown() throws Exception {
        List<Runnable> queued = new ArrayList<>();
        PipelineViewModel pipeline = new PipelineViewModel(query, hits, gallery, shown, queued::add);
        searched();
        assertThat(queued).isEmpty();
        shown.set(true);
        assertThat(queued).hasSize(1);
        assertThat(pipeline.pipelineProperty().get()).isNull();
    }

    @Test
    void aModelThreadThatRefusesWhileTheWindowClosesLeavesItEmpty() throws Exception {
        List<Runnable> refused = new ArrayList<>();
        PipelineViewModel pipeline = new PipelineViewModel(query, hits, gallery, shown, task -> {
            refused.add(task);
            throw new RejectedExecutionException("shutting down");
        });
        searched();
        List<Throwable> thrown = ListenerExceptions.during(() -> shown.set(true)); // a listener firing while the app closes
        assertThat(refused).hasSize(1);
        assertThat(thrown).as("thrown into the FX thread").isEmpty();
        assertThat(pipeline.pipelineProperty().get()).isNull();
    }
}
