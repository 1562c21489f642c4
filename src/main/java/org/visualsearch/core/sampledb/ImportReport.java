package org.visualsearch.core.sampledb;

import java.util.List;

/**
 * What {@link SampleImporter#importFrom} did.
 *
 * @param imported       files copied in
 * @param alreadyPresent files that were already there and valid, left alone
 * @param notInSource    manifest files the source folder lacks
 * @param rejected       files found in the source but not imported, with the reason (e.g. a SHA-256
 *                       mismatch), one line each: {@code "dog/dog-01.jpg: sha256 mismatch …"}
 */
public record ImportReport(List<String> imported, List<String> alreadyPresent, List<String> notInSource,
                           List<String> rejected) {
    public ImportReport {
        imported = List.copyOf(imported);
        alreadyPresent = List.copyOf(alreadyPresent);
        notInSource = List.copyOf(notInSource);
        rejected = List.copyOf(rejected);
    }

    /** True when every manifest photo is now in the gallery folder. */
    public boolean complete() {
        return notInSource.isEmpty() && rejected.isEmpty();
    }
}
