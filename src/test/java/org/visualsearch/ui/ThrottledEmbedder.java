package org.visualsearch.ui;

import java.awt.image.BufferedImage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.visualsearch.core.model.ColorHistogramEmbedder;
import org.visualsearch.core.model.EmbeddingException;
import org.visualsearch.core.model.ImageEmbedder;
import org.visualsearch.core.model.ModelInfo;

/**
 * The real colour-histogram model that counts its embeddings and, after {@code passFirst} of
 * them, holds every further one until released (or the thread is interrupted): an indexing run
 * that is caught mid-way.
 */
final class ThrottledEmbedder implements ImageEmbedder {
    private final ColorHistogramEmbedder model = new ColorHistogramEmbedder();
    private final AtomicInteger count = new AtomicInteger();
    private final int passFirst;
    final CountDownLatch release = new CountDownLatch(1);
    final CountDownLatch holding = new CountDownLatch(1);

    ThrottledEmbedder(int passFirst) {
        this.passFirst = passFirst;
    }

    int embeddings() {
        return count.get();
    }

    @Override
    public ModelInfo info() {
        return model.info();
    }

    @Override
    public float[] embed(BufferedImage image) throws EmbeddingException {
        if (count.get() >= passFirst && !Thread.currentThread().getName().startsWith("vss-search")) {
            holding.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (!Thread.currentThread().getName().startsWith("vss-search")) {
            count.incrementAndGet();
        }
        return model.embed(image);
    }

    @Override
    public void close() {
        model.close();
    }
}
