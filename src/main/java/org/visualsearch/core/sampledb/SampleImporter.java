package org.visualsearch.core.sampledb;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import org.visualsearch.core.common.Sha256;

/**
 * Copies the sample photos from a local folder laid out like the gallery
 * ({@code <folder>/<category>/<file>}, e.g. a colleague's copy or {@code ../shared/sample-photos-v2})
 * into a gallery folder, verifying each file's SHA-256 against the manifest. A file whose hash
 * or size does not match is reported and not imported; an already valid target is left alone.
 */
public final class SampleImporter {

    private final SampleManifest manifest;

    public SampleImporter(SampleManifest manifest) {
        this.manifest = manifest;
    }

    /**
     * Imports into {@code dest} whatever {@code source} holds of the manifest.
     *
     * @throws IOException if {@code source} is not a folder, or writing to {@code dest} fails
     */
    public ImportReport importFrom(Path source, Path dest) throws IOException {
        if (!Files.isDirectory(source)) {
            throw new IOException("not a folder: " + source);
        }
        List<String> imported = new ArrayList<>();
        List<String> present = new ArrayList<>();
        List<String> notInSource = new ArrayList<>();
        List<String> rejected = new ArrayList<>();
        for (SampleManifest.Entry e : manifest.entries()) {
            Path target = e.resolveIn(dest);
            if (SampleStatus.checkOne(e, target).state() == SampleStatus.State.PRESENT) {
                present.add(e.file());
                continue;
            }
            Path from = e.resolveIn(source);
            if (!Files.isRegularFile(from)) {
                notInSource.add(e.file());
                continue;
            }
            String problem = copyVerified(e, from, target);
            if (problem == null) {
                imported.add(e.file());
            } else {
                rejected.add(e.file() + ": " + problem);
            }
        }
        return new ImportReport(imported, present, notInSource, rejected);
    }

    /** Copies through a .part file, hashing on the way; returns null on success, else the reason. */
    private static String copyVerified(SampleManifest.Entry e, Path from, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        Path part = partFile(target);
        MessageDigest digest = Sha256.newDigest();
        long size = 0;
        String readProblem = null;
        try (OutputStream out = Files.newOutputStream(part)) {
            InputStream opened;
            try {
                opened = Files.newInputStream(from);
            } catch (IOException ex) {
                opened = InputStream.nullInputStream();
                readProblem = "cannot read " + from + ": " + ex;
            }
            try (InputStream in = opened) {
                byte[] buffer = new byte[64 * 1024];
                while (true) {
                    int n;
                    try {
                        n = in.read(buffer);
                    } catch (IOException ex) {
                        readProblem = "cannot read " + from + ": " + ex; // that file's problem, not the run's
                        break;
                    }
                    if (n < 0) {
                        break;
                    }
                    digest.update(buffer, 0, n);
                    out.write(buffer, 0, n); // a write failure (disk full...) ends the run
                    size += n;
                }
            }
        } catch (IOException ex) {
            Files.deleteIfExists(part);
            throw ex;
        }
        if (readProblem != null) {
            Files.deleteIfExists(part);
            return readProblem;
        }
        String hash = Sha256.hex(digest);
        if (size != e.bytes() || !hash.equals(e.sha256())) {
            Files.deleteIfExists(part);
            return "sha256 mismatch: source file " + from + " (" + size + " bytes, sha256 "
                    + hash.substring(0, 12) + "…) is not the manifest's (" + e.bytes() + " bytes, sha256 "
                    + e.sha256().substring(0, 12) + "…)";
        }
        moveIntoPlace(part, target);
        return null;
    }

    static Path partFile(Path target) {
        return target.resolveSibling(target.getFileName() + ".part");
    }

    static void moveIntoPlace(Path part, Path target) throws IOException {
        try {
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException ex) {
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
