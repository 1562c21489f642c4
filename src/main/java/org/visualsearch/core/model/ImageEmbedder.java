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
     * What the model's descriptor got wrong without stopping it from loading, one sentence each
     * (e.g. "serving.properties: unknown key vss.colour; did you mean vss.color?"); none by default.
     */
    default java.util.List<String> warnings() {
        return java.util.List.of();
    }

    /**
     * Long side that the image loader should shrink photos to before they reach this embedder
     * (a model descriptor's {@code vss.maxSide}); pass it to {@code new ImageLoader(maxSide)}.
     */
    default int maxSide() {
        return org.visualsearch.core.image.ImageLoader.DEFAULT_MAX_SIDE;
    }

    /**
     * What the model really receives for {@code image} (already shrunk by the loader), as a
     * picture at its real size: for a fixed-size model the resized and cropped input, for a GUIE
     * model the photo itself. For showing the pipeline; {@link #embed} does not go through it.
     */
    default BufferedImage modelInput(BufferedImage image) {
        return image;
    }

    /** One line saying what {@link #modelInput} is, e.g. "uint8 [1,3,384,512], RGB 0..255". */
    default String modelInputDescription(BufferedImage image) {
        return "the decoded photo, " + image.getWidth() + " x " + image.getHeight() + " (no neural network)";
    }

    /**
     * A second embedder giving the same vectors that may run on another thread at the same time
     * as this one (it shares the model's weights and holds its own per-call state), so a pipeline
     * can embed on every core; empty when this embedder cannot run in parallel (then callers
     * embed with it from one thread at a time). Closing the copy does not close this embedder;
     * close every copy before this one.
     *
     * @throws EmbeddingException when the copy cannot be made
     */
    default java.util.Optional<ImageEmbedder> parallelCopy() throws EmbeddingException {
        return java.util.Optional.empty();
    }

    @Override
    void close();
}
