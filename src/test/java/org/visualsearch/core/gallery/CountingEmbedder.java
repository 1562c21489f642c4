package org.visualsearch.core.gallery;

import java.awt.image.BufferedImage;
import java.util.concurrent.atomic.AtomicInteger;
import org.visualsearch.core.model.EmbeddingException;
import org.visualsearch.core.model.ImageEmbedder;
import org.visualsearch.core.model.ModelInfo;

/** Wraps a real embedder and counts its embed calls; can claim another identity. */
public class CountingEmbedder implements ImageEmbedder {
    private final ImageEmbedder delegate;
    private final ModelInfo info;
    public final AtomicInteger calls = new AtomicInteger();

    public CountingEmbedder(ImageEmbedder delegate) {
        this(delegate, delegate.info());
    }

    public CountingEmbedder(ImageEmbedder delegate, ModelInfo info) {
        this.delegate = delegate;
        this.info = info;
    }

    @Override
    public ModelInfo info() {
        return info;
    }

    @Override
    public float[] embed(BufferedImage image) throws EmbeddingException {
        calls.incrementAndGet();
        float[] v = delegate.embed(image);
        if (v.length == info.dimension()) {
            return v;
        }
        float[] resized = new float[info.dimension()]; // another "model": fold the vector into its size
        for (int i = 0; i < v.length; i++) {
            resized[i % resized.length] += v[i];
        }
        return resized;
    }

    public int calls() {
        return calls.get();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
