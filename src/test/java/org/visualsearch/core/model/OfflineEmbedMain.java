package org.visualsearch.core.model;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Child-JVM entry point of {@link OfflineEmbeddingTest}: configures DJL, loads the model given
 * as the argument, embeds a small image and prints {@code vector [..]}. Exit 0 on success.
 */
public final class OfflineEmbedMain {
    private OfflineEmbedMain() {
    }

    public static void main(String[] args) throws Exception {
        DjlEnvironment.configure();
        BufferedImage image = new BufferedImage(6, 4, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, 0xff8000);
        try (TorchScriptEmbedder embedder = TorchScriptEmbedder.load(Path.of(args[0]))) {
            System.out.println("vector " + Arrays.toString(embedder.embed(image)));
        }
    }
}
