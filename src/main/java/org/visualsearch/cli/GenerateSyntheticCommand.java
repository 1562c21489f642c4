package org.visualsearch.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.visualsearch.core.gallery.SyntheticGallery;
import org.visualsearch.core.model.ModelInfo;
import org.visualsearch.core.search.IndexedGallery;
import org.visualsearch.core.store.GalleryDatabase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code generate-synthetic}: fills a database with synthetic entries (vectors of a synthetic
 * model, thumbnails) to test and benchmark scale without real photos, and prints the numbers:
 * insert time, database size per 1,000 entries, load time of the gallery, search time.
 * Meant for a throw-away {@code --data} folder.
 */
@Command(name = "generate-synthetic", mixinStandardHelpOptions = true,
        description = "Generate a synthetic gallery database for scale tests and print its numbers.")
public final class GenerateSyntheticCommand extends DatabaseCommand {

    @Option(names = "--count", defaultValue = "100000", description = "Entries (default: ${DEFAULT-VALUE}).")
    int count;

    @Option(names = "--dimension", defaultValue = "64", description = "Vector dimension (default: ${DEFAULT-VALUE}).")
    int dimension;

    @Option(names = "--thumbnails-from", paramLabel = "DIR",
            description = "Make the thumbnails from real photos in DIR (default: generated pictures).")
    Path thumbnailsFrom;

    @Option(names = "--no-thumbnails", description = "Store no thumbnails.")
    boolean noThumbnails;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1",
            description = "Random seed of the vectors and generated thumbnails: the same seed gives the same database (default: ${DEFAULT-VALUE}).")
    long seed;

    /** Bytes an entry takes in the database besides its vector (file row, indexes, embedding row). */
    private static final long ROW_BYTES = 400;
    /** Bytes an entry takes in memory once loaded, besides its vector (entry object, path, hash). */
    private static final long LOADED_BYTES = 300;

    /**
     * A scale tool never touches the user's data: without {@code --data} it writes into a new
     * temporary folder, which it names.
     */
    @Override
    Path dataFolderToOpen() throws java.io.IOException {
        if (dataFolder.data != null) {
            return dataFolder.data;
        }
        Path temp = Files.createTempDirectory("visual-search-synthetic-");
        err().println("generate-synthetic: no --data given, so writing into a new temporary data folder " + temp
                + " (never into your gallery); delete it when done");
        return temp;
    }

    @Override
    int run(GalleryDatabase db) throws Exception {
        if (count < 1 || dimension < 1) {
            throw new CliException("--count and --dimension must be positive");
        }
        List<String> real = db.listFolders().stream().map(f -> f.path().getFileName().toString())
                .filter(name -> !name.startsWith("synthetic-")).toList();
        if (!real.isEmpty()) {
            throw new CliException(db.file() + " holds real gallery folders (" + String.join(", ", real)
                    + "); generate-synthetic only writes into a data folder of its own: give --data a new folder");
        }
        checkSize(db);
        List<byte[]> thumbnails = noThumbnails ? List.of()
                : thumbnailsFrom != null ? SyntheticGallery.thumbnailsFrom(thumbnailsFrom, 200)
                : SyntheticGallery.generatedThumbnails(64, seed);
        double thumbKb = thumbnails.stream().mapToInt(t -> t.length).average().orElse(0) / 1024;
        Path folder = db.file().getParent().resolve("synthetic-" + count + "-" + seed);
        long t0 = System.nanoTime();
        long[] lastReport = {System.nanoTime()};
        SyntheticGallery.generate(db, folder, count, dimension, thumbnails, seed, done -> {
            long now = System.nanoTime();
            if (now - lastReport[0] > 2_000_000_000L && done < count) {
                lastReport[0] = now;
                err().printf("generate-synthetic: %,d of %,d entries (%.0f%%)%n", done, count, 100.0 * done / count);
                err().flush();
            }
        });
        double insertSeconds = (System.nanoTime() - t0) / 1e9;
        out().printf("inserted %,d synthetic entries (%d-d, thumbnails %.1f KB avg) into %s in %.1f s (%.0f entries/s)%n",
                count, dimension, thumbKb, folder, insertSeconds, count / insertSeconds);

        ModelInfo model = SyntheticGallery.model(dimension);
        long t1 = System.nanoTime();
        IndexedGallery gallery = db.loadGallery(model);
        double firstLoad = (System.nanoTime() - t1) / 1e6;
        double warm = Double.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long t = System.nanoTime();
            gallery = db.loadGallery(model);
            warm = Math.min(warm, (System.nanoTime() - t) / 1e6);
        }
        out().printf("loadGallery: %,d entries, first %.0f ms, best of 3 %.0f ms%n", gallery.size(), firstLoad, warm);

        Random random = new Random(seed);
        int queries = 200;
        long t2 = System.nanoTime();
        for (int i = 0; i < queries; i++) {
            gallery.nearest(gallery.vectors().vector(random.nextInt(gallery.size())), 5);
        }
        out().printf("search top-5 over %,d vectors: %.2f ms per query (avg of %d)%n",
                gallery.size(), (System.nanoTime() - t2) / 1e6 / queries, queries);

        int entries = db.counts(model).files();
        // Closing checkpoints the write-ahead log into the file and deletes it: the size is then
        // the file's own. Adding the open log's size counted its pages twice (71 MB for a 35 MB file).
        db.close();
        long bytes = Files.size(db.file()) + sizeIfExists(Path.of(db.file() + "-wal"));
        out().printf("database %s: %.1f MB, %.1f KB per 1,000 entries (all folders: %,d entries)%n",
                db.file(), bytes / 1e6, bytes / 1024.0 / Math.max(1, entries) * 1000, entries);
        return 0;
    }

    /** Refuses a count whose database would not fit the disk, or whose gallery would not fit the heap. */
    private void checkSize(GalleryDatabase db) throws java.io.IOException {
        long onDisk = (long) count * (dimension * Float.BYTES + ROW_BYTES);
        long free = Files.getFileStore(db.file().getParent()).getUsableSpace();
        if (onDisk > free) {
            throw new CliException(String.format(java.util.Locale.ROOT, "--count %d needs about %.1f GB in %s, but only "
                    + "%.1f GB are free there", count, onDisk / 1e9, db.file().getParent(), free / 1e9));
        }
        long inMemory = (long) count * (dimension * Float.BYTES + LOADED_BYTES);
        long heap = Runtime.getRuntime().maxMemory();
        if (inMemory > heap * 0.8 || (long) count * dimension > Integer.MAX_VALUE - 8) {
            throw new CliException(String.format(java.util.Locale.ROOT, "--count %d: loading %,d entries of %d-d needs "
                    + "about %.1f GB, but the Java heap is at most %.1f GB; use a smaller count, or give Java more "
                    + "memory (java -Xmx...)", count, count, dimension, inMemory / 1e9, heap / 1e9));
        }
    }

    private static long sizeIfExists(Path p) throws java.io.IOException {
        return Files.exists(p) ? Files.size(p) : 0;
    }
}
