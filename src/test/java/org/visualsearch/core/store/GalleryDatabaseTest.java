package org.visualsearch.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.visualsearch.core.gallery.SyntheticGallery;
import org.visualsearch.core.model.ModelInfo;

class GalleryDatabaseTest {

    @TempDir
    Path temp;

    @Test
    void createsTheSchemaInWalModeAndKeepsFoldersAcrossReopen() throws Exception {
        Path data = temp.resolve("new/data");
        try (GalleryDatabase db = GalleryDatabase.open(data)) {
            db.addFolder(temp.resolve("b"));
            db.addFolder(temp.resolve("a/../a"));
            assertThatThrownBy(() -> db.addFolder(temp.resolve("a/inner"))).isInstanceOf(IllegalArgumentException.class);
        }
        try (GalleryDatabase db = GalleryDatabase.open(data)) {
            assertThat(db.listFolders()).extracting(Folder::path).containsExactly(temp.resolve("a"), temp.resolve("b"));
            assertThat(db.removeFolder(temp.resolve("a"))).isTrue();
            assertThat(db.removeFolder(temp.resolve("a"))).isFalse();
            assertThat(db.integrityCheck()).isEqualTo("ok");
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve(GalleryDatabase.FILE_NAME));
             Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("PRAGMA journal_mode")) {
                assertThat(rs.getString(1)).isEqualTo("wal");
            }
            try (ResultSet rs = s.executeQuery("PRAGMA user_version")) {
                assertThat(rs.getInt(1)).isEqualTo(GalleryDatabase.SCHEMA_VERSION);
            }
        }
    }

    @Test
    void aDatabaseFromANewerVersionIsRefused() throws Exception {
        Path data = temp.resolve("data");
        GalleryDatabase.open(data).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve(GalleryDatabase.FILE_NAME));
             Statement s = c.createStatement()) {
            s.executeUpdate("PRAGMA user_version = 99");
        }
        assertThatThrownBy(() -> GalleryDatabase.open(data)).isInstanceOf(StoreException.class)
                .hasMessageContaining("schema version 99");
    }

    @Test
    void syntheticGalleryLoadsSortedWithThumbnailsAndCounts() {
        try (GalleryDatabase db = GalleryDatabase.open(temp.resolve("data"))) {
            List<byte[]> thumbs = SyntheticGallery.generatedThumbnails(3, 1);
            SyntheticGallery.generate(db, temp.resolve("synthetic"), 2_500, 16, thumbs, 7);
            ModelInfo model = SyntheticGallery.model(16);

            var gallery = db.loadGallery(model);

            assertThat(gallery.size()).isEqualTo(2_500);
            assertThat(gallery.entries()).extracting(e -> e.path().toString()).isSorted();
            assertThat(gallery.entries().get(0).category()).isEqualTo("cat-00");
            assertThat(db.thumbnail(gallery.entries().get(5).contentHash())).isPresent();
            assertThat(db.counts(model)).isEqualTo(new GalleryCounts(2_500, 2_500, 0));
            assertThat(db.counts(new ModelInfo("other", "Other", 16)).missing()).isEqualTo(2_500);
            assertThat(db.loadGallery(new ModelInfo("other", "Other", 16)).size()).isZero();
        }
    }
}
