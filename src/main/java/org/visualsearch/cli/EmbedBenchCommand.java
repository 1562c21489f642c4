package org.visualsearch.cli;

import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.visualsearch.core.image.ImageLoader;
import org.visualsearch.core.model.ImageEmbedder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code bench-embed PHOTO...}: how long a model takes to load and, per photo, to decode and
 * shrink it and to embed it (medians over repeated rounds after one cold round).
 */
@Command(name = "bench-embed", mixinStandardHelpOptions = true,
        description = "Time model loading and, per photo, decoding+shrinking and embedding (medians).")
final class EmbedBenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ModelOption model = new ModelOption();

    @Option(names = "--rounds", defaultValue = "20", description = "Timed rounds per photo (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Parameters(paramLabel = "PHOTO", arity = "1..*", description = "Photos to time.")
    List<Path> photos;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        long start = System.nanoTime();
        try (ImageEmbedder embedder = model.open()) {
            out.printf("model %s loaded in %.0f ms (engine start, load, probe)%n",
                    Wording.model(embedder.info()), ms(System.nanoTime() - start));
            ImageLoader loader = new ImageLoader(embedder.maxSide());
            double[] totals = new double[photos.size()];
            for (int p = 0; p < photos.size(); p++) {
                Path photo = photos.get(p);
                long c0 = System.nanoTime();
                BufferedImage cold = loader.load(photo);
                long c1 = System.nanoTime();
                embedder.embed(cold);
                long c2 = System.nanoTime();
                double[] decode = new double[rounds];
                double[] embed = new double[rounds];
                for (int i = 0; i < rounds; i++) {
                    long t0 = System.nanoTime();
                    BufferedImage image = loader.load(photo);
                    long t1 = System.nanoTime();
                    embedder.embed(image);
                    long t2 = System.nanoTime();
                    decode[i] = ms(t1 - t0);
                    embed[i] = ms(t2 - t1);
                }
                totals[p] = median(decode) + median(embed);
                out.printf("%s -> %dx%d: cold %.1f + %.1f ms; median decode+shrink %.1f ms, embed %.1f ms, total %.1f ms%n",
                        photo.getFileName(), cold.getWidth(), cold.getHeight(), ms(c1 - c0), ms(c2 - c1),
                        median(decode), median(embed), totals[p]);
            }
            out.printf("median total per photo over %d photos: %.1f ms%n", photos.size(), median(totals));
        }
        return 0;
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted.length == 0 ? Double.NaN : sorted[sorted.length / 2];
    }
}
