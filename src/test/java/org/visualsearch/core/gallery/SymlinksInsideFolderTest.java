package org.visualsearch.core.gallery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.visualsearch.core.image.ImageLoader;
import org.visualsearch.core.model.ColorHistogramEmbedder;
import org.visualsearch.core.search.GalleryEntry;
import org.visualsearch.core.store.GalleryDatabase;

/**
 * Symbolic links inside a gallery folder that reach photos the gallery already has (in the
 * same folder, in another gallery folder, or twice outside) are skipped with the reason, so no
 * photo is indexed, and found, twice; cyclic links end.
 */
class SymlinksInsideFolderTest {

    @TempDir
    Path temp;

    @Test
    void linksToPhotosAlreadyFoundAreSkippedWithTheReason() throws IOException {
        Path root = Files.createDirectories(temp.resolve("gallery"));
        Path other = Files.createDirectories(temp.resolve("other-gallery"));
        Path outside = Files.createDirectories(temp.resolve("outside"));
        TestImages.write(root.resolve("a/x.jpg"), 1);
        TestImages.write(root.resolve("a/y.png"), 2);
        TestImages.write(other.resolve("dogs/o.jpg"), 3);
        TestImages.write(outside.resolve("out.jpg"), 4);
        Files.createSymbolicLink(root.resolve("b"), root.resolve("a"));                 // sibling folder
        Files.createSymbolicLink(root.resolve("a/copy.jpg"), root.resolve("a/x.jpg"));  // file in the same folder
        Files.createSymbolicLink(root.resolve("dogs"), other.resolve("dogs"));          // into another gallery folder
        Files.createSymbolicLink(root.resolve("l1"), outside);                          // outside, reached twice
        Files.createSymbolicLink(root.resolve("l2"), outside);
        Files.createSymbolicLink(outside.resolve("back"), root);                        // a cycle through both
        Files.createSymbolicLink(root.resolve("a/up"), root.resolve("l1"));

        FolderScanner.ScanResult result = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> new FolderScanner().scan(root, () -> false, List.of(other)));

        List<String> files = result.files().stream().map(f -> root.relativize(f.path()).toString()).toList();
        assertThat(files).hasSize(3).startsWith("a/x.jpg", "a/y.png");
        assertThat(files.get(2)).isIn("l1/out.jpg", "l2/out.jpg", "a/up/out.jpg");
        Map<String, String> problems = result.problems().stream()
                .collect(Collectors.toMap(p -> root.relativize(p.path()).toString(), FolderScanner.ScanProblem::reason));
        assertThat(problems.get("b")).isEqualTo("symbolic link to " + root.resolve("a")
                + ", which this folder already has; not indexed twice");
        assertThat(problems.get("a/copy.jpg")).isEqualTo("symbolic link to " + root.resolve("a/x.jpg")
                + ", which this folder already has; not indexed twice");
        assertThat(problems.get("dogs")).startsWith("symbolic link into the gallery folder " + other);
        assertThat(problems.values()).filteredOn(r -> r.contains("which another link of the gallery already reaches")).hasSize(2);
        assertThat(problems).hasSize(5); // b, a/copy.jpg, dogs, and two of l1, l2, a/up
    }

    @Test
    void twoGalleryFoldersLinkingIntoEachOtherIndexEachPhotoOnce() throws Exception {
        Path first = Files.createDirectories(temp.resolve("first"));
        Path second = Files.createDirectories(temp.resolve("second"));
        TestImages.write(first.resolve("cats/c.jpg"), 1);
        TestImages.write(second.resolve("dogs/d.jpg"), 2);
        Path outside = Files.createDirectories(temp.resolve("outside"));
        TestImages.write(outside.resolve("o.jpg"), 3);
        Files.createSymbolicLink(first.resolve("dogs"), second.resolve("dogs"));
        Files.createSymbolicLink(second.resolve("cats"), first.resolve("cats"));
        Files.createSymbolicLink(first.resolve("elsewhere"), outside); // both link to one place outside
        Files.createSymbolicLink(second.resolve("elsewhere"), outside);
        try (GalleryDatabase db = GalleryDatabase.open(temp.resolve("data"))) {
            db.addFolder(first);
            db.addFolder(second);
            ColorHistogramEmbedder embedder = new ColorHistogramEmbedder();

            IndexReport report = new Indexer(db, embedder, new ImageLoader(), 4).indexUserFolders(IndexListener.NONE);

            assertThat(db.loadGallery(embedder.info()).entries()).extracting(GalleryEntry::path)
                    .containsExactly(first.resolve("cats/c.jpg"), first.resolve("elsewhere/o.jpg"),
                            second.resolve("dogs/d.jpg"));
            assertThat(report.problems()).extracting(p -> p.reason())
                    .filteredOn(r -> r.startsWith("symbolic link into the gallery folder")).hasSize(2);
            assertThat(report.problems()).extracting(p -> p.path().toString() + ": " + p.reason())
                    .contains(second.resolve("elsewhere") + ": symbolic link to " + outside.toRealPath()
                            + ", which another link of the gallery already reaches; not indexed twice")
                    .hasSize(3);
        }
    }
}
