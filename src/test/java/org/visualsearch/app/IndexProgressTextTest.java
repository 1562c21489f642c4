package org.visualsearch.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.visualsearch.core.gallery.IndexProgress;
import org.visualsearch.core.model.ModelInfo;
import org.visualsearch.core.search.IndexedGallery;
import org.visualsearch.core.search.VectorIndex;
import org.visualsearch.core.store.Folder;
import org.visualsearch.core.store.GalleryCounts;

class IndexProgressTextTest {

    @Test
    void indexingShowsCountRateAndTimeLeft() {
        String line = IndexProgressText.describe(new IndexProgress(IndexProgress.State.INDEXING, 120, 1000, 14.25,
                Duration.ofSeconds(62), Path.of("a.jpg")));
        assertThat(line).isEqualTo("120 of 1,000 photos · 14.3 photos/s · about 1 min left");
        assertThat(IndexProgressText.describe(new IndexProgress(IndexProgress.State.PAUSED, 5, 40, 3, null, null)))
                .isEqualTo("Paused at 5 of 40 photos");
        assertThat(IndexProgressText.eta(Duration.ofSeconds(7))).isEqualTo("about 7 s left");
        assertThat(IndexProgressText.eta(Duration.ofMinutes(125))).isEqualTo("about 2 h 5 min left");
    }

    @Test
    void theStatusLineSaysWhatIsMissing() {
        ModelInfo model = new ModelInfo("m", "M", 2);
        IndexedGallery empty = new IndexedGallery(model, List.of(), VectorIndex.of(2, List.of()));
        Folder folder = new Folder(Path.of("/p"), Instant.EPOCH, 10);
        assertThat(new LibrarySnapshot(empty, List.of(), List.of(), new GalleryCounts(0, 0, 0)).indexState())
                .isEqualTo("no folders yet");
        assertThat(new LibrarySnapshot(empty, List.of(folder), List.of(), new GalleryCounts(10, 8, 0)).indexState())
                .isEqualTo("8 of 10 photos indexed");
        assertThat(new LibrarySnapshot(empty, List.of(folder), List.of(), new GalleryCounts(10, 10, 1)).indexState())
                .isEqualTo("index up to date");
    }
}
