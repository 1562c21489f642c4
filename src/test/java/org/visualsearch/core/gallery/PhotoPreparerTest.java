package org.visualsearch.core.gallery;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.visualsearch.core.common.Sha256;
import org.visualsearch.core.image.ImageLoader;

/** The decoder threads decode only what the model or the thumbnail table still lacks, and share the work. */
class PhotoPreparerTest {

    @TempDir
    Path temp;

    private final Set<String> embedded = new HashSet<>();
    private final Set<String> thumbnails = new HashSet<>();
    private final PhotoPreparer preparer = new PhotoPreparer(new ImageLoader(), embedded, thumbnails);

    private WorkItem item(Path file) throws Exception {
        return new WorkItem(1, new FolderScanner.ScannedFile(file, null, Files.size(file), 0), null);
    }

    @Test
    void newContentIsDecodedWithAThumbnailWhoseLongSideIsTheThumbnailSide() throws Exception {
        Path photo = TestImages.write(temp.resolve("a.png"), 1, 600, 300);
        Prepared.Photo p = preparer.prepare(item(photo));

        assertThat(p).isInstanceOf(Prepared.Decoded.class);
        Prepared.Decoded decoded = (Prepared.Decoded) p;
        assertThat(decoded.hash()).isEqualTo(Sha256.of(photo));
        BufferedImage thumb = ImageIO.read(new ByteArrayInputStream(decoded.thumbnail().orElseThrow()));
        assertThat(thumb.getWidth()).isEqualTo(Thumbnails.SIDE);
        assertThat(thumb.getHeight()).isEqualTo(Thumbnails.SIDE / 2);
    }

    @Test
    void contentWithAThumbnailIsDecodedForTheModelOnly() throws Exception {
        Path photo = TestImages.write(temp.resolve("a.png"), 2);
        thumbnails.add(Sha256.of(photo));
        Prepared.Decoded decoded = (Prepared.Decoded) preparer.prepare(item(photo));
        assertThat(decoded.thumbnail()).isEmpty();
        assertThat(decoded.image()).isNotNull();
    }

    @Test
    void contentWithVectorAndThumbnailIsOnlyHashed() throws Exception {
        Path photo = TestImages.write(temp.resolve("a.png"), 3);
        embedded.add(Sha256.of(photo));
        thumbnails.add(Sha256.of(photo));
        assertThat(preparer.prepare(item(photo))).isEqualTo(new Prepared.Hashed(item(photo), Sha256.of(photo)));
    }

    @Test
    void aBadFileFailsWithItsReason() throws Exception {
        Path junk = Files.write(temp.resolve("junk.jpg"), new byte[] {1, 2, 3, 4});
        Path gone = temp.resolve("gone.jpg");
        WorkItem vanished = new WorkItem(1, new FolderScanner.ScannedFile(gone, null, 10, 0), null);

        assertThat(preparer.prepare(item(junk))).isInstanceOf(Prepared.Failed.class);
        assertThat(preparer.prepare(vanished))
                .isEqualTo(new Prepared.Failed(vanished, "file vanished before it could be read"));
    }

    @Test
    void workersSharingTheWorkPrepareEveryItemOnceAndEachEndsOnce() throws Exception {
        List<WorkItem> work = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            work.add(item(TestImages.write(temp.resolve("p" + i + ".png"), i)));
        }
        PhotoPreparer shared = new PhotoPreparer(new ImageLoader(),
                ConcurrentHashMap.newKeySet(), ConcurrentHashMap.newKeySet());
        AtomicInteger cursor = new AtomicInteger();
        LinkedBlockingQueue<Prepared> queue = new LinkedBlockingQueue<>();
        List<Throwable> failures = new ArrayList<>();
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < 2; w++) {
            Thread t = new Thread(() -> {
                try {
                    shared.prepareShare(work, cursor, queue, () -> false);
                } catch (InterruptedException | RuntimeException e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                }
            });
            workers.add(t);
            t.start();
        }
        for (Thread t : workers) {
            t.join();
        }

        assertThat(failures).isEmpty();
        List<Prepared> out = new ArrayList<>(queue);
        assertThat(out).filteredOn(p -> p instanceof Prepared.End).hasSize(2);
        assertThat(out).filteredOn(p -> p instanceof Prepared.Decoded)
                .extracting(p -> ((Prepared.Photo) p).item())
                .containsExactlyInAnyOrderElementsOf(work);
        assertThat(out).hasSize(work.size() + 2);
    }

    @Test
    void aStoppedWorkerPreparesNothingAndStillEnds() throws Exception {
        Path photo = TestImages.write(temp.resolve("a.png"), 4);
        LinkedBlockingQueue<Prepared> queue = new LinkedBlockingQueue<>();
        preparer.prepareShare(List.of(item(photo)), new AtomicInteger(), queue, () -> true);
        assertThat(queue).containsExactly(new Prepared.End());
    }
}
