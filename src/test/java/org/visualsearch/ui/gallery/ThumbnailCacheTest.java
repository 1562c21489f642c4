package org.visualsearch.ui.gallery;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import org.visualsearch.core.search.GalleryEntry;

/** The thumbnail cache stays within its memory budget however far the grid is scrolled. */
class ThumbnailCacheTest {
    private static final long THUMB_BYTES = 4L * 256 * 192;

    private final ExecutorService executor = Executors.newFixedThreadPool(2);

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void keepsTheNewestThumbnailsWithinItsByteBudget() throws Exception {
        AtomicInteger loads = new AtomicInteger();
        ThumbnailCache cache = new ThumbnailCache(executor, 4_000, 10 * THUMB_BYTES);
        List<GalleryEntry> entries = IntStream.range(0, 60)
                .mapToObj(i -> new GalleryEntry(Path.of("/photos", "p" + i + ".jpg"), "c", "hash" + i)).toList();
        CountDownLatch loaded = new CountDownLatch(entries.size());
        WaitForAsyncUtils.asyncFx(() -> {
            cache.setSource(entry -> {
                loads.incrementAndGet();
                return new BufferedImage(256, 192, BufferedImage.TYPE_INT_RGB);
            });
            for (GalleryEntry entry : entries) {
                cache.request(entry, image -> loaded.countDown());
            }
        }).get(10, TimeUnit.SECONDS);
        assertThat(loaded.await(10, TimeUnit.SECONDS)).isTrue();

        assertThat(WaitForAsyncUtils.asyncFx(cache::size).get(10, TimeUnit.SECONDS)).isEqualTo(10);
        assertThat(WaitForAsyncUtils.asyncFx(cache::bytes).get(10, TimeUnit.SECONDS)).isEqualTo(10 * THUMB_BYTES);
        // The latest thumbnail is answered from the cache, without loading it again.
        GalleryEntry latest = entries.get(entries.size() - 1);
        Object pending = WaitForAsyncUtils.asyncFx(() -> cache.request(latest, image -> { })).get(10, TimeUnit.SECONDS);
        assertThat(pending).isNull();
        assertThat(loads.get()).isEqualTo(entries.size());
    }

    @Test
    void aRequestAfterTheLoadersShutDownIsIgnored() throws Exception {
        ThumbnailCache cache = new ThumbnailCache(executor, 10, 10 * THUMB_BYTES);
        cache.setSource(entry -> new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB));
        executor.shutdownNow(); // the window closed
        AtomicInteger answered = new AtomicInteger();
        Object pending = WaitForAsyncUtils.asyncFx(() -> cache.request(
                new GalleryEntry(Path.of("/photos/late.jpg"), "c", "late"), image -> answered.incrementAndGet()))
                .get(10, TimeUnit.SECONDS);
        assertThat(pending).isNull();
        assertThat(answered.get()).isZero();
    }
}
