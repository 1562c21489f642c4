package org.visualsearch.core.gallery;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.visualsearch.core.store.GalleryDatabase;

/**
 * Makes the sample gallery the first folder of a new database, once: a marker file in the data
 * folder records that it was offered, so a user who removes it later does not get it back.
 */
public final class SampleFolderBootstrap {

    static final String MARKER = "sample-folder-added";

    private SampleFolderBootstrap() {
    }

    /**
     * Adds {@code sampleDir} to {@code db} when the database has no folders yet, the sample
     * folder exists and it was never added before.
     *
     * @return the added folder, if it was added now
     */
    public static Optional<Path> addIfNew(GalleryDatabase db, Path dataDir, Path sampleDir) {
        Path marker = dataDir.resolve(MARKER);
        if (Files.exists(marker) || !db.listFolders().isEmpty() || !Files.isDirectory(sampleDir)) {
            return Optional.empty();
        }
        Path added = db.addFolder(sampleDir);
        try {
            Files.createDirectories(dataDir);
            Files.writeString(marker, added + System.lineSeparator());
        } catch (IOException e) {
            // Without the marker the sample folder may be offered again later: harmless.
        }
        return Optional.of(added);
    }

    /**
     * Forgets that the sample folder was offered, so that a fresh database (the old one moved
     * aside as damaged) gets it as its first folder again.
     */
    public static void forget(Path dataDir) throws IOException {
        Files.deleteIfExists(dataDir.resolve(MARKER));
    }
}
