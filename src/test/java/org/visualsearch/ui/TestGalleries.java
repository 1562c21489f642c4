package org.visualsearch.ui;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.visualsearch.core.image.ImageLoader;
import org.visualsearch.core.model.ImageEmbedder;
import org.visualsearch.core.search.GalleryEntry;
import org.visualsearch.core.search.IndexedGallery;
import org.visualsearch.core.search.VectorIndex;
import org.visualsearch.app.ProgressSink;

/**
 * Real galleries for the UI tests: PNGs the tests write themselves, one subfolder per category,
 * each category a distinct colour family, embedded with the real colour-histogram model.
 */
public final class TestGalleries {
    /** Base colours of the sample gallery's five categories. */
    public static final Map<String, Color> CATEGORIES = Map.of(
            "dog", new Color(150, 90, 40),
            "vehicle", new Color(30, 70, 200),
            "food", new Color(60, 170, 50),
            "landmark", new Color(200, 200, 190),
            "clothes", new Color(210, 40, 120));

    private TestGalleries() {
    }

    /** Writes {@code perCategory} photos in each of the five categories under {@code root}. */
    public static Path writeGallery(Path root, int perCategory) throws IOException {
        Random random = new Random(42);
        for (Map.Entry<String, Color> category : CATEGORIES.entrySet()) {
            Path folder = Files.createDirectories(root.resolve(category.getKey()));
            for (int i = 0; i < perCategory; i++) {
                writePhoto(folder.resolve(category.getKey() + "_" + i + ".png"), category.getValue(), random);
            }
        }
        return root;
    }

    /** A photo-like picture: a gradient around {@code base} with a few random blobs. */
    public static Path writePhoto(Path file, Color base, Random random) throws IOException {
        BufferedImage image = new BufferedImage(200, 150, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, jitter(base, random, 40), 200, 150, jitter(base, random, 40)));
        g.fillRect(0, 0, 200, 150);
        for (int blob = 0; blob < 4; blob++) {
            g.setColor(jitter(base, random, 90));
            g.fillOval(random.nextInt(160), random.nextInt(110), 20 + random.nextInt(40), 20 + random.nextInt(40));
        }
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    /** A query photo of {@code category} that is not in the gallery. */
    public static Path writeQuery(Path folder, String category, long seed) throws IOException {
        Files.createDirectories(folder);
        return writePhoto(folder.resolve("query-" + category + "-" + seed + ".png"), CATEGORIES.get(category), new Random(seed));
    }

    private static Color jitter(Color c, Random random, int amount) {
        return new Color(clamp(c.getRed() + random.nextInt(amount) - amount / 2),
                clamp(c.getGreen() + random.nextInt(amount) - amount / 2),
                clamp(c.getBlue() + random.nextInt(amount) - amount / 2));
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }

    /** Embeds every photo under {@code root} (categories from first-level subfolders). */
    public static IndexedGallery index(Path root, ImageEmbedder embedder, ProgressSink progress) throws Exception {
        return index(root, ".png", embedder, progress);
    }

    /** Like {@link #index(Path, ImageEmbedder, ProgressSink)}, for the files ending in {@code suffix}. */
    public static IndexedGallery index(Path root, String suffix, ImageEmbedder embedder, ProgressSink progress) throws Exception {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        }
        ImageLoader loader = new ImageLoader(embedder.maxSide()); // as the app indexes: the query is decoded so too
        List<GalleryEntry> entries = new ArrayList<>();
        List<float[]> vectors = new ArrayList<>();
        for (Path file : files) {
            if (progress != null && progress.isCancelled()) {
                throw new CancellationException("cancelled");
            }
            Path relative = root.relativize(file);
            String category = relative.getNameCount() > 1 ? relative.getName(0).toString() : null;
            String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
            entries.add(new GalleryEntry(file, category, hash));
            vectors.add(embedder.embed(loader.load(file)));
            if (progress != null) {
                progress.progress(entries.size(), files.size(), "Embedding " + file.getFileName());
            }
        }
        return new IndexedGallery(embedder.info(), entries, VectorIndex.of(embedder.info().dimension(), vectors));
    }
}
