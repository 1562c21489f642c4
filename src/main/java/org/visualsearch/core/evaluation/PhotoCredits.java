package org.visualsearch.core.evaluation;

import java.util.HashMap;
import java.util.Map;
import org.visualsearch.core.search.GalleryEntry;
import org.visualsearch.core.sampledb.SampleCredits;
import org.visualsearch.core.sampledb.SampleManifest;

/**
 * Who to credit for a photo shown in a report: a sample photo (found by its SHA-256 in the sample
 * manifest) gets its source and licence; any other photo is the user's own, named by its path.
 */
public final class PhotoCredits {
    private final Map<String, SampleManifest.Entry> samples = new HashMap<>();

    public PhotoCredits(SampleManifest manifest) {
        for (SampleManifest.Entry e : manifest.entries()) {
            samples.put(e.sha256(), e);
        }
    }

    /** Only paths: for when no manifest can be read. */
    public static PhotoCredits none() {
        return new PhotoCredits(SampleManifest.of(java.util.List.of()));
    }

    /** Whether the photo is one of the sample photos. */
    public boolean isSample(GalleryEntry entry) {
        return entry.contentHash() != null && samples.containsKey(entry.contentHash());
    }

    /** One line: "licence · source" for a sample photo, else its path. */
    public String creditOf(GalleryEntry entry) {
        SampleManifest.Entry sample = entry.contentHash() == null ? null : samples.get(entry.contentHash());
        if (sample == null) {
            return entry.path().toString();
        }
        String licence = sample.licence().isEmpty() ? "licence not stated" : sample.licence();
        return sample.file() + ": " + licence + " · " + SampleCredits.source(sample);
    }
}
