package org.visualsearch.cli;

import org.visualsearch.core.common.ErrorText;
import org.visualsearch.app.GallerySession;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.OptionalDouble;
import org.visualsearch.core.evaluation.BaselineScore;
import org.visualsearch.core.evaluation.EvaluationCache;
import org.visualsearch.core.evaluation.EvaluationReport;
import org.visualsearch.core.evaluation.GalleryEvaluation;
import org.visualsearch.core.evaluation.PhotoCredits;
import org.visualsearch.core.search.IndexedGallery;
import org.visualsearch.core.metrics.PrecisionAtK;
import org.visualsearch.core.model.ColorHistogramEmbedder;
import org.visualsearch.core.model.ImageEmbedder;
import org.visualsearch.core.model.ModelInfo;
import org.visualsearch.core.sampledb.SampleManifest;
import org.visualsearch.core.store.GalleryDatabase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code eval [GALLERY]}: the challenge's score on a labelled gallery, leave-one-out: every photo
 * queries the others; per-label P@5, then {@code mP@5 0.xxx} as the last line. Optionally every
 * query's result, the confusion matrix, TSV or JSON for scripts, and an HTML report.
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Score a labelled gallery like the challenge: per-label P@5 and, last, mP@5.")
public final class EvalCommand extends DatabaseCommand {

    /** Output formats. */
    enum Format { text, tsv, json }

    @Mixin
    ModelOption model = new ModelOption();

    @Parameters(paramLabel = "GALLERY", arity = "0..1",
            description = "Gallery folder whose first-level subfolders are the labels (default: the gallery database).")
    Path gallery;

    @Option(names = "--per-query", description = "Also print one line per query: path, label, P@5, the labels of its top 5.")
    boolean perQuery;

    @Option(names = "--confusion", description = "Also print the confusion matrix: rows the query's label, columns the labels of its top 5.")
    boolean confusion;

    @Option(names = "--format", defaultValue = "text", paramLabel = "text|tsv|json",
            description = "Output format (default: ${DEFAULT-VALUE}). text ends with the line 'mP@5 0.xxx'.")
    Format format;

    @Option(names = "--report", paramLabel = "FILE.html",
            description = "Also write a self-contained HTML report (images embedded, nothing fetched).")
    Path report;

    @Override
    int run(GalleryDatabase db) throws Exception {
        if (report != null && report.toAbsolutePath().getParent() != null && !Files.isDirectory(report.toAbsolutePath().getParent())) {
            throw new CliException("cannot write the report " + report + ": folder " + report.toAbsolutePath().getParent() + " not found");
        }
        GallerySession session = model.session(db, gallery);
        try (ImageEmbedder embedder = session.embedder()) {
            GallerySession.LoadedGallery loaded = GalleryChoice.load(session, gallery, err());
            IndexedGallery indexed = loaded.gallery();
            GalleryEvaluation evaluation = GallerySession.evaluate(indexed);
            if (!evaluation.hasScore()) {
                throw new CliException("nothing to score: no photo has another photo of its label (are the photos in category subfolders?)");
            }
            EvalOutput output = new EvalOutput(evaluation, embedder.info(), loaded.description());
            PrintWriter out = out();
            switch (format) {
                case text -> output.text(out, perQuery, confusion);
                case tsv -> output.tsv(out, perQuery, confusion);
                case json -> output.json(out, perQuery, confusion);
            }
            out.flush();
            if (report != null) {
                writeReport(db, evaluation, indexed, loaded.description());
            }
            return 0;
        }
    }

    private void writeReport(GalleryDatabase db, GalleryEvaluation evaluation, IndexedGallery indexed, String description)
            throws IOException {
        OptionalDouble baseline = OptionalDouble.empty();
        ModelInfo histogram = new ColorHistogramEmbedder().info();
        if (!indexed.model().id().equals(histogram.id()) && db.models().stream().anyMatch(m -> m.id().equals(histogram.id()))) {
            IndexedGallery baselineGallery = gallery != null ? db.loadFolderGallery(gallery, histogram) : db.loadGallery(histogram);
            baseline = BaselineScore.of(indexed, baselineGallery, PrecisionAtK.CHALLENGE_K, new EvaluationCache(1));
        }
        PhotoCredits credits;
        try {
            credits = new PhotoCredits(SampleManifest.bundled());
        } catch (RuntimeException e) {
            err().println("eval: the sample photos' credits cannot be read (" + ErrorText.oneLine(e) + "): photos are credited by path");
            credits = PhotoCredits.none();
        }
        EvaluationReport.write(new EvaluationReport.Content(evaluation, description, ZonedDateTime.now(), baseline,
                entry -> entry.contentHash() == null ? java.util.Optional.empty() : db.thumbnail(entry.contentHash()),
                credits, indexed), report);
        err().println("report written to " + report);
        err().flush();
    }
}
