package org.visualsearch.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.visualsearch.core.gallery.EarlyPhotos;
import org.visualsearch.core.model.ModelCatalog;
import org.visualsearch.core.store.GalleryDatabase;

/** Which commands get photos prepared while their model loads: a TorchScript model and a folder to index. */
class EarlyPhotosChoiceTest {
    @TempDir
    Path temp;

    @Test
    void onlyATorchScriptModelWithAFolderStartsThePreparation() throws Exception {
        Path folder = Files.createDirectories(temp.resolve("photos"));
        Path model = Path.of(EarlyPhotosChoiceTest.class.getResource("/models/guie-tiny").toURI());
        ModelCatalog catalog = new ModelCatalog(temp.resolve("models"));
        try (GalleryDatabase db = GalleryDatabase.open(temp.resolve("data"))) {
            assertThat(GallerySession.prepareWhileModelLoads(db, catalog, ModelCatalog.HISTOGRAM, folder))
                    .as("the histogram loads at once").isSameAs(EarlyPhotos.NONE);
            assertThat(GallerySession.prepareWhileModelLoads(db, catalog, model.toString(), null))
                    .as("the database's folders").isSameAs(EarlyPhotos.NONE);
            assertThat(GallerySession.prepareWhileModelLoads(db, catalog, "no-such-model", folder))
                    .as("its load says what is wrong").isSameAs(EarlyPhotos.NONE);
            try (EarlyPhotos early = GallerySession.prepareWhileModelLoads(db, catalog, model.toString(), folder)) {
                assertThat(early).isNotSameAs(EarlyPhotos.NONE);
            }
        }
    }
}
