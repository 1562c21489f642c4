package org.visualsearch.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** sqlite-jdbc's native library, unpacked once into the cache instead of into the temp folder at every start. */
class SqliteNativeLibraryTest {
    private static final String[] PROPERTIES = {"org.sqlite.lib.path", "org.sqlite.lib.name", "org.sqlite.tmpdir"};

    @TempDir
    Path temp;
    private final Map<String, String> saved = new HashMap<>();

    @BeforeEach
    void save() {
        for (String p : PROPERTIES) {
            saved.put(p, System.getProperty(p));
        }
    }

    @AfterEach
    void restore() {
        saved.forEach((k, v) -> {
            if (v == null) {
                System.clearProperty(k);
            } else {
                System.setProperty(k, v);
            }
        });
    }

    private static byte[] jarCopy(String name) throws Exception {
        String platform = org.sqlite.util.OSInfo.getNativeLibFolderPathForCurrentOS();
        try (InputStream in = org.sqlite.SQLiteJDBCLoader.class.getResourceAsStream("/org/sqlite/native/" + platform + "/" + name)) {
            return in == null ? null : in.readAllBytes();
        }
    }

    @Test
    void unpacksOnceWithTheJarsBytesAndPointsTheDriverThere() throws Exception {
        String name = System.mapLibraryName("sqlitejdbc");
        assumeTrue(jarCopy(name) != null, "the jar has a library of this name for this platform");
        Path folder = SqliteNativeLibrary.useCachedCopy(temp.resolve("cache"));
        Path library = folder.resolve(name);
        assertThat(Files.readAllBytes(library)).isEqualTo(jarCopy(name));
        assertThat(folder.getFileName().toString()).startsWith(org.sqlite.SQLiteJDBCLoader.getVersion() + "-");
        assertThat(System.getProperty("org.sqlite.lib.path")).isEqualTo(folder.toString());
        assertThat(System.getProperty("org.sqlite.lib.name")).isEqualTo(name);
        assertThat(System.getProperty("org.sqlite.tmpdir")).isEqualTo(folder.toString());
        try (var files = Files.list(folder)) {
            assertThat(files).as("no part file left").containsExactly(library);
        }

        FileTime written = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(library, written);
        SqliteNativeLibrary.useCachedCopy(temp.resolve("cache"));
        assertThat(Files.getLastModifiedTime(library)).as("a good copy is not written again").isEqualTo(written);
    }

    @Test
    void aDamagedCopyOfTheSameSizeIsReplaced() throws Exception {
        String name = System.mapLibraryName("sqlitejdbc");
        assumeTrue(jarCopy(name) != null);
        Path folder = SqliteNativeLibrary.useCachedCopy(temp.resolve("cache"));
        byte[] damaged = jarCopy(name);
        damaged[damaged.length / 2] ^= 0x5a;
        Files.write(folder.resolve(name), damaged);
        SqliteNativeLibrary.useCachedCopy(temp.resolve("cache"));
        assertThat(Files.readAllBytes(folder.resolve(name))).isEqualTo(jarCopy(name));
    }
}
