package org.visualsearch.core.sampledb;

import java.util.List;

/**
 * What {@link SampleDownloader#download} did. Whatever was completed stays on disk whatever the
 * outcome; an interrupted file stays as {@code <file>.part} and the next run resumes it.
 *
 * @param downloaded     files downloaded and verified in this run
 * @param alreadyPresent files that were already there and valid
 * @param failed         files not obtained, each with a one-line reason
 * @param cancelled      true when the run was cancelled before it went through the manifest
 */
public record DownloadReport(List<String> downloaded, List<String> alreadyPresent, List<Failure> failed,
                             boolean cancelled) {

    /**
     * @param file    the manifest file, e.g. {@code dog/dog-01.jpg}
     * @param message one line, e.g. "cannot download dog-01.jpg from example.org: no network
     *                connection (cannot resolve host)"
     */
    public record Failure(String file, String message) {
    }

    public DownloadReport {
        downloaded = List.copyOf(downloaded);
        alreadyPresent = List.copyOf(alreadyPresent);
        failed = List.copyOf(failed);
    }

    /** True when every manifest photo is now in the gallery folder. */
    public boolean complete() {
        return failed.isEmpty() && !cancelled;
    }
}
