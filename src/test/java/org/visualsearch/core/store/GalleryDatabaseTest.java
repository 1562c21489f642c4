package org.visualsearch.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
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

    /** The schema of version 1, as released, to make a version-1 file the way that app did. */
    private static final String[] SCHEMA_V1 = {
        "CREATE TABLE folder (id INTEGER PRIMARY KEY, path TEXT NOT NULL UNIQUE, kind INTEGER NOT NULL, "
                + "added_at INTEGER NOT NULL)",
        "CREATE TABLE file (id INTEGER PRIMARY KEY, folder_id INTEGER NOT NULL REFERENCES folder(id) ON DELETE CASCADE, "
                + "path TEXT NOT NULL, category TEXT, size INTEGER NOT NULL, mtime INTEGER NOT NULL, hash TEXT NOT NULL, "
                + "UNIQUE (folder_id, path))",
        "CREATE INDEX file_hash ON file(hash)",
        "CREATE TABLE model (id TEXT PRIMARY KEY, name TEXT NOT NULL, dimension INTEGER NOT NULL) WITHOUT ROWID",
        "CREATE TABLE embedding (hash TEXT NOT NULL, model_id TEXT NOT NULL REFERENCES model(id), "
                + "dimension INTEGER NOT NULL, vector BLOB NOT NULL, PRIMARY KEY (hash, model_id)) WITHOUT ROWID",
        "CREATE TABLE thumbnail (hash TEXT PRIMARY KEY, jpeg BLOB NOT NULL) WITHOUT ROWID",
        "CREATE TABLE problem (folder_id INTEGER NOT NULL REFERENCES folder(id) ON DELETE CASCADE, "
                + "path TEXT NOT NULL, reason TEXT NOT NULL, found_at INTEGER NOT NULL, size INTEGER NOT NULL, "
                + "mtime INTEGER NOT NULL, PRIMARY KEY (folder_id, path))",
    };

    @Test
    void aVersion1DatabaseIsUpgradedInPlaceKeepingItsRows() throws Exception {
        Path data = Files.createDirectories(temp.resolve("old"));
        Path photos = temp.resolve("photos");
        ModelInfo picky = new ModelInfo("picky-v1", "Picky", 4);
        ModelInfo histogram = new ModelInfo("histogram-v1", "Histogram", 4);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve(GalleryDatabase.FILE_NAME));
             Statement s = c.createStatement()) {
            for (String ddl : SCHEMA_V1) {
                s.executeUpdate(ddl);
            }
            s.executeUpdate("INSERT INTO folder VALUES (1, '" + photos + "', 0, 1000)");
            s.executeUpdate("INSERT INTO model VALUES ('picky-v1', 'Picky', 4), ('histogram-v1', 'Histogram', 4)");
            s.executeUpdate("INSERT INTO file VALUES (1, 1, '" + photos.resolve("odd.png") + "', NULL, 10, 20, 'h1')");
            s.executeUpdate("INSERT INTO embedding VALUES ('h1', 'histogram-v1', 4, X'0000803F0000803F0000803F0000803F')");
            s.executeUpdate("INSERT INTO problem VALUES "
                    + "(1, '" + photos.resolve("broken.jpg") + "', 'not an image in a supported format', 5000, 12, 34), "
                    + "(1, '" + photos.resolve("odd.png") + "', 'model Picky failed: output is NaN', 6000, 10, 20), "
                    + "(1, '" + photos.resolve("gone.png") + "', 'model Ghost failed: out of memory', 7000, 1, 2)");
            s.executeUpdate("PRAGMA user_version = 1");
        }

        try (GalleryDatabase db = GalleryDatabase.open(data)) {
            // Rows kept: the decode problem as file-level; version 1's model failure given to its
            // model (by name), so other models index the file; one of an unknown model dropped.
            assertThat(db.problems()).extracting(p -> p.path().getFileName() + " " + p.modelId() + " " + p.reason())
                    .containsExactly("broken.jpg null not an image in a supported format",
                            "odd.png picky-v1 model Picky failed: output is NaN");
            assertThat(db.problems(histogram)).extracting(Problem::path).containsExactly(photos.resolve("broken.jpg"));
            assertThat(db.problems(picky)).hasSize(2);
            assertThat(db.problems().get(0).when()).isEqualTo(java.time.Instant.ofEpochMilli(5000));
            assertThat(db.listFolders()).singleElement().satisfies(f -> assertThat(f.fileCount()).isEqualTo(1));
            assertThat(db.loadGallery(histogram).size()).isEqualTo(1);
            assertThat(db.counts(histogram)).isEqualTo(new GalleryCounts(1, 1, 1));
            assertThat(db.integrityCheck()).isEqualTo("ok");
        }
        GalleryDatabase.open(data).close(); // opening again changes nothing
        GalleryDatabase.open(temp.resolve("fresh")).close();
        assertThat(schema(data)).isEqualTo(schema(temp.resolve("fresh")));
        assertThat(schema(data).get(0)).contains("user_version 2");
    }

    /** The version and the problem table's columns and indexes, to compare two database files. */
    private static List<String> schema(Path data) throws Exception {
        List<String> lines = new java.util.ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve(GalleryDatabase.FILE_NAME));
             Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("PRAGMA user_version")) {
                lines.add("user_version " + rs.getInt(1));
            }
            try (ResultSet rs = s.executeQuery("SELECT name, type, \"notnull\", pk FROM pragma_table_info('problem')")) {
                while (rs.next()) {
                    lines.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getInt(3) + " " + rs.getInt(4));
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'problem' "
                    + "ORDER BY name")) {
                while (rs.next()) {
                    lines.add(rs.getString(1));
                }
            }
        }
        return lines;
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
