package org.visualsearch.core.evaluation;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import javax.imageio.ImageIO;
import org.visualsearch.core.projection.CategoryPalette;
import org.visualsearch.core.projection.MapFiles;
import org.visualsearch.core.projection.Projection;
import org.visualsearch.core.projection.ProjectionMethod;
import org.visualsearch.core.projection.ProjectionProgress;
import org.visualsearch.core.projection.ProjectionSettings;
import org.visualsearch.core.projection.Projector;
import org.visualsearch.core.search.GalleryEntry;
import org.visualsearch.core.search.IndexedGallery;

/**
 * An evaluation as one self-contained HTML page for a teacher to hand out: model, gallery, date,
 * mP@5 with the reference scores, the per-category table, the confusion matrix, the embedding
 * map (PCA of the evaluated vectors, when the gallery is given), the worst queries with their
 * top-5, and the credits of every photo shown. Thumbnails are embedded as
 * {@code data:} URIs and the style is inline: the page fetches nothing and opens offline.
 */
public final class EvaluationReport {
    /** Queries shown with their top-5. */
    public static final int WORST_SHOWN = 10;

    /** JPEG bytes of a photo's thumbnail, if it has one (called for at most 60 photos). */
    @FunctionalInterface
    public interface Thumbnails {
        Optional<byte[]> jpeg(GalleryEntry entry);
    }

    /**
     * @param galleryDescription what the gallery is, e.g. "sample-db (100 photos)"
     * @param baseline           the colour-histogram baseline's mP@5 on the same gallery, when known
     * @param gallery            the evaluated gallery (its vectors give the map), or null for a report without the map
     */
    public record Content(GalleryEvaluation evaluation, String galleryDescription, ZonedDateTime date,
                          OptionalDouble baseline, Thumbnails thumbnails, PhotoCredits credits, IndexedGallery gallery) {

        /** A report without the map. */
        public Content(GalleryEvaluation evaluation, String galleryDescription, ZonedDateTime date,
                       OptionalDouble baseline, Thumbnails thumbnails, PhotoCredits credits) {
            this(evaluation, galleryDescription, date, baseline, thumbnails, credits, null);
        }
    }

    /** The map's picture in the page, in pixels. */
    static final int MAP_WIDTH = 960;
    static final int MAP_HEIGHT = 640;

    private EvaluationReport() {
    }

    /** Writes the page to {@code file} (through a temporary file, so a failed write leaves no half page). */
    public static void write(Content content, Path file) throws IOException {
        // Beside the target with the usual permissions (a temp file would be private to its
        // owner: the report is meant to be handed out).
        Path tmp = file.toAbsolutePath().resolveSibling("." + file.getFileName() + ".tmp");
        try {
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                w.write(html(content));
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The page. */
    public static String html(Content c) {
        GalleryEvaluation e = c.evaluation();
        StringBuilder h = new StringBuilder(64 * 1024);
        String title = "Evaluation: " + e.model().name() + " on " + c.galleryDescription();
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(esc(title)).append("</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
        h.append("<h1>").append(esc(title)).append("</h1>\n");
        summary(h, c);
        categories(h, e);
        confusion(h, e);
        map(h, c);
        Map<GalleryEntry, Integer> shown = worst(h, c);
        credits(h, c, shown);
        h.append("<footer>Made by Visual Search Simulator: leave-one-out k-NN, k = ").append(e.k())
                .append(", Euclidean distance, scored as in the Google Universal Image Embedding challenge.</footer>\n");
        h.append("</body>\n</html>\n");
        return h.toString();
    }

    private static void summary(StringBuilder h, Content c) {
        GalleryEvaluation e = c.evaluation();
        h.append("<section id=\"summary\">\n<table class=\"facts\">\n");
        fact(h, "Model", e.model().name() + " (" + e.model().dimension() + "-d)");
        fact(h, "Gallery", c.galleryDescription() + ": " + String.format(Locale.ROOT, "%,d", e.gallerySize()) + " photos, "
                + String.format(Locale.ROOT, "%,d", e.queryCount()) + " scored queries");
        fact(h, "Date", c.date().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", Locale.ROOT)));
        h.append("</table>\n");
        h.append("<p class=\"score\">mP@").append(e.k()).append(" <strong id=\"mean-precision\">")
                .append(e.hasScore() ? score(e.meanPrecision()) : "no score").append("</strong></p>\n");
        h.append("<p>Each labelled photo in turn is the query; all the others are the gallery. P@").append(e.k())
                .append(" is the share of its ").append(e.k()).append(" nearest photos that have its category (judged on fewer when its category has fewer other photos); mP@")
                .append(e.k()).append(" is the mean over all queries.</p>\n");
        if (e.leftOut().total() > 0) {
            h.append("<p class=\"left-out\">").append(esc(e.leftOut().describe())).append("</p>\n");
        }
        h.append("<table class=\"references\">\n<tr><th>For context</th><th>mP@5</th><th></th></tr>\n");
        for (ReferenceScores.Reference r : ReferenceScores.PUBLISHED) {
            h.append("<tr><td>").append(esc(r.label())).append("</td><td class=\"num\">").append(score(r.meanPrecision()))
                    .append("</td><td>").append(esc(r.note())).append("</td></tr>\n");
        }
        if (c.baseline().isPresent()) {
            h.append("<tr><td>Colour-histogram baseline</td><td class=\"num\">").append(score(c.baseline().getAsDouble()))
                    .append("</td><td>on this gallery</td></tr>\n");
        }
        h.append("</table>\n<p class=\"note\">").append(esc(ReferenceScores.CAVEAT)).append("</p>\n</section>\n");
    }

    private static void categories(StringBuilder h, GalleryEvaluation e) {
        h.append("<section id=\"categories\">\n<h2>Per category</h2>\n<table>\n<tr><th>Category</th><th>Queries</th><th>P@")
                .append(e.k()).append("</th><th class=\"bar-col\"></th></tr>\n");
        for (CategoryScore s : e.categories().values()) {
            h.append("<tr><td>").append(esc(s.category())).append("</td><td class=\"num\">").append(s.queries())
                    .append("</td><td class=\"num\">").append(score(s.meanPrecision()))
                    .append("</td><td class=\"bar-col\"><div class=\"bar\" style=\"width:")
                    .append(String.format(Locale.ROOT, "%.1f", 100 * s.meanPrecision())).append("%\"></div></td></tr>\n");
        }
        h.append("</table>\n</section>\n");
    }

    private static void confusion(StringBuilder h, GalleryEvaluation e) {
        ConfusionMatrix m = e.confusion();
        h.append("<section id=\"confusion\">\n<h2>Confusion matrix</h2>\n<p>Row: the query's category. Column: the category of a photo in its top-")
                .append(e.k()).append(". Each cell: how many such results, and their share of the row.</p>\n<table class=\"matrix\">\n<tr><th>query \\ result</th>");
        for (String column : m.columns()) {
            h.append("<th>").append(esc(column == null ? "(none)" : column)).append("</th>");
        }
        h.append("</tr>\n");
        for (int r = 0; r < m.rows().size(); r++) {
            h.append("<tr><th>").append(esc(m.rows().get(r))).append("</th>");
            for (int col = 0; col < m.columns().size(); col++) {
                double f = m.fraction(r, col);
                boolean diagonal = m.rows().get(r).equals(m.columns().get(col));
                h.append("<td class=\"cell").append(diagonal ? " diagonal" : "").append("\" style=\"background:")
                        .append(cellColour(f, diagonal)).append(f > 0.55 ? ";color:#fff" : "").append("\">")
                        .append(m.count(r, col)).append("<br><small>").append(String.format(Locale.ROOT, "%.0f%%", 100 * f))
                        .append("</small></td>");
            }
            h.append("</tr>\n");
        }
        h.append("</table>\n</section>\n");
    }

    /**
     * The evaluated vectors' PCA map as an embedded PNG, categories in their colours, and the
     * legend as text too (the picture has it, a screen reader gets it here).
     */
    private static void map(StringBuilder h, Content c) {
        IndexedGallery g = c.gallery();
        if (g == null || g.size() < 2 || !g.model().equals(c.evaluation().model())) {
            return;
        }
        Projection map;
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        try {
            map = Projector.project(g.vectors(), ProjectionSettings.of(ProjectionMethod.PCA), ProjectionProgress.NONE);
            if (!ImageIO.write(MapFiles.picture(map, g, MAP_WIDTH, MAP_HEIGHT), "png", png)) {
                return;
            }
        } catch (IOException | RuntimeException ex) {
            return; // e.g. 1-d vectors: the rest of the report is still worth having
        }
        h.append("<section id=\"map\">\n<h2>Embedding map</h2>\n<p>").append(esc(map.describe()))
                .append(". Every photo is a dot in its category's colour where the model's vectors fall on their two main axes. ")
                .append("Categories the model separates sit apart; the map keeps only part of the distances, ")
                .append("so two dots close together may still be far apart in the model's space.</p>\n")
                .append("<img class=\"map\" width=\"").append(MAP_WIDTH).append("\" height=\"").append(MAP_HEIGHT)
                .append("\" alt=\"Embedding map of ").append(esc(c.galleryDescription())).append(", PCA\" src=\"data:image/png;base64,")
                .append(Base64.getEncoder().encodeToString(png.toByteArray())).append("\">\n<ul class=\"legend\">");
        java.util.TreeSet<String> categories = new java.util.TreeSet<>();
        boolean unlabelled = false;
        for (GalleryEntry e : g.entries()) {
            if (e.category() == null) {
                unlabelled = true;
            } else {
                categories.add(e.category());
            }
        }
        for (String category : categories) {
            legendItem(h, category, category);
        }
        if (unlabelled) {
            legendItem(h, null, "(no category)");
        }
        h.append("</ul>\n</section>\n");
    }

    private static void legendItem(StringBuilder h, String category, String label) {
        h.append("<li><span class=\"swatch\" style=\"background:")
                .append(String.format(Locale.ROOT, "#%06x", CategoryPalette.rgbOf(category) & 0xffffff))
                .append("\"></span>").append(esc(label)).append("</li>");
    }

    /** Writes the worst queries and returns every photo shown, with a number for the credits. */
    private static Map<GalleryEntry, Integer> worst(StringBuilder h, Content c) {
        GalleryEvaluation e = c.evaluation();
        Map<GalleryEntry, Integer> shown = new LinkedHashMap<>();
        List<QueryScore> worst = e.worstFirst().subList(0, Math.min(WORST_SHOWN, e.queryCount()));
        h.append("<section id=\"worst\">\n<h2>The ").append(worst.size()).append(" worst queries</h2>\n")
                .append("<p>Each row: the query, then its ").append(e.k())
                .append(" nearest photos. A red frame marks a result of another category.</p>\n");
        for (QueryScore q : worst) {
            h.append("<div class=\"query-row\">\n");
            figure(h, c, shown, q.entry(), "query", "Query · " + q.category(), "P@" + e.k() + " " + score(q.precision()));
            for (Match m : q.top()) {
                figure(h, c, shown, m.entry(), m.correct() ? "result right" : "result wrong",
                        "#" + m.rank() + " · " + m.entry().categoryOrUnlabelled() + (m.correct() ? "" : " ✗"),
                        String.format(Locale.ROOT, "%.3f", m.distance()));
            }
            h.append("</div>\n");
        }
        h.append("</section>\n");
        return shown;
    }

    private static void figure(StringBuilder h, Content c, Map<GalleryEntry, Integer> shown, GalleryEntry entry,
                               String cssClass, String caption, String detail) {
        int number = shown.computeIfAbsent(entry, x -> shown.size() + 1);
        h.append("<figure class=\"").append(cssClass).append("\">");
        Optional<byte[]> jpeg;
        try {
            jpeg = c.thumbnails().jpeg(entry);
        } catch (RuntimeException ex) {
            jpeg = Optional.empty();
        }
        if (jpeg.isPresent()) {
            h.append("<img alt=\"").append(esc(fileName(entry))).append("\" src=\"data:image/jpeg;base64,")
                    .append(Base64.getEncoder().encodeToString(jpeg.get())).append("\">");
        } else {
            h.append("<div class=\"no-image\">no thumbnail</div>");
        }
        h.append("<figcaption>").append(esc(caption)).append("<br>").append(esc(detail))
                .append("<br><span class=\"file\">[").append(number).append("] ").append(esc(fileName(entry)))
                .append("</span></figcaption></figure>\n");
    }

    private static void credits(StringBuilder h, Content c, Map<GalleryEntry, Integer> shown) {
        h.append("<section id=\"credits\">\n<h2>Credits of the photos shown</h2>\n");
        if (shown.isEmpty()) {
            h.append("<p>No photos are shown.</p>\n");
        } else {
            h.append("<ol class=\"credits\">\n");
            List<GalleryEntry> ordered = new ArrayList<>(shown.keySet());
            for (GalleryEntry entry : ordered) {
                h.append("<li>").append(esc(c.credits().creditOf(entry))).append("</li>\n");
            }
            h.append("</ol>\n<p class=\"note\">Photos that are not sample photos are the user's own, named by their path.</p>\n");
        }
        h.append("</section>\n");
    }

    private static void fact(StringBuilder h, String name, String value) {
        h.append("<tr><th>").append(esc(name)).append("</th><td>").append(esc(value)).append("</td></tr>\n");
    }

    /** Blue for right results, orange for wrong ones, stronger with the share. */
    private static String cellColour(double fraction, boolean diagonal) {
        double a = 0.08 + 0.85 * fraction;
        return String.format(Locale.ROOT, diagonal ? "rgba(29,78,216,%.2f)" : "rgba(194,65,12,%.2f)", fraction == 0 ? 0.0 : a);
    }

    private static String score(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    private static String fileName(GalleryEntry entry) {
        Path name = entry.path().getFileName();
        return name == null ? entry.path().toString() : name.toString();
    }

    static String esc(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(ch);
            }
        }
        return sb.toString();
    }

    private static final String STYLE = """
            body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; margin: 2rem auto; max-width: 1100px; color: #1f2328; padding: 0 1rem; }
            h1 { font-size: 1.6rem; } h2 { font-size: 1.25rem; margin-top: 2rem; border-bottom: 1px solid #d0d7de; padding-bottom: .3rem; }
            table { border-collapse: collapse; margin: .5rem 0; } th, td { padding: .3rem .6rem; text-align: left; border-bottom: 1px solid #eaeef2; }
            .num { text-align: right; font-variant-numeric: tabular-nums; }
            .facts th { color: #57606a; font-weight: normal; }
            .score { font-size: 1.5rem; margin: .8rem 0; } .score strong { font-size: 2.2rem; }
            .left-out { background: #fff8c5; padding: .5rem .8rem; border-radius: 6px; }
            .note { color: #57606a; font-size: .9rem; }
            .bar-col { width: 320px; } .bar { height: 14px; background: #1d4ed8; border-radius: 3px; }
            .matrix td.cell { text-align: center; min-width: 4rem; border: 1px solid #fff; }
            .matrix td.diagonal { font-weight: bold; }
            .query-row { display: flex; gap: .6rem; margin: .8rem 0; flex-wrap: wrap; align-items: flex-start; }
            figure { margin: 0; width: 150px; font-size: .8rem; }
            figure img, .no-image { width: 144px; height: 108px; object-fit: cover; border: 3px solid #d0d7de; border-radius: 4px; display: block; }
            .no-image { display: flex; align-items: center; justify-content: center; color: #57606a; background: #f6f8fa; }
            figure.query img { border-color: #1f2328; } figure.wrong img { border-color: #cf222e; }
            figure.wrong figcaption { color: #cf222e; } .file { color: #57606a; word-break: break-all; }
            img.map { max-width: 100%; height: auto; border: 1px solid #d0d7de; border-radius: 6px; }
            .legend { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .4rem 1.2rem; }
            .swatch { display: inline-block; width: .8rem; height: .8rem; border-radius: 50%; margin-right: .4rem; vertical-align: -.05rem; }
            .credits { font-size: .85rem; } footer { margin-top: 2rem; color: #57606a; font-size: .85rem; }
            """;
}
