package org.visualsearch.core.gallery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.visualsearch.core.image.ImageLoader;
import org.visualsearch.core.model.ColorHistogramEmbedder;
import org.visualsearch.core.model.EmbeddingException;
import org.visualsearch.core.store.FolderRemovedException;
import org.visualsearch.core.store.GalleryDatabase;

/**
 * {@code add} in one terminal and {@code remove} of the same folder in another: the removal
 * (its own connection, as another process has) lands while the photos are being embedded, or
 * before the scan. The indexer stops with the reason, not a foreign-key failure, and leaves
 * nothing of the folder behind.
 */
class RemovedWhileIndexingTest {

    @TempDir
    Path temp;
    Path photos;
    GalleryDatabase db;

    @BeforeEach
    void setUp() throws IOException {
        photos = Files.createDirectories(temp.resolve("photos"));
        for (int i = 0; i < 6; i++) {
            TestImages.write(photos.resolve("cat/p" + i + ".png"), i + 1);
        }
        db = GalleryDatabase.open(temp.resolve("data"));
        db.addFolder(photos);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void removalWhilePhotosAreEmbeddedStopsWithTheReason() {
        CountDownLatch removed = new CountDownLatch(1);
        CountingEmbedder removingEmbedder = new CountingEmbedder(new ColorHistogramEmbedder()) {
            @Override
            public float[] embed(BufferedImage image) throws EmbeddingException {
                if (removed.getCount() > 0) {
                    removeFromAnotherConnection();
                    removed.countDown();
                }
                return super.embed(image);
            }
        };
        Indexer indexer = new Indexer(db, removingEmbedder, new ImageLoader(), 2);

        assertThatThrownBy(() -> indexer.indexUserFolders(IndexListener.NONE))
                .isInstanceOf(FolderRemovedException.class)
                .hasMessage("the folder " + GalleryDatabase.normalize(photos)
                        + " was removed while it was being indexed");
        assertThat(removed.getCount()).isZero();
        assertThat(db.listFolders()).isEmpty();
        assertThat(IndexerTest.count(db, "SELECT COUNT(*) FROM file")).isZero();
        assertThat(db.integrityCheck()).isEqualTo("ok");
    }

    @Test
    void removalBeforeTheScanStopsWithTheReason() {
        IndexListener removeOnScan = new IndexListener() {
            private boolean done;

            @Override
            public void onProgress(IndexProgress progress) {
                if (!done && progress.state() == IndexProgress.State.SCANNING) {
                    done = true;
                    removeFromAnotherConnection();
                }
            }
        };
        Indexer indexer = new Indexer(db, new ColorHistogramEmbedder(), new ImageLoader(), 2);

        assertThatThrownBy(() -> indexer.index(java.util.List.of(photos), removeOnScan))
                .isInstanceOf(FolderRemovedException.class)
                .hasMessageContaining("was removed while it was being indexed");
        assertThat(db.listFolders()).isEmpty();
        assertThat(IndexerTest.count(db, "SELECT COUNT(*) FROM file")).isZero();
    }

    private void removeFromAnotherConnection() {
        try (GalleryDatabase other = GalleryDatabase.open(temp.resolve("data"))) {
            assertThat(other.removeFolder(photos)).isTrue();
        }
    }
}
