package org.visualsearch.core.store;

/**
 * A problem to record for one root folder. Size and modification time (or -1 when unknown, e.g.
 * for folders) let a later scan skip a bad file that has not changed instead of failing on it again.
 *
 * @param modelId null for a file-level problem (cannot be read or decoded: skipped by every model
 *                while unchanged); else the id of the model that failed on the file (skipped only
 *                by that model; the others still index it)
 */
public record FileProblem(String path, String reason, long size, long modifiedMillis, String modelId) {

    /** A file-level problem. */
    public FileProblem(String path, String reason, long size, long modifiedMillis) {
        this(path, reason, size, modifiedMillis, null);
    }

    /** Whether it concerns the file itself, and so every model. */
    public boolean fileLevel() {
        return modelId == null;
    }

    /** Whether it was recorded for a file of this size and modification time. */
    public boolean sameFile(long size, long modifiedMillis) {
        return this.size == size && this.modifiedMillis == modifiedMillis;
    }

    /** Whether it keeps {@code modelId}'s indexer from retrying the file while it is unchanged. */
    public boolean blocks(String modelId) {
        return this.modelId == null || this.modelId.equals(modelId);
    }
}
