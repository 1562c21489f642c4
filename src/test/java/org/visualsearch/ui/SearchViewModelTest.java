package org.visualsearch.ui;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.visualsearch.core.gallery.IndexedGallery;
import org.visualsearch.core.image.ImageLoader;
import org.visualsearch.core.model.ColorHistogramEmbedder;
import org.visualsearch.ui.search.GalleryTile;
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
    void moreLikeThisFindsThePhotoItselfFirst() throws Exception {
        GalleryTile pick = fx(() -> vm.tiles().get(17));
        fx(() -> vm.search(new QueryRequest.FromGallery(pick.index(), pick.entry())));
        awaitSearches(1);
        IndexedGallery.Hit first = fx(() -> vm.topMatches().get(0));
        assertThat(first.entry()).isEqualTo(pick.entry());
        assertThat(first.distance()).isZero();
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

    private void awaitSearches(long count) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> vm.completedSearchesProperty().get() >= count));
    }

    static <T> T fx(Callable<T> action) throws Exception {
        return WaitForAsyncUtils.asyncFx(action).get(10, TimeUnit.SECONDS);
    }

    static void fx(Runnable action) throws Exception {
        WaitForAsyncUtils.asyncFx(action).get(10, TimeUnit.SECONDS);
    }
}
