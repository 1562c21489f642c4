package org.visualsearch.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Another program's SQLite file is left untouched; a damaged one can be moved aside. */
class ForeignAndDamagedDatabaseTest {

    @TempDir
    Path data;

    @Test
    void anotherProgramsSqliteFileIsRecognisedAndLeftUntouched() throws Exception {
        Path file = data.resolve(GalleryDatabase.FILE_NAME);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.executeUpdate("CREATE TABLE file(id INTEGER PRIMARY KEY, name TEXT)");
            s.executeUpdate("INSERT INTO file(name) VALUES ('theirs')");
            s.executeUpdate("PRAGMA application_id = 1234");
        }
        byte[] before = Files.readAllBytes(file);

        assertThatThrownBy(() -> GalleryDatabase.open(data))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("is not this app's gallery database")
                .hasMessageContaining("application id 0x000004d2")
                .hasMessageContaining("left untouched");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertThat(data.resolve(GalleryDatabase.FILE_NAME + "-wal")).doesNotExist();
    }

    @Test
    void ourDatabaseCarriesTheApplicationIdAndReopens() throws Exception {
        try (GalleryDatabase db = GalleryDatabase.open(data)) {
            db.addFolder(data.resolve("photos"));
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve(GalleryDatabase.FILE_NAME));
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA application_id")) {
            assertThat(rs.getInt(1)).isEqualTo(DatabaseIdentity.APPLICATION_ID);
        }
        try (GalleryDatabase db = GalleryDatabase.open(data)) {
            assertThat(db.listFolders()).hasSize(1);
        }
    }

    @Test
    void aDamagedFileSaysSoAndCanBeMovedAsideToStartFresh() throws Exception {
        Path file = data.resolve(GalleryDatabase.FILE_NAME);
        byte[] garbage = new byte[8192];
        new Random(7).nextBytes(garbage);
        Files.write(file, garbage);

        assertThatThrownBy(() -> GalleryDatabase.open(data))
                .isInstanceOf(DamagedDatabaseException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("is damaged")
                .hasMessageContaining("gallery.db.damaged-");

        Path kept = GalleryDatabase.moveAside(data);
        assertThat(kept.getFileName().toString()).startsWith("gallery.db.damaged-");
        assertThat(Files.readAllBytes(kept)).isEqualTo(garbage);
        try (GalleryDatabase db = GalleryDatabase.open(data)) {
            assertThat(db.listFolders()).isEmpty();
        }
    }
}
