package org.visualsearch.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same photos reached through a symbolic link must not be added (and indexed) twice. */
class SymlinkedFolderTest {

    @TempDir
    Path temp;

    @Test
    void theSameFolderThroughALinkIsRefused() throws Exception {
        Path photos = Files.createDirectories(temp.resolve("photos"));
        Path link = Files.createSymbolicLink(temp.resolve("link"), photos);
        try (GalleryDatabase db = GalleryDatabase.open(temp.resolve("data"))) {
            db.addFolder(photos);
            assertThatThrownBy(() -> db.addFolder(link))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("is the folder already added " + photos)
                    .hasMessageContaining("symbolic link");
            assertThat(db.listFolders()).hasSize(1);
        }
    }

    @Test
    void aLinkIntoOrAroundAnAddedFolderIsRefused() throws Exception {
        Path photos = Files.createDirectories(temp.resolve("photos/dogs"));
        Path intoDogs = Files.createSymbolicLink(temp.resolve("dogs-link"), photos);
        Path aroundAll = Files.createSymbolicLink(temp.resolve("all-link"), temp.resolve("photos"));
        try (GalleryDatabase db = GalleryDatabase.open(temp.resolve("data"))) {
            db.addFolder(aroundAll);
            assertThatThrownBy(() -> db.addFolder(intoDogs)).hasMessageContaining("overlaps the folder already added");
        }
        try (GalleryDatabase db = GalleryDatabase.open(temp.resolve("data2"))) {
            db.addFolder(intoDogs);
            assertThatThrownBy(() -> db.addFolder(temp.resolve("photos")))
                    .hasMessageContaining("overlaps the folder already added");
        }
    }

    @Test
    void addingTheSamePathAgainIsStillANoOp() throws Exception {
        Path photos = Files.createDirectories(temp.resolve("photos"));
        try (GalleryDatabase db = GalleryDatabase.open(temp.resolve("data"))) {
            db.addFolder(photos);
            db.addFolder(photos);
            assertThat(db.listFolders()).hasSize(1);
        }
    }
}
