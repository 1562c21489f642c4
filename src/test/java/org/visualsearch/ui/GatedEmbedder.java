package org.visualsearch.ui;

import java.awt.image.BufferedImage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.visualsearch.core.model.ColorHistogramEmbedder;
import org.visualsearch.core.model.EmbeddingException;
import org.visualsearch.core.model.ImageEmbedder;
import org.visualsearch.core.model.ModelInfo;

/**
 * The real colour-histogram model, except that when armed the next embedding waits until the
 * test opens the gate: a slow model, to show that a newer query supersedes a running one.
 */
final class GatedEmbedder implements ImageEmbedder {
    private final ColorHistogramEmbedder model = new ColorHistogramEmbedder();
    private final AtomicBoolean armed = new AtomicBoolean();
    private final CountDownLatch entered = new CountDownLatch(1);
    private final CountDownLatch gate = new CountDownLatch(1);

    void armNextEmbedding() {
        armed.set(true);
    }

    /** Waits until the armed embedding is running. */
    void awaitBlocked() throws InterruptedException {
        if (!entered.await(10, TimeUnit.SECONDS)) {
            throw new AssertionError("the armed embedding never started");
        }
    }

    void open() {
        gate.countDown();
    }

    @Override
    public ModelInfo info() {
        return model.info();
    }

    @Override
    public float[] embed(BufferedImage image) throws EmbeddingException {
        if (armed.getAndSet(false)) {
            entered.countDown();
            try {
                gate.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return model.embed(image);
    }

    @Override
    public void close() {
        model.close();
    }
}
