package org.visualsearch.app;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import org.visualsearch.core.sampledb.DownloadReport;
import org.visualsearch.core.sampledb.ImportReport;
import org.visualsearch.core.sampledb.SampleDownloader;
import org.visualsearch.core.sampledb.SampleImporter;
import org.visualsearch.core.sampledb.SampleManifest;

/**
 * Getting the sample photos into their folder, SHA-256 checked: the {@code sample-db} commands and
 * the window's "Get the sample gallery" / "Import from a folder…" (which then index the folder,
 * see {@link GallerySession#downloadSample}).
 *
 * @param folder   where the sample photos go ({@code <category>/<file>})
 * @param manifest what the sample gallery holds
 * @param baseUrl  a mirror to fetch {@code baseUrl/<category>/<file>} from instead of the manifest's URLs, or null
 */
public record SampleGallery(Path folder, SampleManifest manifest, URI baseUrl) {

    public SampleGallery {
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(manifest, "manifest");
    }

    /** Downloads what is missing (resumable; photos already there are kept). */
    public DownloadReport download(SampleDownloader.Listener listener, BooleanSupplier cancelled) throws IOException {
        return new SampleDownloader(manifest, SampleDownloader.defaultClient(), baseUrl)
                .download(folder, listener, cancelled);
    }

    /** Copies the sample photos from a local folder laid out as {@code <category>/<file>}. */
    public ImportReport importFrom(Path source) throws IOException {
        return new SampleImporter(manifest).importFrom(source, folder);
    }
}
