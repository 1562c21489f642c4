package org.visualsearch.core.model;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Arrays;
import org.visualsearch.core.image.ImageLoader;

/**
 * Manual benchmark (not a test): load time and per-photo time of decode+shrink and embedding.
 *
 * <pre>
 * java -cp target/classes:target/test-classes:$(cat cp.txt) [-Dvss.threads=N] \
 *     org.visualsearch.core.model.EmbedBenchmark MODEL_DIR PHOTO...
 * </pre>
 */
public final class EmbedBenchmark {
    private EmbedBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long t0 = System.nanoTime();
        DjlEnvironment.configure();
        int rounds = Integer.getInteger("rounds", 20);
        try (TorchScriptEmbedder embedder = ModelLoader.load(Path.of(args[0]))) {
            System.out.printf("load %.0f ms (JVM start to loaded, incl. engine start and probe), %s, threads=%d%n",
                    ms(System.nanoTime() - t0), embedder.info(), DjlEnvironment.threads());
            ImageLoader loader = new ImageLoader(embedder.maxSide());
            for (int a = 1; a < args.length; a++) {
                Path photo = Path.of(args[a]);
                long f0 = System.nanoTime();
                BufferedImage first = loader.load(photo);
                long f1 = System.nanoTime();
                embedder.embed(first);
                long f2 = System.nanoTime();
                System.out.printf("%s first: decode %.1f ms, embed %.1f ms%n", photo.getFileName(), ms(f1 - f0), ms(f2 - f1));
                double[] decode = new double[rounds];
                double[] embed = new double[rounds];
                for (int i = 0; i < rounds; i++) {
                    long s0 = System.nanoTime();
                    BufferedImage image = loader.load(photo);
                    long s1 = System.nanoTime();
                    embedder.embed(image);
                    long s2 = System.nanoTime();
                    decode[i] = ms(s1 - s0);
                    embed[i] = ms(s2 - s1);
                }
                System.out.printf("%s (%dx%d after shrink): median decode+shrink %.1f ms, embed %.1f ms, total %.1f ms%n",
                        photo.getFileName(), first.getWidth(), first.getHeight(),
                        median(decode), median(embed), median(decode) + median(embed));
            }
        }
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
