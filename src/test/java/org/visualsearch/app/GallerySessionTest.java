package org.visualsearch.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.visualsearch.core.gallery.TestImages;
import org.visualsearch.core.model.ColorHistogramEmbedder;
import org.visualsearch.core.model.ModelCatalog;
import org.visualsearch.core.sampledb.SampleManifest;
import org.visualsearch.core.sampledb.TestPhotos;
import org.visualsearch.core.store.GalleryDatabase;

/** The application layer's use-cases on a real database with the colour-histogram baseline. */
class GallerySessionTest {
    @TempDir
    Path temp;
    GalleryDatabase db;
    GallerySession session;
    final Sink sink = new Sink();

    /** Records warnings; cancelled on request. */
    static final class Sink implements ProgressSink {
        final List<String> warnings = new CopyOnWriteArrayList<>();
        volatile boolean cancelled;

        @Override
        public void progress(long done, long total, String message) {
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }

        @Override
        public void warn(String message) {
            warnings.add(message);
        }
    }

    @BeforeEach
    void open() throws IOException {
        db = GalleryDatabase.open(temp.resolve("data"));
        // port 9 (discard) on this machine refuses connections: every download fails at once
        SampleManifest manifest = SampleManifest.parse(new StringReader(
                TestPhotos.small().manifestTsv("http://127.0.0.1:9/")), "test manifest");
        SampleGallery sample = new SampleGallery(temp.resolve("sample"), manifest, null);
        session = new GallerySession(db, new ModelCatalog(Files.createDirectories(temp.resolve("models"))),
                new ColorHistogramEmbedder(), ModelChoice.HISTOGRAM, sample,
                new LastModel(temp.resolve("data"), temp.resolve("models")));
    }

    @AfterEach
    void close() {
        session.close();
    }

    @Test
    void addedFoldersAreIndexedAndARemovedOneTakesItsPhotosAlong() throws IOException {
        Path dogs = temp.resolve("photos/dogs");
        TestImages.write(dogs.resolve("a/1.jpg"), 1);
        TestImages.write(dogs.resolve("a/2.jpg"), 2);
        Path cats = temp.resolve("photos/cats");
        TestImages.write(cats.resolve("b/3.jpg"), 3);

        LibrarySnapshot added = session.addFolders(List.of(dogs, cats), sink, null);
        assertThat(added.gallery().size()).isEqualTo(3);
        assertThat(added.folders()).hasSize(2);

        LibrarySnapshot removed = session.removeFolder(added.folders().get(0).path());
        assertThat(removed.folders()).hasSize(1);
        assertThat(removed.gallery().size()).isLessThan(3).isPositive();
        assertThatThrownBy(() -> session.removeFolder(temp.resolve("elsewhere")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not one of the gallery's folders");
        assertThatThrownBy(() -> session.addFolderOnly(dogs.resolve("a/1.jpg")))
                .isInstanceOf(IOException.class).hasMessageEndingWith("1.jpg is not a folder");
    }

    @Test
    void aCancelledUpdateThrowsAndKeepsTheFolder() throws IOException {
        Path photos = temp.resolve("photos");
        TestImages.write(photos.resolve("a/1.jpg"), 1);
        session.addFolderOnly(photos);
        sink.cancelled = true;

        assertThatThrownBy(() -> session.update(sink, null)).isInstanceOf(CancellationException.class);
        assertThat(session.snapshot().folders()).hasSize(1);
    }

    @Test
    void aGalleryFolderIsIndexedWithoutJoiningTheDatabasesFolders() throws IOException {
        Path photos = temp.resolve("photos");
        TestImages.write(photos.resolve("a/1.jpg"), 1);
        TestImages.write(photos.resolve("b/2.jpg"), 2);

        GallerySession.LoadedGallery loaded = session.loadGallery(photos, sink);
        assertThat(loaded.gallery().size()).isEqualTo(2);
        assertThat(loaded.report().embedded()).isEqualTo(2);
        assertThat(session.snapshot().folders()).isEmpty();
        assertThat(session.loadGallery(photos, sink).report().embedded()).as("cached by content").isZero();
        assertThatThrownBy(() -> session.loadGallery(photos.resolve("a/1.jpg"), sink))
                .isInstanceOf(IOException.class).hasMessageContaining("is a file, not a folder");
    }

    @Test
    void aDatabaseWithoutFoldersSaysHowToAddOne() throws IOException {
        GallerySession noSample = new GallerySession(db, new ModelCatalog(temp.resolve("models")),
                new ColorHistogramEmbedder(), ModelChoice.HISTOGRAM, null, null);
        assertThatThrownBy(() -> noSample.loadGallery(null, sink))
                .isInstanceOf(GallerySession.NoFoldersException.class).hasMessageContaining("add one with 'add FOLDER'");
    }

    @Test
    void importingAFolderWithNoneOfTheSamplePhotosSaysSo() throws IOException {
        Path empty = Files.createDirectories(temp.resolve("not-the-sample"));
        assertThatThrownBy(() -> session.importSample(empty, sink))
                .isInstanceOf(IOException.class).hasMessageContaining("holds none of the sample photos");
    }

    @Test
    void aDownloadWhereEveryPhotoFailsIsAnErrorWithTheFirstReason() {
        assertThatThrownBy(() -> session.downloadSample(sink))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("No sample photo could be downloaded (")
                .hasMessageContaining("127.0.0.1");
        assertThat(sink.warnings).as("nothing was obtained: an error, not a warning").isEmpty();
    }

    @Test
    void switchingModelsRemembersTheChoiceAndListsTheBaselineLast() throws Exception {
        GallerySession switched = session.switchModel(ModelChoice.HISTOGRAM, sink);
        try {
            assertThat(switched.currentModel()).isEqualTo(ModelChoice.HISTOGRAM);
            assertThat(switched.databaseFile()).isEqualTo(session.databaseFile());
            assertThat(new LastModel(temp.resolve("data"), temp.resolve("models")).read()).contains("histogram");
            assertThat(session.models()).containsExactly(ModelChoice.HISTOGRAM); // no model folder installed
        } finally {
            switched.embedder().close();
        }
    }
}
