package org.visualsearch.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.visualsearch.ui.FxThread.fx;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import org.visualsearch.core.DefaultLocations;
import org.visualsearch.core.search.GalleryEntry;
import org.visualsearch.core.search.IndexedGallery;
import org.visualsearch.core.image.ImageLoader;
import org.visualsearch.core.model.ImageEmbedder;
import org.visualsearch.core.model.ModelCatalog;
import org.visualsearch.core.projection.ProjectionCache;
import org.visualsearch.core.search.VectorIndex;
import org.visualsearch.ui.compare.CompareView;
import org.visualsearch.ui.compare.CompareViewModel;
import org.visualsearch.ui.gallery.ThumbnailCache;
import org.visualsearch.app.ModelChoice;
import org.visualsearch.ui.map.MapView;
import org.visualsearch.ui.map.MapViewModel;

/**
 * Screenshots of the map and the comparison on the real sample gallery with the default model
 * and the histogram baseline. Opt-in, since it embeds 100 photos twice (about a minute): run with
 * {@code -Dvss.sampleGallery=../shared/sample-photos-v2}.
 */
class SampleGalleryScreenshotTest {

    @Test
    void mapsAndComparisonOfTheDefaultModelAndTheBaseline() throws Exception {
        String folder = System.getProperty("vss.sampleGallery");
        Assumptions.assumeTrue(folder != null && Files.isDirectory(Path.of(folder)), "set -Dvss.sampleGallery=FOLDER");
        FxToolkit.registerPrimaryStage();
        ModelCatalog catalog = new ModelCatalog(DefaultLocations.current().modelsDir());
        IndexedGallery learned;
        IndexedGallery baseline;
        try (ImageEmbedder model = catalog.open(ModelCatalog.DEFAULT); ImageEmbedder histogram = catalog.open(ModelCatalog.HISTOGRAM)) {
            learned = index(Path.of(folder), model);
            baseline = index(Path.of(folder), histogram);
        }
        ExecutorService executor = Executors.newSingleThreadExecutor();
        ExecutorService thumbs = Executors.newFixedThreadPool(2);
        ThumbnailCache cache = fx(() -> new ThumbnailCache(thumbs, 500, 64L << 20));
        for (IndexedGallery g : List.of(learned, baseline)) {
            String name = g == learned ? "default" : "histogram";
            // the query: the first vehicle, with its true top 5 (itself first, as the search view shows)
            int query = 0;
            while (!"vehicle".equals(g.entries().get(query).category())) {
                query++;
            }
            float[] vector = g.vectors().vector(query);
            var hits = FXCollections.observableArrayList(g.nearest(vector, 5));
            MapViewModel vm = fx(() -> new MapViewModel(new SimpleObjectProperty<>(g), new SimpleObjectProperty<>(vector),
                    hits, executor, i -> { }, new ProjectionCache(2)));
            Stage stage = fx(() -> {
                VisualSearchApp.applyTheme();
                Stage s = new Stage();
                Scene scene = new Scene(new MapView(vm, cache).root(), 1100, 760);
                scene.getStylesheets().add(VisualSearchApp.class.getResource(VisualSearchApp.STYLESHEET).toExternalForm());
                s.setScene(scene);
                s.show();
                return s;
            });
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(() -> vm.projectionProperty().get() != null));
            WaitForAsyncUtils.sleep(500, TimeUnit.MILLISECONDS);
            WindowTestSupport.screenshot(stage.getScene(), "sample-map-pca-" + name);
            fx(() -> vm.methodProperty().set(org.visualsearch.core.projection.ProjectionMethod.TSNE));
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(() -> vm.projectionProperty().get() != null
                    && vm.projectionProperty().get().method() == org.visualsearch.core.projection.ProjectionMethod.TSNE));
            WaitForAsyncUtils.sleep(500, TimeUnit.MILLISECONDS);
            WindowTestSupport.screenshot(stage.getScene(), "sample-map-tsne-" + name);
            fx(() -> vm.methodProperty().set(org.visualsearch.core.projection.ProjectionMethod.UMAP));
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(() -> vm.projectionProperty().get() != null
                    && vm.projectionProperty().get().method() == org.visualsearch.core.projection.ProjectionMethod.UMAP));
            WaitForAsyncUtils.sleep(500, TimeUnit.MILLISECONDS);
            WindowTestSupport.screenshot(stage.getScene(), "sample-map-umap-" + name);
            fx(stage::close);
        }
        ModelChoice a = new ModelChoice("default", "Default model");
        CompareViewModel compare = fx(() -> new CompareViewModel(new SimpleObjectProperty<>(learned), new SimpleObjectProperty<>(a),
                FXCollections.observableArrayList(a, ModelChoice.HISTOGRAM), (m, p) -> baseline, executor));
        Stage stage = fx(() -> {
            Stage s = new Stage();
            ScrollPane scroll = new ScrollPane(new CompareView(compare, cache).root());
            scroll.setFitToWidth(true);
            Scene scene = new Scene(scroll, 1240, 1000);
            scene.getStylesheets().add(VisualSearchApp.class.getResource(VisualSearchApp.STYLESHEET).toExternalForm());
            s.setScene(scene);
            s.show();
            return s;
        });
        fx(compare::compare);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(() -> compare.queryProperty().get() != null));
        WaitForAsyncUtils.sleep(4000, TimeUnit.MILLISECONDS); // full-size JPEG thumbnails decode slowly
        WindowTestSupport.screenshot(stage.getScene(), "sample-compare-default-vs-histogram");
        assertThat(fx(() -> compare.comparisonProperty().get().meanPrecisionA()))
                .isGreaterThan(fx(() -> compare.comparisonProperty().get().meanPrecisionB()));
        fx(stage::close);

        // the map switching between the two models, the comparison's query kept marked
        GalleryEntry picked = fx(() -> compare.queryProperty().get().query());
        float[] pickedVector = learned.vectors().vector(learned.entries().indexOf(picked));
        var pickedHits = FXCollections.observableArrayList(learned.nearest(pickedVector, 6).subList(1, 6));
        MapViewModel both = fx(() -> new MapViewModel(new SimpleObjectProperty<>(learned), new SimpleObjectProperty<>(pickedVector),
                pickedHits, executor, i -> { }, new ProjectionCache(4), compare.comparisonProperty()));
        fx(() -> both.highlight(picked));
        Stage switching = fx(() -> {
            Stage s = new Stage();
            Scene scene = new Scene(new MapView(both, cache).root(), 1100, 760);
            scene.getStylesheets().add(VisualSearchApp.class.getResource(VisualSearchApp.STYLESHEET).toExternalForm());
            s.setScene(scene);
            s.show();
            return s;
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(() -> both.projectionProperty().get() != null));
        WaitForAsyncUtils.sleep(500, TimeUnit.MILLISECONDS);
        WindowTestSupport.screenshot(switching.getScene(), "sample-map-switch-a");
        fx(() -> both.sideProperty().set(MapViewModel.Side.B));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(() -> both.projectedGalleryProperty().get()
                == compare.comparisonProperty().get().galleryB()));
        WaitForAsyncUtils.sleep(500, TimeUnit.MILLISECONDS);
        WindowTestSupport.screenshot(switching.getScene(), "sample-map-switch-b");
        fx(switching::close);

        // the evaluation report's map, as a picture to look at, and the report itself
        var evaluation = org.visualsearch.core.evaluation.GalleryEvaluator.evaluate(learned);
        var report = new org.visualsearch.core.evaluation.EvaluationReport.Content(evaluation, "sample-photos-v2",
                java.time.ZonedDateTime.now(), java.util.OptionalDouble.empty(), entry -> java.util.Optional.empty(),
                org.visualsearch.core.evaluation.PhotoCredits.none(), learned);
        Path shots = Path.of("target", "screenshots");
        Files.createDirectories(shots);
        org.visualsearch.core.evaluation.EvaluationReport.write(report, shots.resolve("sample-report.html"));
        var pca = org.visualsearch.core.projection.Projector.project(learned.vectors(),
                org.visualsearch.core.projection.ProjectionSettings.of(org.visualsearch.core.projection.ProjectionMethod.PCA),
                org.visualsearch.core.projection.ProjectionProgress.NONE);
        javax.imageio.ImageIO.write(org.visualsearch.core.projection.MapFiles.picture(pca, learned, 960, 640), "png",
                shots.resolve("sample-report-map.png").toFile());
        executor.shutdownNow();
        thumbs.shutdownNow();
    }

    private static IndexedGallery index(Path root, ImageEmbedder embedder) throws Exception {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).filter(p -> p.toString().toLowerCase().matches(".*\\.(jpe?g|png|webp)"))
                    .sorted().toList();
        }
        ImageLoader loader = new ImageLoader(embedder.maxSide());
        List<GalleryEntry> entries = new ArrayList<>();
        List<float[]> vectors = new ArrayList<>();
        for (Path file : files) {
            Path relative = root.relativize(file);
            String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
            entries.add(new GalleryEntry(file, relative.getNameCount() > 1 ? relative.getName(0).toString() : null, hash));
            vectors.add(embedder.embed(loader.load(file)));
        }
        return new IndexedGallery(embedder.info(), entries, VectorIndex.of(embedder.info().dimension(), vectors));
    }
}
