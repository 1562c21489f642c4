package org.visualsearch.app;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.visualsearch.core.gallery.KnownVectors;
import org.visualsearch.core.model.ModelInfo;
import org.visualsearch.core.sampledb.DownloadReport;
import org.visualsearch.core.sampledb.ImportReport;
import org.visualsearch.core.sampledb.SampleDownloader;
import org.visualsearch.core.sampledb.SampleImporter;
import org.visualsearch.core.sampledb.SampleManifest;
import org.visualsearch.core.sampledb.ShippedEmbeddings;

/**
 * Getting the sample photos into their folder, SHA-256 checked: the {@code sample-db} commands and
 * the window's "Get the sample gallery" / "Import from a folder…" (which then index the folder,
 * see {@link GallerySession#downloadSample}).
 *
 * @param folder   where the sample photos go ({@code <category>/<file>})
 * @param manifest what the sample gallery holds
 * @param baseUrl  a mirror to fetch {@code baseUrl/<category>/<file>} from instead of the manifest's URLs, or null
 * @param embeddings the photos' vectors under the model that made them (shipped with the app), if any
 */
public record SampleGallery(Path folder, SampleManifest manifest, URI baseUrl, Optional<ShippedEmbeddings> embeddings) {

    public SampleGallery {
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(manifest, "manifest");
        Objects.requireNonNull(embeddings, "embeddings");
    }

    /** With the embeddings shipped in the app ({@link ShippedEmbeddings#bundled()}). */
    public SampleGallery(Path folder, SampleManifest manifest, URI baseUrl) {
        this(folder, manifest, baseUrl, ShippedEmbeddings.bundled());
    }

    /**
     * The shipped vectors for the photos in the sample folder, when {@code model} made them (else
     * none: a changed model embeds as usual). The indexer still hashes each photo and uses a vector
     * only for a SHA-256 listed in the file.
     */
    public KnownVectors knownVectors(ModelInfo model) {
        Path root = folder.toAbsolutePath().normalize();
        return embeddings.filter(e -> e.modelId().equals(model.id()) && e.dimension() == model.dimension())
                .map(e -> new KnownVectors(e.modelId(), e.dimension(), e.byHash(),
                        file -> file.toAbsolutePath().normalize().startsWith(root)))
                .orElse(KnownVectors.NONE);
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
