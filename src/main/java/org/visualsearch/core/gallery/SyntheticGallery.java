package org.visualsearch.core.gallery;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.visualsearch.core.common.Sha256;
import org.visualsearch.core.image.ImageLoadException;
import org.visualsearch.core.image.ImageLoader;
import org.visualsearch.core.model.ModelInfo;
import org.visualsearch.core.store.GalleryDatabase;
import org.visualsearch.core.store.IndexedFile;

/**
 * Fills a gallery database with many entries without real photos, for scale tests and
 * benchmarks: clustered random unit vectors for a synthetic model ({@link #model}), one distinct
 * content hash and thumbnail row per entry (thumbnail bytes taken round-robin from a small set,
 * made from real photos when given, else generated), categories {@code cat-00..cat-99}.
 *
 * <p>The folder is recorded as a user folder but not created on disk: a later rescan reports it
 * as "folder not found" and keeps its entries.
 */
public final class SyntheticGallery {
    private static final int CATEGORIES = 100;
    private static final int BATCH = 2_000;

    private SyntheticGallery() {
    }

    /** The synthetic model of a dimension; its vectors never mix with a real model's. */
    public static ModelInfo model(int dimension) {
        return new ModelInfo("synthetic-" + dimension + "d", "Synthetic vectors (" + dimension + "-d)", dimension);
    }

    /**
     * Adds {@code count} synthetic entries under {@code folder} (which must not exist on disk).
     *
     * @param thumbnails JPEG thumbnails to reuse round-robin; empty for none
     */
    public static void generate(GalleryDatabase db, Path folder, int count, int dimension, List<byte[]> thumbnails,
                                long seed) {
        generate(db, folder, count, dimension, thumbnails, seed, done -> { });
    }

    /** As {@link #generate(GalleryDatabase, Path, int, int, List, long)}, telling {@code progress} the entries committed. */
    public static void generate(GalleryDatabase db, Path folder, int count, int dimension, List<byte[]> thumbnails,
                                long seed, java.util.function.IntConsumer progress) {
        ModelInfo model = model(dimension);
        Path root = db.addFolder(folder);
        db.registerModel(model);
        long folderId = db.folderIdForIndexing(root);
        Random random = new Random(seed);
        float[][] centroids = new float[CATEGORIES][dimension];
        for (float[] c : centroids) {
            for (int j = 0; j < dimension; j++) {
                c[j] = (float) random.nextGaussian();
            }
        }
        List<IndexedFile> batch = new ArrayList<>(BATCH);
        for (int i = 0; i < count; i++) {
            int category = i % CATEGORIES;
            float[] v = new float[dimension];
            double norm = 0;
            for (int j = 0; j < dimension; j++) {
                v[j] = centroids[category][j] + 0.8f * (float) random.nextGaussian();
                norm += v[j] * v[j];
            }
            float inv = (float) (1 / Math.sqrt(norm));
            for (int j = 0; j < dimension; j++) {
                v[j] *= inv;
            }
            String name = String.format("cat-%02d", category);
            String path = root.resolve(name).resolve(String.format("img-%07d.jpg", i)).toString();
            byte[] thumb = thumbnails.isEmpty() ? null : thumbnails.get(i % thumbnails.size());
            batch.add(new IndexedFile(path, name, 100_000 + i, 1_700_000_000_000L, hash(seed + ":" + i), v, thumb));
            if (batch.size() == BATCH) {
                db.commitBatch(folderId, model, batch, List.of());
                batch.clear();
                progress.accept(i + 1);
            }
        }
        db.commitBatch(folderId, model, batch, List.of());
        progress.accept(count);
    }

    /** Thumbnails of up to {@code max} photos found under {@code folder}. */
    public static List<byte[]> thumbnailsFrom(Path folder, int max) throws IOException {
        List<byte[]> thumbnails = new ArrayList<>();
        ImageLoader loader = new ImageLoader(Thumbnails.SIDE * 2);
        for (FolderScanner.ScannedFile f : new FolderScanner().scan(folder).files()) {
            if (thumbnails.size() >= max) {
                break;
            }
            try {
                thumbnails.add(Thumbnails.jpeg(loader.load(f.path())));
            } catch (ImageLoadException e) {
                // skip it
            }
        }
        return thumbnails;
    }

    /** {@code n} generated thumbnails (gradients with noise, 256 x 192): a stand-in for real ones. */
    public static List<byte[]> generatedThumbnails(int n, long seed) {
        Random random = new Random(seed);
        List<byte[]> thumbnails = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            BufferedImage image = new BufferedImage(256, 192, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = image.createGraphics();
            g.setPaint(new GradientPaint(0, 0, new Color(random.nextInt(0xffffff)), 256, 192,
                    new Color(random.nextInt(0xffffff))));
            g.fillRect(0, 0, 256, 192);
            g.dispose();
            for (int y = 0; y < 192; y++) {
                for (int x = 0; x < 256; x++) {
                    int rgb = image.getRGB(x, y);
                    int noise = random.nextInt(48) - 24;
                    int r = clamp(((rgb >> 16) & 0xff) + noise);
                    int gr = clamp(((rgb >> 8) & 0xff) + noise);
                    int b = clamp((rgb & 0xff) + noise);
                    image.setRGB(x, y, (r << 16) | (gr << 8) | b);
                }
            }
            try {
                thumbnails.add(Thumbnails.jpeg(image));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return thumbnails;
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }

    private static String hash(String text) {
        return Sha256.of(text.getBytes(StandardCharsets.UTF_8));
    }
}
