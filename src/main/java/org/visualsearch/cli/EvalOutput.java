package org.visualsearch.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.visualsearch.core.evaluation.CategoryScore;
import org.visualsearch.core.evaluation.ConfusionMatrix;
import org.visualsearch.core.evaluation.GalleryEvaluation;
import org.visualsearch.core.evaluation.Match;
import org.visualsearch.core.evaluation.QueryScore;
import org.visualsearch.core.model.ModelInfo;

/**
 * The {@code eval} command's output in its three formats. Unlabelled results are written
 * {@code (none)} in text and TSV and {@code null} in JSON.
 */
final class EvalOutput {
    private static final String NONE = "(none)";
    private final GalleryEvaluation e;
    private final ModelInfo model;
    private final String description;

    EvalOutput(GalleryEvaluation evaluation, ModelInfo model, String description) {
        this.e = evaluation;
        this.model = model;
        this.description = description;
    }

    /**
     * For people: the header line, the per-query lines when asked, the per-label table, the
     * confusion matrix when asked, and always {@code mP@5 0.xxx} last (scripts and CI read it).
     */
    void text(PrintWriter out, boolean perQuery, boolean confusion) {
        int skipped = e.leftOut().total();
        out.printf("model %s (%d-d), %s: %d photos, %d queries%s%n", model.name(), model.dimension(), description,
                e.gallerySize(), e.queryCount(),
                skipped > 0 ? ", " + skipped + " not scored (no label or no other photo of it)" : "");
        if (perQuery) {
            out.printf("%s\t%s\t%s\t%s%n", "path", "label", "P@" + e.k(), "top-" + e.k() + " labels");
            for (QueryScore q : e.queries()) {
                out.printf(Locale.ROOT, "%s\t%s\t%.3f\t%s%n", q.entry().path(), q.category(), q.precision(), topLabels(q, ","));
            }
        }
        out.printf("%-16s %7s %6s%n", "label", "queries", "P@" + e.k());
        for (CategoryScore score : e.categories().values()) {
            out.printf(Locale.ROOT, "%-16s %7d %6.3f%n", score.category(), score.queries(), score.meanPrecision());
        }
        if (confusion) {
            ConfusionMatrix m = e.confusion();
            int width = Math.max(8, m.columns().stream().mapToInt(c -> label(c).length()).max().orElse(0) + 1);
            int first = Math.max(16, m.rows().stream().mapToInt(String::length).max().orElse(0) + 1);
            out.printf("confusion: rows the query's label, columns the labels of its top %d (counts)%n", e.k());
            StringBuilder header = new StringBuilder(String.format("%-" + first + "s", "query \\ result"));
            for (String c : m.columns()) {
                header.append(String.format("%" + width + "s", label(c)));
            }
            out.println(header);
            for (int r = 0; r < m.rows().size(); r++) {
                StringBuilder row = new StringBuilder(String.format("%-" + first + "s", m.rows().get(r)));
                for (int c = 0; c < m.columns().size(); c++) {
                    row.append(String.format("%" + width + "d", m.count(r, c)));
                }
                out.println(row);
            }
        }
        out.printf(Locale.ROOT, "mP@%d %.3f%n", e.k(), e.meanPrecision());
    }

    /**
     * For scripts: tab-separated tables, each with a header row, separated by an empty line: the
     * per-label table (with a last row {@code all}), then the per-query and confusion tables when asked.
     */
    void tsv(PrintWriter out, boolean perQuery, boolean confusion) {
        out.println("label\tqueries\tp_at_" + e.k());
        for (CategoryScore s : e.categories().values()) {
            out.printf(Locale.ROOT, "%s\t%d\t%.6f%n", tsvCell(s.category()), s.queries(), s.meanPrecision());
        }
        out.printf(Locale.ROOT, "all\t%d\t%.6f%n", e.queryCount(), e.meanPrecision());
        if (perQuery) {
            out.println();
            StringBuilder header = new StringBuilder("path\tlabel\tp_at_" + e.k());
            for (int r = 1; r <= e.k(); r++) {
                header.append("\tlabel_").append(r);
            }
            out.println(header);
            for (QueryScore q : e.queries()) {
                StringBuilder row = new StringBuilder(tsvCell(q.entry().path().toString())).append('\t')
                        .append(tsvCell(q.category())).append('\t').append(String.format(Locale.ROOT, "%.6f", q.precision()));
                for (int r = 0; r < e.k(); r++) {
                    row.append('\t').append(r < q.top().size() ? tsvCell(label(q.top().get(r).entry().category())) : "");
                }
                out.println(row);
            }
        }
        if (confusion) {
            out.println();
            ConfusionMatrix m = e.confusion();
            out.println("query_label\t" + m.columns().stream().map(c -> tsvCell(label(c))).collect(Collectors.joining("\t")));
            for (int r = 0; r < m.rows().size(); r++) {
                StringBuilder row = new StringBuilder(tsvCell(m.rows().get(r)));
                for (int c = 0; c < m.columns().size(); c++) {
                    row.append('\t').append(m.count(r, c));
                }
                out.println(row);
            }
        }
    }

    /** For scripts: one JSON object (per-query and confusion members only when asked). */
    void json(PrintWriter out, boolean perQuery, boolean confusion) throws com.fasterxml.jackson.core.JsonProcessingException {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        ObjectNode m = root.putObject("model");
        m.put("id", model.id()).put("name", model.name()).put("dimension", model.dimension());
        root.put("gallery", description);
        root.put("photos", e.gallerySize());
        root.put("queries", e.queryCount());
        root.put("k", e.k());
        root.put("meanPrecision", e.meanPrecision());
        ObjectNode left = root.putObject("leftOut");
        left.put("unlabelled", e.leftOut().unlabelled()).put("alone", e.leftOut().alone()).put("reason", e.leftOut().describe());
        ArrayNode categories = root.putArray("categories");
        for (CategoryScore s : e.categories().values()) {
            categories.addObject().put("label", s.category()).put("queries", s.queries()).put("precision", s.meanPrecision());
        }
        if (perQuery) {
            ArrayNode queries = root.putArray("perQuery");
            for (QueryScore q : e.queries()) {
                ObjectNode node = queries.addObject();
                node.put("path", q.entry().path().toString()).put("label", q.category()).put("precision", q.precision());
                ArrayNode top = node.putArray("top");
                for (Match match : q.top()) {
                    top.addObject().put("rank", match.rank()).put("path", match.entry().path().toString())
                            .put("label", match.entry().category()).put("distance", match.distance())
                            .put("correct", match.correct());
                }
            }
        }
        if (confusion) {
            ConfusionMatrix cm = e.confusion();
            ObjectNode node = root.putObject("confusion");
            ArrayNode rows = node.putArray("rows");
            cm.rows().forEach(rows::add);
            ArrayNode columns = node.putArray("columns");
            cm.columns().forEach(columns::add);
            ArrayNode counts = node.putArray("counts");
            for (int r = 0; r < cm.rows().size(); r++) {
                ArrayNode row = counts.addArray();
                for (int c = 0; c < cm.columns().size(); c++) {
                    row.add(cm.count(r, c));
                }
            }
        }
        out.println(mapper.writeValueAsString(root));
    }

    private static String topLabels(QueryScore q, String separator) {
        List<String> labels = q.top().stream().map(match -> label(match.entry().category())).toList();
        return String.join(separator, labels);
    }

    private static String label(String category) {
        return category == null ? NONE : category;
    }

    /** Tabs and line breaks in names would break the table: written as spaces. */
    private static String tsvCell(String s) {
        return s.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
    }
}
