package org.visualsearch.core.sampledb;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.visualsearch.core.common.Sha256;

/**
 * Which sample photos a gallery folder holds: present and valid (right size and SHA-256),
 * missing, or corrupt (wrong size or hash, or unreadable).
 */
public record SampleStatus(Path folder, List<FileStatus> files) {

    public enum State { PRESENT, MISSING, CORRUPT }

    /**
     * @param detail why a file is corrupt (e.g. "sha256 mismatch"); empty otherwise
     */
    public record FileStatus(SampleManifest.Entry entry, State state, String detail) {
    }

    public SampleStatus {
        files = List.copyOf(files);
    }

    /** Checks every manifest entry in {@code folder}; reads and hashes each present file. */
    public static SampleStatus check(SampleManifest manifest, Path folder) {
        List<FileStatus> result = new ArrayList<>();
        for (SampleManifest.Entry e : manifest.entries()) {
            result.add(checkOne(e, e.resolveIn(folder)));
        }
        return new SampleStatus(folder, result);
    }

    /** Checks one file against its manifest entry. */
    static FileStatus checkOne(SampleManifest.Entry e, Path file) {
        if (!Files.isRegularFile(file)) {
            return new FileStatus(e, State.MISSING, "");
        }
        try {
            long size = Files.size(file);
            if (size != e.bytes()) {
                return new FileStatus(e, State.CORRUPT, "size " + size + " bytes, expected " + e.bytes());
            }
            String hash = Sha256.of(file);
            if (!hash.equals(e.sha256())) {
                return new FileStatus(e, State.CORRUPT, "sha256 mismatch (got " + hash.substring(0, 12) + "…)");
            }
            return new FileStatus(e, State.PRESENT, "");
        } catch (IOException ex) {
            return new FileStatus(e, State.CORRUPT, "unreadable: " + ex.getMessage());
        }
    }

    public List<FileStatus> inState(State state) {
        return files.stream().filter(f -> f.state() == state).toList();
    }

    public int count(State state) {
        return (int) files.stream().filter(f -> f.state() == state).count();
    }

    /** True when every photo is present and valid. */
    public boolean complete() {
        return count(State.PRESENT) == files.size();
    }
}
