package org.visualsearch.core.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import javax.imageio.ImageIO;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.visualsearch.core.search.GalleryEntry;
import org.visualsearch.core.search.IndexedGallery;
import org.visualsearch.core.model.ModelInfo;
import org.visualsearch.core.sampledb.SampleManifest;
import org.visualsearch.core.search.VectorIndex;

class EvaluationReportTest {

    /** 12 "a" and 12 "b" on a line, interleaved at the border so some queries go wrong; one unlabelled. */
    private static IndexedGallery gallery() {
        List<GalleryEntry> entries = new ArrayList<>();
        List<float[]> vectors = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            String category = i < 12 ? "a" : "b";
            float x = i < 12 ? i : i - 5; // b starts inside a's range
            entries.add(new GalleryEntry(Path.of("photos", category, "p<" + i + ">.jpg"), category, "hash" + i));
            vectors.add(new float[] {x, 0});
        }
        entries.add(new GalleryEntry(Path.of("photos", "loose.jpg"), null, "hash-loose"));
        vectors.add(new float[] {5.5f, 0}); // among both: in some top-5s
        return new IndexedGallery(new ModelInfo("m", "Test model & co", 2), entries, VectorIndex.of(2, vectors));
    }

    private static byte[] jpeg() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(8, 6, BufferedImage.TYPE_INT_RGB), "jpg", out);
        return out.toByteArray();
    }

    private static EvaluationReport.Content content(GalleryEvaluation e) throws IOException {
        return content(e, gallery());
    }

    private static EvaluationReport.Content content(GalleryEvaluation e, IndexedGallery mapped) throws IOException {
        byte[] jpeg = jpeg();
        SampleManifest manifest = SampleManifest.of(List.of(new SampleManifest.Entry("a/a-03.jpg", "a",
                e.worstFirst().get(0).entry().contentHash(), 10, 8, 6,
                URI.create("https://example.org/a-03.jpg"), "CC0-1.0 (Jane Doe)", "owner/repo", "0123456789abcdef", "img/a3.jpg")));
        // Every second photo has a thumbnail: the others must show a placeholder, not a link.
        EvaluationReport.Thumbnails thumbnails = entry -> entry.contentHash().hashCode() % 2 == 0 ? Optional.of(jpeg) : Optional.empty();
        return new EvaluationReport.Content(e, "photos (test)", ZonedDateTime.of(2026, 12, 1, 10, 30, 0, 0, ZoneOffset.UTC),
                OptionalDouble.of(0.412), thumbnails, new PhotoCredits(manifest), mapped);
    }

    @Test
    void reportIsValidHtmlThatFetchesNothing(@TempDir Path dir) throws IOException {
        GalleryEvaluation e = GalleryEvaluator.evaluate(gallery());
        Path file = dir.resolve("report.html");
        EvaluationReport.write(content(e), file);
        String html = Files.readString(file, StandardCharsets.UTF_8);

        Parser parser = Parser.htmlParser().setTrackErrors(50);
        Document doc = Jsoup.parse(html, "", parser);
        assertThat(parser.getErrors()).as("HTML parse errors").isEmpty();
        assertThat(html).startsWith("<!DOCTYPE html>");
        for (Element el : doc.select("[src], [href]")) {
            String ref = el.hasAttr("src") ? el.attr("src") : el.attr("href");
            assertThat(ref).as("%s references", el.tagName()).startsWith("data:");
        }
        assertThat(doc.select("link, script, iframe, object, embed")).isEmpty();
        assertThat(html.toLowerCase()).doesNotContain("url(", "@import", "http://", "https://example.org");
        assertThat(doc.select("figure img")).isNotEmpty().allSatisfy(img -> assertThat(img.attr("src")).startsWith("data:image/jpeg;base64,"));
        assertThat(doc.select("img.map")).hasSize(1).allSatisfy(img -> assertThat(img.attr("src")).startsWith("data:image/png;base64,"));
    }

    @Test
    void reportHasEverySectionWithTheEvaluationsNumbers() throws IOException {
        GalleryEvaluation e = GalleryEvaluator.evaluate(gallery());
        Document doc = Jsoup.parse(EvaluationReport.html(content(e)));

        assertThat(doc.title()).isEqualTo("Evaluation: Test model & co on photos (test)");
        for (String id : List.of("summary", "categories", "confusion", "map", "worst", "credits")) {
            assertThat(doc.getElementById(id)).as(id).isNotNull();
        }
        assertThat(doc.getElementById("mean-precision").text()).isEqualTo(String.format(java.util.Locale.ROOT, "%.3f", e.meanPrecision()));
        assertThat(doc.getElementById("summary").text()).contains("Test model & co (2-d)", "25 photos, 24 scored queries",
                "2026-12-01 10:30", "0.728", "0.678", "Colour-histogram baseline 0.412", "different test set",
                "1 photo without a category");

        // Per category: one row each with its mean.
        var rows = doc.select("#categories tr");
        assertThat(rows).hasSize(3);
        assertThat(rows.get(1).text()).startsWith("a 12 " + String.format(java.util.Locale.ROOT, "%.3f", e.categories().get("a").meanPrecision()));

        // Confusion: a header row, one row per query category; cells hold the counts.
        var matrix = doc.select("#confusion table tr");
        assertThat(matrix).hasSize(3);
        assertThat(matrix.get(0).select("th").eachText()).containsExactly("query \\ result", "a", "b", "(none)");
        ConfusionMatrix m = e.confusion();
        assertThat(matrix.get(2).select("td").get(0).ownText()).isEqualTo(String.valueOf(m.count(1, 0)));

        // The 10 worst queries, each with the query and 5 results; wrong ones marked.
        var queryRows = doc.select("#worst .query-row");
        assertThat(queryRows).hasSize(10);
        QueryScore worst = e.worstFirst().get(0);
        assertThat(queryRows.get(0).select("figure")).hasSize(6);
        assertThat(queryRows.get(0).select("figure.query figcaption").text()).contains("P@5 " + String.format(java.util.Locale.ROOT, "%.3f", worst.precision()));
        assertThat(queryRows.get(0).select("figure.wrong")).hasSize((int) worst.wrongCount());

        // Credits: one per photo shown; the sample photo by its licence and source, the others by path.
        var credits = doc.select("#credits li");
        long distinctShown = e.worstFirst().subList(0, 10).stream()
                .flatMap(q -> java.util.stream.Stream.concat(java.util.stream.Stream.of(q.entry()), q.top().stream().map(Match::entry)))
                .distinct().count();
        assertThat(credits).hasSize((int) distinctShown);
        assertThat(credits.eachText()).anySatisfy(t -> assertThat(t).isEqualTo("a/a-03.jpg: CC0-1.0 (Jane Doe) · owner/repo@0123456:img/a3.jpg"));
        assertThat(credits.eachText()).anySatisfy(t -> assertThat(t).contains("photos" + java.io.File.separator + "b"));
        // Names with markup characters are escaped, not interpreted.
        assertThat(doc.select("#worst .file").eachText()).anySatisfy(t -> assertThat(t).contains("p<"));
    }

    @Test
    void theMapIsThePcaOfTheEvaluatedVectorsAsAPictureWithItsLegend() throws IOException {
        IndexedGallery g = gallery();
        GalleryEvaluation e = GalleryEvaluator.evaluate(g);
        Document doc = Jsoup.parse(EvaluationReport.html(content(e, g)));
        Element map = doc.getElementById("map");
        assertThat(map.select("h2").text()).isEqualTo("Embedding map");
        assertThat(map.text()).contains("PCA of 25 photos");
        String src = map.select("img.map").attr("src");
        BufferedImage picture = ImageIO.read(new java.io.ByteArrayInputStream(
                java.util.Base64.getDecoder().decode(src.substring("data:image/png;base64,".length()))));
        assertThat(picture.getWidth()).isEqualTo(EvaluationReport.MAP_WIDTH);
        assertThat(picture.getHeight()).isEqualTo(EvaluationReport.MAP_HEIGHT);
        // the dots are in the categories' colours, and the legend names each with its colour
        int a = org.visualsearch.core.projection.CategoryPalette.rgbOf("a") & 0xffffff;
        int b = org.visualsearch.core.projection.CategoryPalette.rgbOf("b") & 0xffffff;
        assertThat(count(picture, a)).isPositive();
        assertThat(count(picture, b)).isPositive();
        assertThat(map.select(".legend li").eachText()).containsExactly("a", "b", "(no category)");
        assertThat(map.select(".legend li .swatch").get(0).attr("style")).contains(String.format("#%06x", a));

        // without the gallery (or with another model's) there is no map, and the rest is there
        Document without = Jsoup.parse(EvaluationReport.html(content(e, null)));
        assertThat(without.getElementById("map")).isNull();
        assertThat(without.getElementById("worst")).isNotNull();
        IndexedGallery otherModel = new IndexedGallery(new ModelInfo("other", "Other", 2), g.entries(), g.vectors());
        assertThat(Jsoup.parse(EvaluationReport.html(content(e, otherModel))).getElementById("map")).isNull();
    }

    private static int count(BufferedImage image, int rgb) {
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xffffff) == rgb) {
                    n++;
                }
            }
        }
        return n;
    }
}
