package org.visualsearch.core.gallery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.visualsearch.core.image.ImageLoader;
import org.visualsearch.core.model.ColorHistogramEmbedder;
import org.visualsearch.core.store.GalleryDatabase;
import org.visualsearch.core.store.Problem;

class BadFilesTest {

    @TempDir
    Path temp;

    @Test
    void badFilesBecomeProblemsWithReasonsAndEverythingElseIsIndexed() throws IOException {
        Path photos = Files.createDirectories(temp.resolve("photos/mixed"));
        TestImages.write(photos.resolve("good1.jpg"), 1);
        TestImages.write(photos.resolve("good2.png"), 2);
        TestImages.write(photos.resolve("good3.bmp"), 3);
        BadFileCorpus.png16Bit(photos.resolve("deep-16bit.png"));
        BadFileCorpus.cmykJpeg(photos.resolve("print-cmyk.jpg"));
        BadFileCorpus.animatedGif(photos.resolve("animated.gif"));
        BadFileCorpus.zeroBytes(photos.resolve("zero.jpg"));
        BadFileCorpus.truncatedJpeg(photos.resolve("truncated.jpg"));
        BadFileCorpus.textNamedAsImage(photos.resolve("shopping-list.jpg"));
        BadFileCorpus.pngBomb(photos.resolve("bomb.png"));

        try (GalleryDatabase db = GalleryDatabase.open(temp.resolve("data"))) {
            db.addFolder(temp.resolve("photos"));
            CountingEmbedder embedder = new CountingEmbedder(new ColorHistogramEmbedder());
            IndexReport report = new Indexer(db, embedder, new ImageLoader(), 3).indexUserFolders(IndexListener.NONE);

            // Decodable with ImageIO + TwelveMonkeys: 16-bit PNG, CMYK JPEG, animated GIF (first frame).
            assertThat(db.loadGallery(embedder.info()).entries()).extracting(e -> e.path().getFileName().toString())
                    .containsExactly("animated.gif", "deep-16bit.png", "good1.jpg", "good2.png", "good3.bmp",
                            "print-cmyk.jpg");
            Map<String, String> reasons = new TreeMap<>();
            for (Problem p : db.problems()) {
                reasons.put(p.path().getFileName().toString(), p.reason());
            }
            assertThat(reasons).containsOnlyKeys("bomb.png", "shopping-list.jpg", "truncated.jpg", "zero.jpg");
            assertThat(reasons.get("bomb.png")).contains("50000x50000").contains("exceeds");
            assertThat(reasons.get("shopping-list.jpg")).contains("not an image");
            assertThat(reasons.get("truncated.jpg")).containsAnyOf("truncated", "corrupt", "damaged");
            assertThat(reasons.get("zero.jpg")).contains("empty");
            assertThat(report.problems()).hasSize(4);
            assertThat(report.indexed()).isEqualTo(6);

            // Unchanged bad files are not retried; they stay listed.
            CountingEmbedder again = new CountingEmbedder(new ColorHistogramEmbedder());
            IndexReport second = new Indexer(db, again).indexUserFolders(IndexListener.NONE);
            assertThat(again.calls()).isZero();
            assertThat(second.problems()).hasSize(4);

            // A bad file that is fixed is indexed and leaves the problems list.
            TestImages.write(photos.resolve("zero.jpg"), 9);
            new Indexer(db, again).indexUserFolders(IndexListener.NONE);
            assertThat(again.calls()).isEqualTo(1);
            assertThat(db.problems()).extracting(p -> p.path().getFileName().toString())
                    .containsExactly("bomb.png", "shopping-list.jpg", "truncated.jpg");
            assertThat(db.counts(embedder.info())).satisfies(c -> {
                assertThat(c.files()).isEqualTo(7);
                assertThat(c.problems()).isEqualTo(3);
            });
        }
    }
}
