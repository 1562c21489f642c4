package org.visualsearch.core.store;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.CRC32;
import org.visualsearch.core.AppDirectories;

/**
 * Lets sqlite-jdbc load its native library from a copy unpacked once into the app's cache folder.
 * Left to itself, the driver unpacks the library (1 MB) into the temp folder on every start, reads
 * it back to compare, lists the whole temp folder to clear old copies, and deletes its copy at exit:
 * about 60 ms of every command's start, and a 1 MB file left in the temp folder by every killed
 * run. With this, a start checks the copy's CRC against the jar's and loads it.
 *
 * <p>The copy lives in {@code cacheDir()/sqlite-jdbc/VERSION-PLATFORM/} and is written to a temp
 * file beside it and renamed, so a process never sees half a copy. Nothing changes when the user
 * set {@code org.sqlite.lib.path} already, when the jar holds no library for this platform, when
 * the cache folder cannot be written, or when the system will not load a library from it: then
 * the driver unpacks as it always did.
 */
final class SqliteNativeLibrary {

    private static boolean done;

    private SqliteNativeLibrary() {
    }

    /** Points sqlite-jdbc at the cached copy (unpacking it first when missing or different); once per JVM. */
    static synchronized void useCachedCopy() {
        if (done) {
            return;
        }
        done = true;
        if (System.getProperty("org.sqlite.lib.path") != null) {
            return;
        }
        try {
            useCachedCopy(AppDirectories.current().cacheDir().resolve("sqlite-jdbc"));
        } catch (IOException | RuntimeException | LinkageError e) {
            // the driver unpacks its library into the temp folder, as without this class
        }
    }

    /** As above, with the copies under {@code root}; returns the folder used, or null when none. */
    static Path useCachedCopy(Path root) throws IOException {
        String platform = org.sqlite.util.OSInfo.getNativeLibFolderPathForCurrentOS();
        String name = System.mapLibraryName("sqlitejdbc");
        URL resource = org.sqlite.SQLiteJDBCLoader.class.getResource("/org/sqlite/native/" + platform + "/" + name);
        if (resource == null) {
            return null; // not a library the driver would pick by this name (e.g. macOS's .jnilib)
        }
        Path folder = root.resolve(org.sqlite.SQLiteJDBCLoader.getVersion() + "-" + platform.replace('/', '-'));
        Path library = folder.resolve(name);
        long expectedCrc = crcOf(resource);
        if (!Files.isRegularFile(library) || crcOf(library) != expectedCrc) {
            Files.createDirectories(folder);
            Path part = Files.createTempFile(folder, name, ".part");
            try {
                try (InputStream in = resource.openStream()) {
                    Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
                }
                if (crcOf(part) != expectedCrc) {
                    throw new IOException("the unpacked copy of " + resource + " differs from the jar's");
                }
                Files.move(part, library, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(part);
            }
        }
        // Loaded here first, so that a copy the system refuses (a cache folder mounted noexec) leaves
        // the driver to its own unpacking; the driver's own load of the same file is then a no-op.
        try {
            System.load(library.toAbsolutePath().toString());
        } catch (UnsatisfiedLinkError e) {
            throw new IOException("the system refused to load " + library + " (" + e.getMessage() + ")", e);
        }
        System.setProperty("org.sqlite.lib.path", folder.toString());
        System.setProperty("org.sqlite.lib.name", name);
        // the driver clears old copies of its own from this folder: ours, not the whole temp folder
        System.setProperty("org.sqlite.tmpdir", folder.toString());
        return folder;
    }

    /** The CRC-32 the jar records for the entry, else computed from its bytes. */
    private static long crcOf(URL resource) throws IOException {
        URLConnection connection = resource.openConnection();
        if (connection instanceof JarURLConnection jar && jar.getJarEntry() != null && jar.getJarEntry().getCrc() != -1) {
            return jar.getJarEntry().getCrc();
        }
        try (InputStream in = connection.getInputStream()) {
            return crcOf(in);
        }
    }

    private static long crcOf(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return crcOf(in);
        }
    }

    private static long crcOf(InputStream in) throws IOException {
        CRC32 crc = new CRC32();
        byte[] buffer = new byte[64 * 1024];
        for (int n; (n = in.read(buffer)) > 0; ) {
            crc.update(buffer, 0, n);
        }
        return crc.getValue();
    }
}
