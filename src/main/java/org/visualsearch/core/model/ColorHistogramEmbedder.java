package org.visualsearch.core.model;

import java.awt.image.BufferedImage;

/**
 * The baseline every learned model must beat: a 4x4x4 RGB colour histogram (64-d, like the
 * challenge's embeddings), square-rooted and L2-normalised so Euclidean distance between two
 * vectors is the Hellinger distance between their colour distributions. Needs no native code,
 * so it also serves tests and machines where PyTorch cannot load.
 */
public final class ColorHistogramEmbedder implements ImageEmbedder {
    private static final int BINS_PER_CHANNEL = 4;
    private static final int DIMENSION = BINS_PER_CHANNEL * BINS_PER_CHANNEL * BINS_PER_CHANNEL;
    private static final ModelInfo INFO = new ModelInfo("color-histogram-4x4x4-v1", "Colour histogram (baseline)", DIMENSION);

    @Override
    public ModelInfo info() {
        return INFO;
    }

    @Override
    public float[] embed(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] rgb = image.getRGB(0, 0, w, h, null, 0, w);
        double[] counts = new double[DIMENSION];
        for (int pixel : rgb) {
            int r = ((pixel >> 16) & 0xff) * BINS_PER_CHANNEL / 256;
            int g = ((pixel >> 8) & 0xff) * BINS_PER_CHANNEL / 256;
            int b = (pixel & 0xff) * BINS_PER_CHANNEL / 256;
            counts[(r * BINS_PER_CHANNEL + g) * BINS_PER_CHANNEL + b]++;
        }
        float[] vector = new float[DIMENSION];
        double total = rgb.length;
        // sqrt of probabilities already has unit L2 norm: sum of p_i is 1.
        for (int i = 0; i < DIMENSION; i++) {
            vector[i] = (float) Math.sqrt(counts[i] / total);
        }
        return vector;
    }

    /** Holds nothing per call: another instance embeds alongside this one. */
    @Override
    public java.util.Optional<ImageEmbedder> parallelCopy() {
        return java.util.Optional.of(new ColorHistogramEmbedder());
    }

    @Override
    public void close() {
        // nothing held
    }
}
