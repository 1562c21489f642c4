package org.visualsearch.ui.classroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.Test;
import org.visualsearch.core.model.EmbeddingException;
import org.visualsearch.core.model.ImageEmbedder;
import org.visualsearch.core.model.ModelInfo;
import org.visualsearch.core.occlusion.OcclusionSettings;
import org.visualsearch.core.search.GalleryEntry;
import org.visualsearch.core.search.IndexedGallery;
import org.visualsearch.core.search.VectorIndex;
import org.visualsearch.ui.classroom.HeatmapViewModel.State;
import org.visualsearch.ui.search.QueryRequest;
import org.visualsearch.ui.search.SearchViewModel.ShownQuery;

/**
 * The heatmap's view-model without a window: the model's thread is a queue the test runs task by
 * task, so it sees that a search waits one embed, and when a stop lands.
 */
class HeatmapViewModelTest {
    /** The mean colour of the top-left quadrant: only that quadrant matters. */
    static final class TopLeftMean implements ImageEmbedder {
        final AtomicInteger calls = new AtomicInteger();
        volatile boolean broken;

        @Override
        public ModelInfo info() {
            return new ModelInfo("top-left", "Top-left mean", 3);
        }

        @Override
        public float[] embed(BufferedImage image) throws EmbeddingException {
            calls.incrementAndGet();
            if (broken) {
                throw new EmbeddingException("the model broke");
            }
            int rgb = image.getRGB(image.getWidth() / 4, image.getHeight() / 4);
            double[] sum = new double[3];
            int w = image.getWidth() / 2;
            int h = image.getHeight() / 2;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    rgb = image.getRGB(x, y);
                    sum[0] += (rgb >> 16) & 0xFF;
                    sum[1] += (rgb >> 8) & 0xFF;
                    sum[2] += rgb & 0xFF;
                }
            }
            return new float[] {(float) (sum[0] / (w * h * 255.0)), (float) (sum[1] / (w * h * 255.0)), (float) (sum[2] / (w * h * 255.0))};
        }

        @Override
        public void close() {
        }
    }

    final ArrayDeque<Runnable> modelThread = new ArrayDeque<>();
    final TopLeftMean model = new TopLeftMean();
    final SimpleObjectProperty<ShownQuery> query = new SimpleObjectProperty<>();
    final ObservableList<IndexedGallery.Hit> hits = FXCollections.observableArrayList();
    final SimpleObjectProperty<IndexedGallery> gallery = new SimpleObjectProperty<>();
    final SimpleBooleanProperty shown = new SimpleBooleanProperty();
    final SimpleBooleanProperty uncovered = new SimpleBooleanProperty(true);
    final HeatmapViewModel heatmap = new HeatmapViewModel(query, hits, gallery, shown, uncovered, modelThread::add,
            Runnable::run, OcclusionSettings.grid(4));

    static BufferedImage photo() {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, 32, 24);
        g.setColor(Color.GREEN);
        g.fillRect(32, 0, 32, 48);
        g.dispose();
        return image;
    }

    /** A query whose #1 match looks exactly like its top-left quadrant. */
    void searched() throws Exception {
        BufferedImage photo = photo();
        float[] vector = model.embed(photo);
        GalleryEntry match = new GalleryEntry(Path.of("red.png"), "red", "aa");
        GalleryEntry other = new GalleryEntry(Path.of("blue.png"), "blue", "bb");
        IndexedGallery g = new IndexedGallery(model.info(), List.of(match, other),
                VectorIndex.of(3, List.of(vector.clone(), new float[] {0, 0, 1})));
        gallery.set(g);
        query.set(new ShownQuery(new QueryRequest.FromFile(Path.of("query.png")), photo, vector, model));
        hits.setAll(g.nearest(vector, 2));
        model.calls.set(0);
    }

    int runAll() {
        int tasks = 0;
        while (!modelThread.isEmpty()) {
            modelThread.poll().run();
            tasks++;
        }
        return tasks;
    }

    @Test
    void itRunsOnlyWhileShownOneEmbedPerTaskWithProgress() throws Exception {
        searched();
        assertThat(modelThread).as("not shown: nothing runs").isEmpty();
        assertThat(heatmap.stateProperty().get()).isEqualTo(State.IDLE);
        shown.set(true);
        assertThat(heatmap.stateProperty().get()).isEqualTo(State.RUNNING);
        List<Double> progress = new ArrayList<>();
        heatmap.progressProperty().addListener((o, old, now) -> progress.add(now.doubleValue()));
        assertThat(runAll()).isEqualTo(17);
        assertThat(model.calls.get()).isEqualTo(17);
        assertThat(progress).hasSize(17).endsWith(1.0);
        assertThat(heatmap.stateProperty().get()).isEqualTo(State.DONE);
        HeatmapViewModel.Result result = heatmap.resultProperty().get();
        assertThat(result.match().entry().path()).isEqualTo(Path.of("red.png"));
        double[] heat = result.heatmap().normalised();
        assertThat(heat[0]).isEqualTo(1.0, org.assertj.core.api.Assertions.within(1e-6));
        assertThat(heat[2]).isZero(); // the top-right: the model never looks there
        assertThat(result.overlay().getWidth()).isEqualTo(64);
        assertThat(heatmap.statusProperty().get()).contains("17 embeds").contains("Top-left mean");
        assertThat(HeatmapViewModel.awayText(result.heatmap())).startsWith("hiding this part moved the photo away from its match by up to 0.");
        assertThat(HeatmapViewModel.closerText(result.heatmap())).isNull();
    }

    @Test
    void aModelThreadShuttingDownMidwayEndsItQuietly() throws Exception {
        java.util.concurrent.atomic.AtomicBoolean closing = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.Executor closable = task -> {
            if (closing.get()) {
                throw new java.util.concurrent.RejectedExecutionException("shutting down");
            }
            modelThread.add(task);
        };
        SimpleBooleanProperty shownHere = new SimpleBooleanProperty(); // the other heatmap stays hidden
        HeatmapViewModel closingHeatmap = new HeatmapViewModel(query, hits, gallery, shownHere, uncovered, closable,
                Runnable::run, OcclusionSettings.grid(4));
        searched();
        shownHere.set(true);
        modelThread.poll().run(); // one embed done, the next one queued
        closing.set(true); // the window closes: its executor refuses the next step
        modelThread.poll().run();
        assertThat(modelThread).isEmpty();
        assertThat(model.calls.get()).isEqualTo(2);
        assertThat(closingHeatmap.stateProperty().get()).isEqualTo(State.RUNNING);
        List<Throwable> thrown = ListenerExceptions.during(() -> { // a listener fired while closing: no step queued
            shownHere.set(false);
            shownHere.set(true);
        });
        assertThat(thrown).isEmpty();
        assertThat(closingHeatmap.stateProperty().get()).isEqualTo(State.IDLE);
        assertThat(modelThread).isEmpty();
    }

    @Test
    void aSearchQueuedMeanwhileWaitsOneEmbedNotTheHeatmap() throws Exception {
        searched();
        shown.set(true);
        modelThread.poll().run(); // the first embed
        List<String> order = new ArrayList<>();
        modelThread.add(() -> order.add("search"));
        int embedsBefore = model.calls.get();
        modelThread.poll().run(); // the heatmap's next embed was queued before the search...
        modelThread.poll().run(); // ...then the search runs, before the third
        assertThat(order).containsExactly("search");
        assertThat(model.calls.get() - embedsBefore).isEqualTo(1);
        runAll();
        assertThat(heatmap.stateProperty().get()).isEqualTo(State.DONE);
    }

    @Test
    void stopHidingANewQueryOrANewModelStopBetweenTwoEmbeds() throws Exception {
        searched();
        shown.set(true);
        modelThread.poll().run();
        modelThread.poll().run();
        heatmap.cancel();
        assertThat(heatmap.stateProperty().get()).isEqualTo(State.CANCELLED);
        assertThat(heatmap.statusProperty().get()).isEqualTo("Stopped after 2 of 17 embeds.");
        runAll();
        assertThat(model.calls.get()).as("the queued step sees the stop").isEqualTo(2);
        assertThat(heatmap.resultProperty().get()).isNull();

        heatmap.start(); // "Again"
        modelThread.poll().run();
        shown.set(false);
        assertThat(heatmap.stateProperty().get()).isEqualTo(State.IDLE);
        runAll();
        assertThat(model.calls.get()).isEqualTo(3);

        shown.set(true);
        modelThread.poll().run();
        searched(); // a new query: the old run ends, a new one starts
        runAll();
        assertThat(model.calls.get()).isEqualTo(17);
        assertThat(heatmap.stateProperty().get()).isEqualTo(State.DONE);

        modelThread.clear();
        gallery.set(new IndexedGallery(new ModelInfo("other", "Other", 3), gallery.get().entries(), gallery.get().vectors()));
        assertThat(heatmap.stateProperty().get()).as("the query's model is not the gallery's").isEqualTo(State.WAITING);
        assertThat(modelThread).isEmpty();
    }

    @Test
    void whileGuessFirstCoversNumberOneItWaitsAndAFailureIsSaid() throws Exception {
        uncovered.set(false);
        shown.set(true);
        assertThat(heatmap.statusProperty().get()).startsWith("Search for a photo");
        searched();
        assertThat(heatmap.stateProperty().get()).isEqualTo(State.WAITING);
        assertThat(heatmap.statusProperty().get()).contains("once #1 is uncovered");
        assertThat(modelThread).isEmpty();
        uncovered.set(true);
        assertThat(heatmap.stateProperty().get()).isEqualTo(State.RUNNING);
        model.broken = true;
        runAll();
        assertThat(heatmap.stateProperty().get()).isEqualTo(State.FAILED);
        assertThat(heatmap.statusProperty().get()).isEqualTo("The heatmap failed: the model broke");
    }
}
