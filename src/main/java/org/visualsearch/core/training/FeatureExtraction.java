package org.visualsearch.core.training;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.visualsearch.core.search.GalleryEntry;
import org.visualsearch.core.gallery.IndexListener;
import org.visualsearch.core.gallery.IndexReport;
import org.visualsearch.core.search.IndexedGallery;
import org.visualsearch.core.gallery.Indexer;
import org.visualsearch.core.model.ImageEmbedder;
import org.visualsearch.core.store.GalleryDatabase;
import org.visualsearch.core.store.Problem;

/**
 * Backbone features of labelled folders, computed once per (photo content, feature extractor):
 * the feature extractor is indexed like any model (its id covers the TorchScript's bytes), so
 * its vectors live in the gallery database beside the embeddings, keyed by content hash and
 * model id, and a second training run on the same photos embeds nothing.
 *
 * <p>Labels: a photo's category is its first-level folder under a labelled folder; a
 * second-level folder ({@code category/instance/photo.jpg}) is its instance group. A
 * {@code MANIFEST.tsv} in the labelled folder (tab-separated, header with {@code file} and
 * optionally {@code instance} and {@code class} columns, as the team's training photos have)
 * adds instance groups and fine classes for the files it lists. Photos lying directly in the
 * labelled folder have no category and are left out.
 */
public final class FeatureExtraction {

    public static final String MANIFEST = "MANIFEST.tsv";

    private final GalleryDatabase db;
    private final ImageEmbedder features;
    private volatile Indexer current;
    private volatile boolean cancelled;

    /**
     * @param db       where features are cached
     * @param features the backbone's feature extractor (see {@link org.visualsearch.core.model.Backbone#open()})
     */
    public FeatureExtraction(GalleryDatabase db, ImageEmbedder features) {
        this.db = db;
        this.features = features;
    }

    /**
     * What an extraction produced.
     *
     * @param data        labelled features, sorted by path within each folder
     * @param embedded    photos whose features were computed in this run (0 when all were cached)
     * @param unlabelled  photos left out because they lie directly in a labelled folder
     * @param problems    files that could not be read, with the reason
     * @param elapsed     wall time
     */
    public record Result(LabelledFeatures data, int embedded, int unlabelled, List<Problem> problems,
                         Duration elapsed) {
    }

    /** Stops the extraction soon; what was computed stays cached. */
    public void cancel() {
        cancelled = true;
        Indexer indexer = current;
        if (indexer != null) {
            indexer.cancel();
        }
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /**
     * Extracts (or reads from the cache) the features of every labelled photo in the folders.
     *
     * @throws java.util.concurrent.CancellationException when cancelled
     * @throws IllegalArgumentException when a folder is missing or holds no labelled photo
     */
    public Result extract(List<Path> labelledFolders, IndexListener listener) {
        long started = System.nanoTime();
        List<LabelledFeatures.Sample> samples = new ArrayList<>();
        List<float[]> rows = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        int embedded = 0;
        int unlabelled = 0;
        for (Path folder : labelledFolders) {
            if (!Files.isDirectory(folder)) {
                throw new IllegalArgumentException("labelled folder " + folder + " does not exist or is not a folder");
            }
            Path root = GalleryDatabase.normalize(folder);
            Map<String, String[]> manifest = readManifest(root);
            Indexer indexer = new Indexer(db, features);
            current = indexer;
            if (cancelled) {
                indexer.cancel();
            }
            Indexer.FolderIndexResult indexed = indexer.indexAdHoc(root, listener);
            IndexReport report = indexed.report();
            if (report.cancelled() || cancelled) {
                throw new java.util.concurrent.CancellationException("feature extraction cancelled");
            }
            embedded += report.embedded();
            problems.addAll(report.problems());
            IndexedGallery gallery = indexed.gallery();
            for (int i = 0; i < gallery.size(); i++) {
                GalleryEntry e = gallery.entries().get(i);
                if (e.category() == null) {
                    unlabelled++;
                    continue;
                }
                Path relative = root.relativize(GalleryDatabase.normalize(e.path()));
                String instance = relative.getNameCount() >= 3
                        ? relative.getName(0) + "/" + relative.getName(1) : null;
                String fineClass = null;
                String[] listed = manifest.get(relative.toString().replace('\\', '/'));
                if (listed != null) {
                    instance = listed[0] != null ? listed[0] : instance;
                    fineClass = listed[1];
                }
                samples.add(new LabelledFeatures.Sample(e.path(), e.contentHash(), e.category(), instance, fineClass));
                rows.add(gallery.vectors().vector(i));
            }
        }
        current = null;
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("no labelled photos in " + labelledFolders
                    + ": put them in one subfolder per category");
        }
        int f = features.info().dimension();
        float[] x = new float[samples.size() * f];
        for (int i = 0; i < rows.size(); i++) {
            System.arraycopy(rows.get(i), 0, x, i * f, f);
        }
        return new Result(new LabelledFeatures(samples, x, f, features.info().id()), embedded, unlabelled, problems,
                Duration.ofNanos(System.nanoTime() - started));
    }

    /** file (relative, '/'-separated) -> {instance or null, class or null}; empty without a manifest. */
    static Map<String, String[]> readManifest(Path root) {
        Map<String, String[]> out = new HashMap<>();
        Path file = root.resolve(MANIFEST);
        if (!Files.isRegularFile(file)) {
            return out;
        }
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = reader.readLine();
            if (header == null) {
                return out;
            }
            List<String> columns = List.of(header.split("\t", -1));
            int fileCol = columns.indexOf("file");
            int instanceCol = columns.indexOf("instance");
            int classCol = columns.indexOf("class");
            if (fileCol < 0) {
                return out;
            }
            String line;
            while ((line = reader.readLine()) != null) {
                String[] cells = line.split("\t", -1);
                if (cells.length <= fileCol || cells[fileCol].isBlank()) {
                    continue;
                }
                out.put(cells[fileCol].strip(), new String[] {cell(cells, instanceCol), cell(cells, classCol)});
            }
        } catch (IOException e) {
            // an unreadable manifest only loses the instance groups; the folders still label every photo
        }
        return out;
    }

    private static String cell(String[] cells, int col) {
        return col >= 0 && col < cells.length && !cells[col].isBlank() ? cells[col].strip() : null;
    }
}
