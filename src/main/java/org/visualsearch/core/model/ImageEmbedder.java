package org.visualsearch.core.model;

import java.awt.image.BufferedImage;

/**
 * Turns one decoded image into one embedding vector. Implementations are thread-confined
 * unless they say otherwise: callers that embed from several threads use one embedder each.
 */
public interface ImageEmbedder extends AutoCloseable {

    /** What this embedder is; {@link ModelInfo#id()} keys cached embeddings. */
    ModelInfo info();

    /**
     * Embeds an image that has already been EXIF-rotated and shrunk by the image loader.
     *
     * @return a vector of {@code info().dimension()} finite floats
     * @throws EmbeddingException when the model fails or returns a wrong shape or NaN
     */
    float[] embed(BufferedImage image) throws EmbeddingException;

    /**
     * Long side that the image loader should shrink photos to before they reach this embedder
     * (a model descriptor's {@code vss.maxSide}); pass it to {@code new ImageLoader(maxSide)}.
     */
    default int maxSide() {
        return org.visualsearch.core.image.ImageLoader.DEFAULT_MAX_SIDE;
    }

    @Override
    void close();
}
