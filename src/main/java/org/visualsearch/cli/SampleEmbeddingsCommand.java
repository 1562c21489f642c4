package org.visualsearch.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.visualsearch.core.model.ImageEmbedder;
import org.visualsearch.core.sampledb.SampleManifest;
import org.visualsearch.core.sampledb.SampleVectors;
import org.visualsearch.core.sampledb.ShippedEmbeddings;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sample-db embeddings --write|--check}: the sample gallery's vectors shipped in
 * {@code sample-db/embeddings.tsv}, which getting the sample gallery stores instead of embedding.
 * {@code --write} makes the file from the photos; {@code --check} (run by CI) fails when the file
 * the app ships is stale: another model id, a photo missing, or a vector off by more than 1e-4.
 */
@Command(name = "embeddings", mixinStandardHelpOptions = true,
        description = {"Write or check the sample photos' shipped vectors (sample-db/" + ShippedEmbeddings.FILE_NAME
                + "): importing or downloading the sample gallery stores them instead of embedding the photos, "
                + "for that model only.",
                "--write embeds the photos in DIR with the model and writes FILE; --check embeds them again and "
                        + "fails unless the shipped vectors (the app's own, or FILE) are the model's, within 1e-4."})
final class SampleEmbeddingsCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin SampleDbCommand.DestOption dest;
    @Mixin SampleDbCommand.ManifestOption manifest;
    @Mixin ModelOption model = new ModelOption();

    @ArgGroup(multiplicity = "1")
    Mode mode;

    static final class Mode {
        @Option(names = "--write", required = true, description = "Embed the sample photos and write FILE.")
        boolean write;
        @Option(names = "--check", required = true, description = "Check the shipped vectors against the model.")
        boolean check;
    }

    @Option(names = "--file", paramLabel = "FILE",
            description = "The vectors file (--write: default DIR/" + ShippedEmbeddings.FILE_NAME
                    + "; --check: default the one built into the app).")
    Path file;

    @Option(names = "--photos", paramLabel = "N", defaultValue = "0",
            description = "--check: compare only the first N photos (default: all).")
    int photos;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        SampleManifest m = manifest.load();
        try (ImageEmbedder embedder = model.open()) {
            if (mode.write) {
                List<String> problems = new ArrayList<>();
                ShippedEmbeddings vectors = SampleVectors.compute(m, dest.dest, embedder, problems::add);
                problems.forEach(p -> err.println("skipped " + p));
                if (vectors.byHash().isEmpty()) {
                    throw new CliException("no sample photo in " + dest.dest + " to embed; "
                            + "get them first with 'sample-db import FOLDER' or 'sample-db download'");
                }
                Path target = file != null ? file : dest.dest.resolve(ShippedEmbeddings.FILE_NAME);
                vectors.write(target);
                out.printf("Wrote %s to %s (rebuild the app to ship them).%n", vectors, target);
                return problems.isEmpty() ? ExitCode.OK : ExitCode.SOFTWARE;
            }
            ShippedEmbeddings shipped = file != null ? ShippedEmbeddings.read(file)
                    : ShippedEmbeddings.bundled().orElseThrow(() -> new CliException(
                            "this build ships no sample vectors (sample-db/" + ShippedEmbeddings.FILE_NAME + ")"));
            SampleVectors.CheckResult result = SampleVectors.check(shipped, m, dest.dest, embedder, photos);
            result.problems().forEach(err::println);
            if (!result.passed()) {
                throw new CliException("the shipped sample vectors are stale: remake them with "
                        + "'sample-db embeddings --write' and rebuild");
            }
            out.printf(Locale.ROOT, "Shipped sample vectors match the model %s on %d photos (largest difference %.2g).%n",
                    Wording.model(embedder.info()), result.compared(), result.maxDifference());
            return ExitCode.OK;
        }
    }
}
