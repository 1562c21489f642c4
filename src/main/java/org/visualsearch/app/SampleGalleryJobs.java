package org.visualsearch.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import org.visualsearch.core.sampledb.DownloadReport;
import org.visualsearch.core.sampledb.ImportReport;

/**
 * Getting the sample photos for a {@link GallerySession}: downloading or importing them (SHA-256
 * checked), with the warnings a user should see; the session then adds and indexes their folder.
 */
final class SampleGalleryJobs {
    private static final System.Logger LOG = System.getLogger(GallerySession.class.getName());

    private final SampleGallery sample;

    /** @param sample where the sample gallery goes and comes from, or null when there is none */
    SampleGalleryJobs(SampleGallery sample) {
        this.sample = sample;
    }

    /**
     * Downloads the sample photos; returns their folder, to add. Some failed: a warning; all failed:
     * an {@link IOException}.
     *
     * @throws CancellationException when cancelled (what was downloaded stays)
     */
    Path download(ProgressSink progress) throws IOException {
        SampleGallery sampleGallery = requireSample();
        int total = sampleGallery.manifest().size();
        DownloadReport report = sampleGallery.download(p -> progress.progress(p.bytesDone(), p.bytesTotal(),
                "Downloading " + p.describe()), progress::isCancelled);
        if (report.cancelled() || progress.isCancelled()) {
            throw new CancellationException("cancelled");
        }
        int have = report.downloaded().size() + report.alreadyPresent().size();
        if (!report.failed().isEmpty()) {
            LOG.log(System.Logger.Level.WARNING, report.failed().size()
                    + " sample photos could not be downloaded, e.g. " + report.failed().get(0).message());
            if (have > 0) {
                progress.warn(report.failed().size() + " of " + total + " sample photos could not be "
                        + "downloaded (" + report.failed().get(0).message() + "). The other " + have
                        + " are in the gallery; get the sample gallery again to retry.");
            }
        }
        if (have == 0) {
            throw new IOException("No sample photo could be downloaded ("
                    + report.failed().get(0).message() + "). If you have the photos, use "
                    + "“Import from a folder…”.");
        }
        return sampleGallery.folder();
    }

    /** Imports the sample photos from a local folder; returns their folder, to add. Rejected photos: a warning. */
    Path importFrom(Path folder, ProgressSink progress) throws IOException {
        SampleGallery sampleGallery = requireSample();
        progress.progress(-1, -1, "Checking the photos in " + folder + "…");
        ImportReport report = sampleGallery.importFrom(folder);
        report.rejected().forEach(r -> LOG.log(System.Logger.Level.WARNING, "sample import: " + r));
        int rejected = report.rejected().size();
        if (rejected > 0) {
            progress.warn(rejected + " photo" + (rejected == 1 ? "" : "s") + " in " + folder
                    + " did not match the manifest and " + (rejected == 1 ? "was" : "were")
                    + " not imported (" + report.rejected().get(0) + ").");
        }
        if (report.imported().isEmpty() && report.alreadyPresent().isEmpty()) {
            throw new IOException(folder + " holds none of the sample photos (expected <category>/<file> "
                    + "as listed in the manifest). To search your own photos, use “Add folder…”.");
        }
        return sampleGallery.folder();
    }

    private SampleGallery requireSample() {
        if (sample == null) {
            throw new IllegalStateException("this gallery has no sample gallery folder");
        }
        return sample;
    }
}
