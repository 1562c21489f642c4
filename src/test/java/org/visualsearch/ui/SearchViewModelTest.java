package org.visualsearch.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.visualsearch.ui.FxThread.fx;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import org.visualsearch.core.search.GalleryEntry;
import org.visualsearch.core.search.IndexedGallery;
import org.visualsearch.core.image.ImageLoader;
import org.visualsearch.core.model.ColorHistogramEmbedder;
import org.visualsearch.ui.gallery.GalleryTile;
import org.visualsearch.ui.search.QueryRequest;
import org.visualsearch.ui.search.SearchViewModel;

/** The search view-model without a window: real gallery, real model, background searches. */
class SearchViewModelTest {
    @TempDir
    static Path dir;
    static IndexedGallery gallery;

    private ExecutorService executor;
    private GatedEmbedder embedder;
    private SearchViewModel vm;

    @BeforeAll
    static void setUpGallery() throws Exception {
        FxToolkit.registerPrimaryStage();
        gallery = TestGalleries.index(TestGalleries.writeGallery(dir.resolve("gallery"), 6), new ColorHistogramEmbedder(), null);
    }

    @BeforeEach
    void setUp() throws Exception {
        executor = Executors.newSingleThreadExecutor();
        embedder = new GatedEmbedder();
        vm = fx(() -> {
            SearchViewModel model = new SearchViewModel(executor, new ImageLoader());
            model.setModel(embedder, gallery);
            return model;
        });
    }

    @AfterEach
    void tearDown() {
        embedder.open();
        executor.shutdownNow();
    }

    @Test
    void beforeAnyQueryTheGridIsGroupedByCategory() throws Exception {
        List<GalleryTile> tiles = fx(() -> List.copyOf(vm.tiles()));
        assertThat(tiles).hasSize(30).noneMatch(GalleryTile::ranked);
        List<String> categories = tiles.stream().map(t -> t.entry().category()).toList();
        assertThat(categories).isSortedAccordingTo(String::compareTo);
        assertThat(fx(() -> vm.topMatches().size())).isZero();
    }

    @Test
    void aQueryGivesFiveMatchesInDistanceOrderAndRanksTheWholeGallery() throws Exception {
        Path query = TestGalleries.writeQuery(dir.resolve("queries"), "dog", 7);
        fx(() -> vm.search(new QueryRequest.FromFile(query)));
        awaitSearches(1);

        List<IndexedGallery.Hit> top = fx(() -> List.copyOf(vm.topMatches()));
        assertThat(top).hasSize(5);
        assertThat(top).extracting(IndexedGallery.Hit::rank).containsExactly(1, 2, 3, 4, 5);
        assertThat(top).extracting(IndexedGallery.Hit::distance).isSorted();
        assertThat(top).allMatch(h -> h.entry().category().equals("dog"));

        List<GalleryTile> tiles = fx(() -> List.copyOf(vm.tiles()));
        assertThat(tiles).hasSize(30).allMatch(GalleryTile::ranked);
        assertThat(tiles).extracting(GalleryTile::distance).isSorted();
        assertThat(tiles.subList(0, 5)).extracting(GalleryTile::entry)
                .containsExactlyElementsOf(top.stream().map(IndexedGallery.Hit::entry).toList());
        assertThat(fx(() -> vm.queryNameProperty().get())).isEqualTo(query.getFileName().toString());
        assertThat(fx(() -> vm.queryImageProperty().get())).isNotNull();
        assertThat(fx(() -> vm.lastSearchMillisProperty().get())).isBetween(0L, 5_000L);
    }

    @Test
    void moreLikeThisLeavesThePhotoOutOfItsOwnResultsAsEvalDoesAndTheToggleShowsIt() throws Exception {
        GalleryTile pick = fx(() -> vm.tiles().get(17));
        fx(() -> vm.search(new QueryRequest.FromGallery(pick.index(), pick.entry())));
        awaitSearches(1);
        assertThat(fx(() -> vm.queryContextProperty().get().inGallery())).isTrue();
        List<IndexedGallery.Hit> top = fx(() -> List.copyOf(vm.topMatches()));
        assertThat(top).hasSize(5).noneMatch(h -> h.entry().equals(pick.entry()));
        assertThat(top).extracting(IndexedGallery.Hit::rank).containsExactly(1, 2, 3, 4, 5);
        List<GalleryTile> tiles = fx(() -> List.copyOf(vm.tiles()));
        assertThat(tiles).hasSize(29).noneMatch(t -> t.entry().equals(pick.entry()));
        // every result is of the photo's colour family: P@5 = 1 and nothing is wrong
        assertThat(fx(() -> vm.precisionAt5Property().get())).isEqualTo(1.0);
        org.visualsearch.core.metrics.QueryInGallery query = fx(() -> vm.queryContextProperty().get());
        assertThat(top).noneMatch(query::isWrong);

        fx(() -> vm.showQueryInResultsProperty().set(true));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> vm.tiles().size() == 30));
        IndexedGallery.Hit first = fx(() -> vm.topMatches().get(0));
        assertThat(first.entry()).isEqualTo(pick.entry());
        assertThat(first.distance()).isZero();
        assertThat(fx(() -> vm.topMatches().get(1).entry())).isEqualTo(top.get(0).entry());
        assertThat(fx(() -> vm.precisionAt5Property().get())).as("still scored without itself").isEqualTo(1.0);
    }

    @Test
    void aDroppedCopyOfAGalleryPhotoIsLeftOutByItsContent() throws Exception {
        GalleryEntry original = gallery.entries().get(4);
        Path copy = Files.createDirectories(dir.resolve("copies")).resolve("renamed.png");
        Files.copy(original.path(), copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        fx(() -> vm.search(new QueryRequest.FromFile(copy)));
        awaitSearches(1);
        assertThat(fx(() -> vm.queryContextProperty().get().selfIndex())).isEqualTo(4);
        assertThat(fx(() -> vm.queryContextProperty().get().category())).isEqualTo(original.category());
        assertThat(fx(() -> List.copyOf(vm.topMatches()))).hasSize(5).noneMatch(h -> h.index() == 4);
        assertThat(fx(() -> vm.tiles().size())).isEqualTo(29);
    }

    @Test
    void aNewFileUnderALabelledFolderIsScoredAndItsWrongResultsMarked() throws Exception {
        // a vehicle-coloured photo filed under dog/: its category is dog, its results are vehicles
        Path odd = TestGalleries.writeQuery(gallery.entries().stream().filter(e -> "dog".equals(e.category()))
                .findFirst().orElseThrow().path().getParent(), "vehicle", 99);
        try {
            fx(() -> vm.search(new QueryRequest.FromFile(odd)));
            awaitSearches(1);
            assertThat(fx(() -> vm.queryContextProperty().get().inGallery())).isFalse();
            assertThat(fx(() -> vm.queryContextProperty().get().category())).isEqualTo("dog");
            List<IndexedGallery.Hit> top = fx(() -> List.copyOf(vm.topMatches()));
            assertThat(top).allMatch(h -> h.entry().category().equals("vehicle"));
            org.visualsearch.core.metrics.QueryInGallery query = fx(() -> vm.queryContextProperty().get());
            assertThat(top).allMatch(query::isWrong);
            assertThat(fx(() -> vm.precisionAt5Property().get())).isEqualTo(0.0);
            assertThat(fx(() -> vm.tiles().size())).isEqualTo(30);
        } finally {
            Files.delete(odd);
        }
    }

    @Test
    void aFileOutsideTheGalleryHasNoScore() throws Exception {
        Path query = TestGalleries.writeQuery(dir.resolve("queries"), "dog", 7);
        fx(() -> vm.search(new QueryRequest.FromFile(query)));
        awaitSearches(1);
        assertThat(fx(() -> vm.precisionAt5Property().get())).isNull();
        assertThat(fx(() -> vm.queryContextProperty().get().inGallery())).isFalse();
    }

    @Test
    void aNewGalleryIsRankedAgainstTheShownQueryOffTheFxThread() throws Exception {
        Path query = TestGalleries.writeQuery(dir.resolve("queries"), "dog", 7);
        fx(() -> vm.search(new QueryRequest.FromFile(query)));
        awaitSearches(1);
        List<GalleryEntry> topBefore = fx(() -> vm.topMatches().stream().map(IndexedGallery.Hit::entry).toList());
        IndexedGallery grown = withNewPhotoFirst(gallery);

        fx(() -> vm.setGallery(grown));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> vm.tiles().size() == 31));
        assertThat(fx(() -> vm.galleryProperty().get())).isSameAs(grown);
        assertThat(fx(() -> List.copyOf(vm.tiles()))).allMatch(GalleryTile::ranked)
                .extracting(GalleryTile::distance).isSorted();
        assertThat(fx(() -> vm.topMatches().stream().map(IndexedGallery.Hit::entry).toList()))
                .containsExactlyElementsOf(topBefore);
        assertThat(fx(() -> vm.completedSearchesProperty().get())).isEqualTo(1);
    }

    @Test
    void aTilePickedWhileANewGalleryIsBeingRankedFindsThatPhoto() throws Exception {
        Path query = TestGalleries.writeQuery(dir.resolve("queries"), "food", 8);
        fx(() -> vm.search(new QueryRequest.FromFile(query)));
        awaitSearches(1);
        // Hold the search thread so the new gallery's ranking waits while a tile is picked.
        java.util.concurrent.CountDownLatch hold = new java.util.concurrent.CountDownLatch(1);
        executor.execute(() -> {
            try {
                hold.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        IndexedGallery grown = withNewPhotoFirst(gallery); // every index moves by one
        GalleryTile pick = fx(() -> {
            vm.showQueryInResultsProperty().set(true); // the photo itself at #1 shows its vector was used
            vm.setGallery(grown);
            GalleryTile tile = vm.tiles().get(3); // still the shown gallery's tile
            vm.search(new QueryRequest.FromGallery(tile.index(), tile.entry()));
            return tile;
        });
        hold.countDown();
        awaitSearches(2);
        assertThat(fx(() -> vm.galleryProperty().get())).isSameAs(grown);
        IndexedGallery.Hit first = fx(() -> vm.topMatches().get(0));
        assertThat(first.entry()).isEqualTo(pick.entry());
        assertThat(first.distance()).isZero();
        assertThat(fx(() -> vm.tiles().size())).isEqualTo(31);
        assertThat(fx(() -> grown.entries().get(vm.queryContextProperty().get().selfIndex()))).isEqualTo(pick.entry());
    }

    /** {@code base} with one more photo whose path sorts first, as a later snapshot may have. */
    private static IndexedGallery withNewPhotoFirst(IndexedGallery base) {
        int dimension = base.model().dimension();
        java.util.List<float[]> vectors = new java.util.ArrayList<>();
        float[] extra = new float[dimension];
        extra[0] = 1f;
        vectors.add(extra);
        java.util.List<GalleryEntry> entries = new java.util.ArrayList<>();
        entries.add(new GalleryEntry(dir.resolve("aaa-new.png"), null, "new"));
        for (int i = 0; i < base.size(); i++) {
            vectors.add(base.vectors().vector(i));
            entries.add(base.entries().get(i));
        }
        return new IndexedGallery(base.model(), entries, org.visualsearch.core.search.VectorIndex.of(dimension, vectors));
    }

    @Test
    void aNewerQuerySupersedesOneStillRunning() throws Exception {
        Path slow = TestGalleries.writeQuery(dir.resolve("queries"), "vehicle", 1);
        Path fast = TestGalleries.writeQuery(dir.resolve("queries"), "food", 2);
        embedder.armNextEmbedding();
        fx(() -> vm.search(new QueryRequest.FromFile(slow)));
        embedder.awaitBlocked();
        fx(() -> vm.search(new QueryRequest.FromFile(fast)));
        embedder.open();
        awaitSearches(1);
        executor.submit(() -> { }).get(10, TimeUnit.SECONDS); // the search thread is idle
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(fx(() -> vm.completedSearchesProperty().get())).isEqualTo(1);
        assertThat(fx(() -> vm.queryNameProperty().get())).isEqualTo(fast.getFileName().toString());
        assertThat(fx(() -> List.copyOf(vm.topMatches()))).allMatch(h -> h.entry().category().equals("food"));
        assertThat(fx(() -> vm.searchingProperty().get())).isFalse();
    }

    @Test
    void anUnreadableQueryReportsAReasonAndTheNextQueryWorks() throws Exception {
        Path broken = Files.writeString(dir.resolve("broken.jpg"), "this is not a JPEG");
        fx(() -> vm.search(new QueryRequest.FromFile(broken)));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> vm.errorProperty().get() != null));
        String message = fx(() -> vm.errorProperty().get());
        assertThat(message).startsWith("Cannot read “broken.jpg”").doesNotContain("Exception");
        assertThat(fx(() -> vm.searchingProperty().get())).isFalse();

        Path query = TestGalleries.writeQuery(dir.resolve("queries"), "clothes", 3);
        fx(() -> vm.search(new QueryRequest.FromFile(query)));
        awaitSearches(1);
        assertThat(fx(() -> vm.errorProperty().get())).isNull();
        assertThat(fx(() -> List.copyOf(vm.topMatches()))).hasSize(5);
    }

    @Test
    void anEmptyGalleryRefusesToSearchWithAMessage() throws Exception {
        fx(() -> vm.setModel(embedder, VisualSearchApp.emptyGallery(embedder)));
        assertThat(fx(() -> vm.galleryEmptyProperty().get())).isTrue();
        fx(() -> vm.search(new QueryRequest.FromFile(dir.resolve("whatever.png"))));
        assertThat(fx(() -> vm.errorProperty().get())).contains("gallery is empty");
    }

    @Test
    void aQueryIsShrunkToTheModelsMaxSideLikeTheGalleryItIsComparedWith() throws Exception {
        int[] seenSide = new int[1];
        org.visualsearch.core.model.ImageEmbedder small = new org.visualsearch.core.model.ImageEmbedder() {
            final ColorHistogramEmbedder histogram = new ColorHistogramEmbedder();

            @Override
            public org.visualsearch.core.model.ModelInfo info() {
                return histogram.info();
            }

            @Override
            public float[] embed(java.awt.image.BufferedImage image) throws org.visualsearch.core.model.EmbeddingException {
                seenSide[0] = Math.max(image.getWidth(), image.getHeight());
                return histogram.embed(image);
            }

            @Override
            public int maxSide() {
                return 100;
            }

            @Override
            public void close() {
            }
        };
        Path big = dir.resolve("big-query.png");
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(400, 300, java.awt.image.BufferedImage.TYPE_INT_RGB),
                "png", big.toFile());
        fx(() -> vm.setModel(small, gallery));

        fx(() -> vm.search(new QueryRequest.FromFile(big)));
        awaitSearches(1);

        assertThat(seenSide[0]).isEqualTo(100);
    }

    @Test
    void aQueryRefusedWhileAnotherRunsDoesNotLeaveTheWindowSearching() throws Exception {
        Path slow = TestGalleries.writeQuery(dir.resolve("queries"), "vehicle", 1);
        embedder.armNextEmbedding();
        fx(() -> vm.search(new QueryRequest.FromFile(slow)));
        embedder.awaitBlocked();
        fx(() -> {
            vm.setGallery(VisualSearchApp.emptyGallery(embedder)); // e.g. the last folder was removed
            vm.search(new QueryRequest.FromFile(slow));
        });
        embedder.open();
        executor.submit(() -> { }).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(fx(() -> vm.errorProperty().get())).contains("gallery is empty");
        assertThat(fx(() -> vm.searchingProperty().get())).isFalse();
    }

    @Test
    void aGalleryArrivingDuringTheFirstQueryIsTheOneShownWhenItFinishes() throws Exception {
        Path query = TestGalleries.writeQuery(dir.resolve("queries"), "dog", 7);
        IndexedGallery grown = withNewPhotoFirst(gallery); // an indexing snapshot
        embedder.armNextEmbedding();
        fx(() -> vm.search(new QueryRequest.FromFile(query)));
        embedder.awaitBlocked();
        fx(() -> vm.setGallery(grown));
        embedder.open();
        awaitSearches(1);

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> vm.galleryProperty().get() == grown));
        assertThat(fx(() -> List.copyOf(vm.tiles()))).hasSize(31).allMatch(GalleryTile::ranked)
                .extracting(GalleryTile::distance).isSorted();
    }

    @Test
    void aQueryGivenWhileTheModelLoadsIsSearchedWhenItArrives() throws Exception {
        Path query = TestGalleries.writeQuery(dir.resolve("queries"), "dog", 7);
        SearchViewModel loading = fx(() -> new SearchViewModel(executor, new ImageLoader()));
        assertThat(fx(() -> loading.acceptsQueryProperty().get())).as("Open…/Paste/drop work while loading").isTrue();

        fx(() -> loading.search(new QueryRequest.FromFile(query)));
        assertThat(fx(() -> loading.waitingQueryProperty().get())).isEqualTo(query.getFileName().toString());
        assertThat(fx(() -> loading.errorProperty().get())).isNull();
        assertThat(fx(() -> loading.searchingProperty().get())).isTrue();

        fx(() -> loading.setModel(embedder, gallery));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> loading.completedSearchesProperty().get() == 1));
        assertThat(fx(() -> loading.waitingQueryProperty().get())).isNull();
        assertThat(fx(() -> loading.queryNameProperty().get())).isEqualTo(query.getFileName().toString());
        assertThat(fx(() -> List.copyOf(loading.topMatches()))).hasSize(5)
                .allMatch(h -> h.entry().category().equals("dog"));
    }

    @Test
    void anEmptyGalleryAfterLoadingRefusesQueriesUpFront() throws Exception {
        fx(() -> vm.setModel(embedder, VisualSearchApp.emptyGallery(embedder)));
        assertThat(fx(() -> vm.acceptsQueryProperty().get())).isFalse();
    }

    @Test
    void switchingTheModelKeepsTheQueryAndSearchesItAgain() throws Exception {
        Path query = TestGalleries.writeQuery(dir.resolve("queries"), "dog", 7);
        fx(() -> vm.search(new QueryRequest.FromFile(query)));
        awaitSearches(1);
        IndexedGallery other = TestGalleries.index(dir.resolve("gallery"), new ColorHistogramEmbedder(), null);

        fx(() -> vm.setModel(new ColorHistogramEmbedder(), other));

        awaitSearches(2);
        assertThat(fx(() -> vm.queryNameProperty().get())).isEqualTo(query.getFileName().toString());
        assertThat(fx(() -> vm.queryImageProperty().get())).isNotNull();
        assertThat(fx(() -> vm.rankedProperty().get())).isTrue();
        assertThat(fx(() -> vm.galleryProperty().get())).isSameAs(other);
        assertThat(fx(() -> List.copyOf(vm.topMatches()))).hasSize(5)
                .allMatch(h -> other.entries().contains(h.entry()) && h.entry().category().equals("dog"));
    }

    @Test
    void switchingTheModelKeepsAMoreLikeThisPick() throws Exception {
        GalleryTile pick = fx(() -> vm.tiles().get(17));
        fx(() -> vm.search(new QueryRequest.FromGallery(pick.index(), pick.entry())));
        awaitSearches(1);
        IndexedGallery other = TestGalleries.index(dir.resolve("gallery"), new ColorHistogramEmbedder(), null);

        fx(() -> vm.setModel(new ColorHistogramEmbedder(), other));

        awaitSearches(2);
        // The pick is found in the new gallery, so it is still left out of its own top 5 there.
        assertThat(fx(() -> vm.queryContextProperty().get().inGallery())).isTrue();
        assertThat(fx(() -> List.copyOf(vm.topMatches()))).hasSize(5)
                .noneMatch(h -> h.entry().path().equals(pick.entry().path()));
    }

    private void awaitSearches(long count) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> vm.completedSearchesProperty().get() >= count));
    }

}
