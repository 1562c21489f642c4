package org.visualsearch.core.sampledb;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.visualsearch.core.common.Sha256;
import org.visualsearch.core.image.ImageLoader;
import org.visualsearch.core.model.EmbeddingException;
import org.visualsearch.core.model.ImageEmbedder;

/**
 * Makes and checks {@link ShippedEmbeddings}: each sample photo decoded and embedded exactly as
 * the indexer does (the model's {@link ImageEmbedder#maxSide()}, then {@link ImageEmbedder#embed}),
 * only photos whose SHA-256 matches the manifest.
 */
public final class SampleVectors {
    /** How far a shipped value may be from the model's own and still pass the check. */
    public static final double TOLERANCE = 1e-4;

    private SampleVectors() {
    }

    /**
     * Embeds every manifest photo present in {@code folder} with a matching SHA-256; a missing,
     * changed or undecodable photo goes to {@code problems} and is left out.
     */
    public static ShippedEmbeddings compute(SampleManifest manifest, Path folder, ImageEmbedder embedder,
                                            Consumer<String> problems) {
        ImageLoader loader = new ImageLoader(embedder.maxSide());
        Map<String, float[]> byHash = new LinkedHashMap<>();
        for (SampleManifest.Entry entry : manifest.entries()) {
            float[] v = embed(entry, folder, loader, embedder, problems);
            if (v != null) {
                byHash.put(entry.sha256(), v);
            }
        }
        return new ShippedEmbeddings(embedder.info().id(), embedder.info().name(), embedder.info().dimension(), byHash);
    }

    /** What {@link #check} found: one line per problem, and how many photos were compared. */
    public record CheckResult(int compared, double maxDifference, List<String> problems) {
        public boolean passed() {
            return problems.isEmpty() && compared > 0;
        }
    }

    /**
     * Checks {@code shipped} against what {@code embedder} computes now: the same model id and
     * dimension, a vector for every manifest photo, and, for the first {@code limit} photos present
     * in {@code folder} (0: all), the model's vector within {@link #TOLERANCE} of the shipped one.
     */
    public static CheckResult check(ShippedEmbeddings shipped, SampleManifest manifest, Path folder,
                                    ImageEmbedder embedder, int limit) {
        List<String> problems = new ArrayList<>();
        if (!shipped.modelId().equals(embedder.info().id()) || shipped.dimension() != embedder.info().dimension()) {
            problems.add("the shipped vectors are of model id " + shipped.modelId() + " (" + shipped.dimension()
                    + "-d), the model is " + embedder.info().id() + " (" + embedder.info().dimension() + "-d)");
            return new CheckResult(0, Double.NaN, problems);
        }
        long missing = manifest.entries().stream().filter(e -> !shipped.byHash().containsKey(e.sha256())).count();
        if (missing > 0) {
            problems.add(missing + " of " + manifest.size() + " sample photos have no shipped vector");
        }
        ImageLoader loader = new ImageLoader(embedder.maxSide());
        int compared = 0;
        double worst = 0;
        for (SampleManifest.Entry entry : manifest.entries()) {
            if (limit > 0 && compared >= limit) {
                break;
            }
            if (!shipped.byHash().containsKey(entry.sha256())) {
                continue;
            }
            float[] v = embed(entry, folder, loader, embedder, problems::add);
            if (v == null) {
                continue;
            }
            compared++;
            double d = shipped.maxDifference(entry.sha256(), v);
            worst = Math.max(worst, d);
            if (!(d <= TOLERANCE)) {
                problems.add(String.format(Locale.ROOT, "%s: the shipped vector differs from the model's by %.3g "
                        + "(more than %.0e)", entry.file(), d, TOLERANCE));
            }
        }
        if (compared == 0 && problems.isEmpty()) {
            problems.add("none of the sample photos is in " + folder + " to compare with");
        }
        return new CheckResult(compared, worst, problems);
    }

    private static float[] embed(SampleManifest.Entry entry, Path folder, ImageLoader loader, ImageEmbedder embedder,
                                 Consumer<String> problems) {
        Path file = entry.resolveIn(folder);
        try {
            if (!Files.isRegularFile(file)) {
                problems.accept(entry.file() + ": not in " + folder);
                return null;
            }
            if (!Sha256.of(file).equals(entry.sha256())) {
                problems.accept(entry.file() + ": its SHA-256 differs from the manifest's");
                return null;
            }
            return embedder.embed(loader.load(file));
        } catch (IOException | EmbeddingException e) {
            problems.accept(entry.file() + ": " + e.getMessage());
            return null;
        }
    }
}
