package org.visualsearch.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.visualsearch.ui.FxThread.fx;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javafx.animation.AnimationTimer;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.skin.VirtualFlow;
import javax.imageio.ImageIO;
import org.controlsfx.control.GridView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import org.visualsearch.core.image.ImageLoader;
import org.visualsearch.core.model.ColorHistogramEmbedder;
import org.visualsearch.core.search.GalleryEntry;
import org.visualsearch.core.search.IndexedGallery;
import org.visualsearch.core.search.VectorIndex;
import org.visualsearch.ui.credits.CreditsSource;
import org.visualsearch.ui.gallery.GalleryTileCell;
import org.visualsearch.app.ThumbnailSource;
import org.visualsearch.ui.gallery.GalleryTile;
import org.visualsearch.ui.search.SearchViewModel;
import org.visualsearch.ui.search.TopMatchesPanel;

/**
 * The real window on a 100,000-photo gallery (issue 4, "Scale"): synthetic 64-d vectors in the
 * colour-histogram model's space, so a real photo embedded by that model searches them, and
 * thumbnails served lazily like the store's (a JPEG decoded per request). Asserts what a user
 * sees and that thumbnails are only loaded for tiles on screen; prints timings, the longest
 * stall of the FX thread and the heap.
 */
class ScaleWindowTest {
    static final int SIZE = Integer.getInteger("vss.scale.size", 100_000);
    /** The FX thread may not go longer than this without drawing a frame once the window shows. */
    static final long STALL_LIMIT_MS = 2_500;
    /** ...nor than this while the window is first built, styled and laid out. */
    static final long OPEN_STALL_LIMIT_MS = 8_000;
    static final List<String> CATEGORIES = List.of("dog", "vehicle", "food", "landmark", "clothes");

    @TempDir
    static Path dir;
    static IndexedGallery gallery;
    static Map<String, List<byte[]>> jpegs;

    private final FxRobot robot = new FxRobot();
    private VisualSearchApp app;

    @BeforeAll
    static void setUpGallery() throws Exception {
        FxToolkit.registerPrimaryStage();
        long started = System.nanoTime();
        gallery = syntheticGallery(SIZE, 7);
        System.out.printf("scale: built a %,d-entry gallery in %d ms%n", SIZE, millisSince(started));
    }

    @AfterEach
    void closeWindow() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
        FxToolkit.cleanupStages();
    }

    @Test
    void theWindowStaysResponsiveWithAHundredThousandPhotos() throws Exception {
        CountingThumbnails thumbnails = new CountingThumbnails(jpegs);
        AppServices services = new AppServices(new ColorHistogramEmbedder(), gallery, "index ready", null,
                thumbnails, CreditsSource.fromWorkingDirectory());
        StallMeter stalls = new StallMeter();

        fx(stalls::start);
        long openStarted = System.nanoTime();
        app = (VisualSearchApp) FxToolkit.setupApplication(() -> new VisualSearchApp(() -> services,
                new WindowTestSupport.ScriptedChooser()));
        GridView<GalleryTile> grid = robot.lookup("#galleryGrid").query();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> fx(() ->
                search().readyProperty().get() && grid.getItems().size() == SIZE && !visibleTiles(grid).isEmpty()));
        long openMillis = millisSince(openStarted);
        long openStall = fx(stalls::takeMax);
        assertThat(fx(() -> grid.getItems().get(0).ranked())).isFalse();
        printHeap("after opening");

        // Drop a real photo; note when the top-5 and the re-sorted grid reach the screen.
        AtomicLong topShown = new AtomicLong();
        AtomicLong gridSorted = new AtomicLong();
        fx(() -> {
            search().topMatches().addListener((ListChangeListener<IndexedGallery.Hit>) c -> {
                if (search().topMatches().size() == SearchViewModel.TOP_K) {
                    topShown.compareAndSet(0, System.nanoTime());
                }
            });
            grid.getItems().addListener((ListChangeListener<GalleryTile>) c -> {
                if (!grid.getItems().isEmpty() && grid.getItems().get(0).ranked()) {
                    gridSorted.compareAndSet(0, System.nanoTime());
                }
            });
        });
        Path query = TestGalleries.writeQuery(dir.resolve("queries"), "dog", 11);
        Node queryPane = robot.lookup("#queryPane").query();
        int loadsBefore = thumbnails.loads.get();
        long dropped = System.nanoTime();
        assertThat(fx(() -> WindowTestSupport.dropFiles(queryPane, List.of(query)))).isTrue();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> fx(() -> search().completedSearchesProperty().get() >= 1));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() ->
                visibleTiles(grid).stream().allMatch(GalleryTile::ranked)));
        long queryStall = fx(stalls::takeMax);
        long firstTopMillis = (topShown.get() - dropped) / 1_000_000;
        long firstGridMillis = (gridSorted.get() - dropped) / 1_000_000;
        long firstSearchMillis = fx(() -> search().lastSearchMillisProperty().get());

        List<IndexedGallery.Hit> shown = fx(() -> robot.lookup("#top5").queryAs(TopMatchesPanel.class).shownHits());
        assertThat(shown).hasSize(5);
        assertThat(shown).extracting(IndexedGallery.Hit::distance).isSorted();
        assertThat(shown).extracting(IndexedGallery.Hit::rank).containsExactly(1, 2, 3, 4, 5);
        assertThat(shown).allMatch(h -> h.entry().category().equals("dog"));
        List<GalleryTile> items = fx(() -> List.copyOf(grid.getItems()));
        assertThat(items).hasSize(SIZE);
        for (int i = 1; i < items.size(); i++) {
            if (items.get(i - 1).distance() > items.get(i).distance() || items.get(i).rank() != i + 1) {
                throw new AssertionError("grid not sorted by distance at " + i);
            }
        }
        assertThat(items.get(0).entry()).isEqualTo(shown.get(0).entry());
        // The distance strip draws a stated subsample beyond its dense ranks, so it redraws as fast as a small one.
        String stripCaption = fx(() -> robot.lookup("#distanceStripCaption").queryAs(javafx.scene.control.Label.class).getText());
        assertThat(stripCaption).contains("gap #5→#6").contains(String.format("of %,d drawn", SIZE - 300));
        List<GalleryTile> firstScreen = fx(() -> visibleTiles(grid));
        assertThat(firstScreen).extracting(GalleryTile::rank).contains(1);

        // Scroll to the very end.
        VirtualFlow<?> flow = (VirtualFlow<?>) grid.lookup(".virtual-flow");
        long scrollStarted = System.nanoTime();
        fx(() -> flow.setPosition(1.0)); // the scroll bar's thumb dragged to the bottom
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() ->
                visibleTiles(grid).stream().anyMatch(t -> t.rank() == SIZE)));
        long scrollMillis = millisSince(scrollStarted);
        long scrollStall = fx(stalls::takeMax);
        List<GalleryTile> lastScreen = fx(() -> visibleTiles(grid));
        assertThat(lastScreen).extracting(GalleryTile::entry).contains(items.get(SIZE - 1).entry());

        // Thumbnails are lazy: only tiles that were on screen (and the top-5) were ever loaded.
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> thumbnails.requested.containsAll(
                lastScreen.stream().map(GalleryTile::entry).toList()));
        int loads = thumbnails.loads.get();
        assertThat(loads).isLessThan(400);
        assertThat(fx(() -> app.viewModel().thumbnails().size())).isLessThan(400);

        // A second query, with everything warmed up: what a user sees from then on.
        Path second = TestGalleries.writeQuery(dir.resolve("queries"), "vehicle", 12);
        fx(() -> {
            topShown.set(0);
            gridSorted.set(0);
        });
        long droppedAgain = System.nanoTime();
        fx(() -> WindowTestSupport.dropFiles(queryPane, List.of(second)));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> fx(() -> search().completedSearchesProperty().get() >= 2));
        WaitForAsyncUtils.waitForFxEvents();
        long secondStall = fx(stalls::takeMax);
        assertThat(fx(() -> robot.lookup("#top5").queryAs(TopMatchesPanel.class).shownHits()))
                .hasSize(5).allMatch(h -> h.entry().category().equals("vehicle"));
        assertThat(fx(() -> grid.getItems().get(0).rank())).isEqualTo(1);

        // Indexing adds a photo: the database hands over a new snapshot and the shown query is
        // ranked again against it, on the FX thread.
        IndexedGallery grown = withOneMore(gallery);
        long[] regroupNanos = new long[1];
        fx(() -> {
            long started = System.nanoTime();
            search().setGallery(grown);
            regroupNanos[0] = System.nanoTime() - started;
        });
        long regroupStarted = System.nanoTime();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> grid.getItems().size() == SIZE + 1));
        long regroupMillis = millisSince(regroupStarted) + regroupNanos[0] / 1_000_000;
        assertThat(fx(() -> grid.getItems().get(0).ranked())).isTrue();
        assertThat(fx(() -> search().galleryProperty().get())).isSameAs(grown);
        assertThat(fx(() -> robot.lookup("#top5").queryAs(TopMatchesPanel.class).shownHits()))
                .hasSize(5).allMatch(h -> h.entry().category().equals("vehicle"));
        fx(stalls::stop);

        // Loose enough for a loaded 2-core CI machine (measured there: about 2 s while the window
        // first opens, 0.3-0.6 s after that); a freeze of the FX thread takes longer and fails.
        assertThat(openStall).as("longest FX stall while the window opens, ms").isLessThan(OPEN_STALL_LIMIT_MS);
        assertThat(List.of(queryStall, secondStall, scrollStall))
                .as("longest FX stalls of the first query, the second query and the scroll, ms")
                .allMatch(stall -> stall < STALL_LIMIT_MS);
        assertThat(regroupNanos[0] / 1_000_000).as("setGallery on the FX thread with a query shown, ms")
                .isLessThan(STALL_LIMIT_MS);

        System.out.printf("scale: window open with %,d photos: %d ms (longest FX stall %d ms)%n", SIZE, openMillis, openStall);
        System.out.printf("scale: drop to top-5 shown: %d ms, drop to grid re-sorted: %d ms, search reported %d ms "
                        + "(longest FX stall %d ms)%n",
                firstTopMillis, firstGridMillis, firstSearchMillis, queryStall);
        System.out.printf("scale: second query: drop to top-5 shown: %d ms, drop to grid re-sorted: %d ms "
                        + "(longest FX stall %d ms)%n",
                (topShown.get() - droppedAgain) / 1_000_000, (gridSorted.get() - droppedAgain) / 1_000_000, secondStall);
        System.out.printf("scale: new snapshot with the query shown: setGallery %d ms on the FX thread, "
                + "ranked again on screen after %d ms%n", regroupNanos[0] / 1_000_000, regroupMillis);
        System.out.printf("scale: scroll to the end: %d ms (longest FX stall %d ms)%n", scrollMillis, scrollStall);
        System.out.printf("scale: thumbnails loaded: %d (%d before the query), distinct photos %d, cached %d%n",
                loads, loadsBefore, thumbnails.requested.size(), fx(() -> app.viewModel().thumbnails().size()));
        printHeap("after query and scroll");
    }

    // ---- the window -----------------------------------------------------------------------------

    private SearchViewModel search() {
        return app.viewModel().search();
    }

    /** Tiles of the grid cells on screen. Call on the FX thread. */
    private static List<GalleryTile> visibleTiles(GridView<GalleryTile> grid) {
        List<GalleryTile> tiles = new ArrayList<>();
        for (Node node : grid.lookupAll(".gallery-tile")) {
            if (node instanceof GalleryTileCell cell && cell.isVisible() && cell.getItem() != null
                    && cell.getParent() instanceof IndexedCell<?> row && row.isVisible() && row.getIndex() >= 0) {
                tiles.add(cell.getItem());
            }
        }
        return tiles;
    }

    /** The longest gap between two frames: how long the FX thread was busy without drawing. */
    private static final class StallMeter extends AnimationTimer {
        private long last;
        private long max;

        @Override
        public void handle(long now) {
            if (last != 0) {
                max = Math.max(max, now - last);
            }
            last = now;
        }

        long takeMax() {
            long result = max / 1_000_000;
            max = 0;
            return result;
        }
    }

    private static void printHeap(String when) {
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        System.out.printf("scale: heap used %s: %d MB%n", when, (runtime.totalMemory() - runtime.freeMemory()) >> 20);
    }

    private static long millisSince(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }

    // ---- the gallery ----------------------------------------------------------------------------

    /**
     * {@code size} entries in five categories whose vectors scatter around the colour histograms
     * of a few real photos of each category (unit length, non-negative, as the model's are).
     */
    static IndexedGallery syntheticGallery(int size, long seed) throws Exception {
        ColorHistogramEmbedder embedder = new ColorHistogramEmbedder();
        ImageLoader loader = new ImageLoader();
        Random random = new Random(seed);
        Map<String, List<float[]>> centroids = new java.util.HashMap<>();
        jpegs = new java.util.HashMap<>();
        for (String category : CATEGORIES) {
            for (int i = 0; i < 4; i++) {
                Path photo = TestGalleries.writePhoto(dir.resolve(category + "-" + i + ".png"),
                        TestGalleries.CATEGORIES.get(category), random);
                BufferedImage image = loader.load(photo);
                centroids.computeIfAbsent(category, c -> new ArrayList<>()).add(embedder.embed(image));
                jpegs.computeIfAbsent(category, c -> new ArrayList<>()).add(jpeg(image));
            }
        }
        int dimension = embedder.info().dimension();
        float[] data = new float[size * dimension];
        List<GalleryEntry> entries = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            String category = CATEGORIES.get(i % CATEGORIES.size());
            float[] centre = centroids.get(category).get((i / CATEGORIES.size()) % 4);
            double norm = 0;
            for (int j = 0; j < dimension; j++) {
                float v = Math.max(0f, centre[j] + 0.04f * (float) random.nextGaussian());
                data[i * dimension + j] = v;
                norm += v * v;
            }
            float inv = (float) (1 / Math.sqrt(norm));
            for (int j = 0; j < dimension; j++) {
                data[i * dimension + j] *= inv;
            }
            entries.add(new GalleryEntry(Path.of("/synthetic", category, String.format("img-%07d.jpg", i)), category,
                    String.format("%064x", i)));
        }
        return new IndexedGallery(embedder.info(), entries, VectorIndex.wrap(dimension, data));
    }

    /** {@code base} and one more photo, as the next snapshot of a database being indexed. */
    private static IndexedGallery withOneMore(IndexedGallery base) {
        int dimension = base.model().dimension();
        float[] data = new float[(base.size() + 1) * dimension];
        for (int i = 0; i < base.size(); i++) {
            System.arraycopy(base.vectors().vector(i), 0, data, i * dimension, dimension);
        }
        data[base.size() * dimension] = 1f;
        List<GalleryEntry> entries = new ArrayList<>(base.entries());
        entries.add(new GalleryEntry(Path.of("/synthetic", "new", "img-new.jpg"), "new", "f".repeat(64)));
        return new IndexedGallery(base.model(), entries, VectorIndex.wrap(dimension, data));
    }

    private static byte[] jpeg(BufferedImage image) throws Exception {
        BufferedImage scaled = new BufferedImage(256, 192, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = scaled.createGraphics();
        g.setColor(Color.WHITE);
        g.drawImage(image, 0, 0, 256, 192, null);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(scaled, "jpg", out);
        return out.toByteArray();
    }

    /** Like the store's thumbnails: a 256 x 192 JPEG decoded per request; counts the requests. */
    static final class CountingThumbnails implements ThumbnailSource {
        final AtomicInteger loads = new AtomicInteger();
        final Set<GalleryEntry> requested = ConcurrentHashMap.newKeySet();
        private final Map<String, List<byte[]>> jpegs;

        CountingThumbnails(Map<String, List<byte[]>> jpegs) {
            this.jpegs = jpegs;
        }

        @Override
        public BufferedImage thumbnail(GalleryEntry entry) {
            loads.incrementAndGet();
            requested.add(entry);
            List<byte[]> choices = jpegs.get(entry.category());
            byte[] bytes = choices.get(Math.floorMod(entry.path().hashCode(), choices.size()));
            try {
                return ImageIO.read(new ByteArrayInputStream(bytes));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
