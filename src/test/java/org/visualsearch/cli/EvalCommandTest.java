package org.visualsearch.cli;

import static org.visualsearch.cli.CliFixture.cli;
import static org.visualsearch.cli.CliFixture.paint;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.visualsearch.cli.CliFixture.Result;

/**
 * eval's --per-query, --confusion, --format and --report, with the colour-histogram model on a
 * painted gallery whose answers are known: every red photo has the same histogram, and so does
 * blue/odd.png, which is painted red. Ties go to the lower index (path order: blue/, loose.png,
 * red/), so each red query's top-5 is odd.png and four other reds (P@5 0.8), and odd.png's own
 * top-5 is five reds (P@5 0). loose.png lies in the gallery root: no category, not scored.
 */
class EvalCommandTest {

    @TempDir
    Path temp;

    private Path gallery;
    private String data;

    private Result eval(String... options) {
        List<String> args = new ArrayList<>(List.of("eval", "--data", data, "--model", "histogram"));
        args.addAll(List.of(options));
        args.add(gallery.toString());
        return cli(args.toArray(String[]::new));
    }

    @BeforeEach
    void paintGallery() throws IOException {
        gallery = temp.resolve("gallery");
        for (int i = 0; i < 6; i++) {
            paint(gallery.resolve("red/red-" + i + ".png"), new Color(200 + i * 8, 20 + i * 5, 30));
            paint(gallery.resolve("blue/blue-" + i + ".png"), new Color(20, 40 + i * 6, 190 + i * 9));
        }
        paint(gallery.resolve("blue/odd.png"), new Color(210, 30, 30));
        paint(gallery.resolve("loose.png"), new Color(30, 200, 40));
        data = temp.resolve("data").toString();
    }

    @Test
    void defaultOutputIsUnchangedAndEndsWithTheMeanPrecision() {
        Result r = eval();
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.lines().get(0)).endsWith("14 photos, 13 queries, 1 not scored (no label or no other photo of it)");
        assertThat(r.lines().get(1)).matches("label\\s+queries\\s+P@5");
        assertThat(r.out()).containsPattern("red\\s+6\\s+0\\.800");
        assertThat(r.lines()).hasSize(5);
        assertThat(r.lines().get(4)).matches("mP@5 0\\.\\d{3}");
    }

    @Test
    void perQueryPrintsPathLabelPrecisionAndTopFiveLabelsForEachScoredQuery() {
        Result r = eval("--per-query");
        assertThat(r.exit()).as(r.err()).isZero();
        List<String> perQuery = r.lines().stream().filter(l -> l.split("\t").length == 4).toList();
        assertThat(perQuery.get(0)).isEqualTo("path\tlabel\tP@5\ttop-5 labels");
        assertThat(perQuery).hasSize(1 + 13);
        assertThat(perQuery).contains(gallery.resolve("blue/odd.png") + "\tblue\t0.000\tred,red,red,red,red");
        assertThat(perQuery).contains(gallery.resolve("red/red-3.png") + "\tred\t0.800\tblue,red,red,red,red");
        assertThat(r.out()).doesNotContain("loose.png");
        assertThat(r.lines().get(r.lines().size() - 1)).matches("mP@5 0\\.\\d{3}");
    }

    @Test
    void confusionPrintsTheMatrixWithQueryLabelsAsRows() {
        Result r = eval("--confusion");
        assertThat(r.exit()).as(r.err()).isZero();
        int header = r.lines().indexOf(r.lines().stream().filter(l -> l.startsWith("query \\ result")).findFirst().orElseThrow());
        assertThat(r.lines().get(header).split("\\s+")).containsExactly("query", "\\", "result", "blue", "red");
        // Six red queries, five results each: 6 x odd.png (blue) and 24 reds.
        assertThat(r.lines().get(header + 2).split("\\s+")).containsExactly("red", "6", "24");
        String[] blue = r.lines().get(header + 1).split("\\s+");
        assertThat(Integer.parseInt(blue[1]) + Integer.parseInt(blue[2])).isEqualTo(7 * 5);
        assertThat(r.lines().get(r.lines().size() - 1)).matches("mP@5 0\\.\\d{3}");
    }

    @Test
    void jsonHasTheSameNumbersAsTheText() throws IOException {
        Result text = eval();
        Result r = eval("--format", "json", "--per-query", "--confusion");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode root = new ObjectMapper().readTree(r.out());

        assertThat(String.format(java.util.Locale.ROOT, "mP@5 %.3f", root.get("meanPrecision").asDouble()))
                .isEqualTo(text.lines().get(text.lines().size() - 1));
        assertThat(root.get("photos").asInt()).isEqualTo(14);
        assertThat(root.get("queries").asInt()).isEqualTo(13);
        assertThat(root.get("model").get("name").asText()).isEqualTo("Colour histogram (baseline)");
        assertThat(root.get("leftOut").get("unlabelled").asInt()).isEqualTo(1);
        assertThat(root.get("leftOut").get("reason").asText()).contains("without a category");
        assertThat(root.get("categories")).hasSize(2);
        assertThat(root.get("categories").get(1).get("label").asText()).isEqualTo("red");
        assertThat(root.get("categories").get(1).get("precision").asDouble()).isEqualTo(0.8, org.assertj.core.api.Assertions.within(1e-9));

        JsonNode perQuery = root.get("perQuery");
        assertThat(perQuery).hasSize(13);
        JsonNode odd = null;
        for (JsonNode q : perQuery) {
            if (q.get("path").asText().endsWith("odd.png")) {
                odd = q;
            }
            assertThat(q.get("top")).hasSize(5);
            for (JsonNode m : q.get("top")) {
                assertThat(m.get("path").asText()).isNotEqualTo(q.get("path").asText());
            }
        }
        assertThat(odd).isNotNull();
        assertThat(odd.get("precision").asDouble()).isZero();
        assertThat(odd.get("top").get(0).get("label").asText()).isEqualTo("red");
        assertThat(odd.get("top").get(0).get("correct").asBoolean()).isFalse();
        assertThat(odd.get("top").get(0).get("distance").asDouble()).isZero();

        JsonNode confusion = root.get("confusion");
        assertThat(confusion.get("rows").toString()).isEqualTo("[\"blue\",\"red\"]");
        assertThat(confusion.get("counts").get(1).toString()).isEqualTo("[6,24]");
    }

    @Test
    void tsvWritesTablesWithHeaders() {
        Result r = eval("--format", "tsv", "--per-query");
        assertThat(r.exit()).as(r.err()).isZero();
        List<String> lines = r.lines();
        assertThat(lines.get(0)).isEqualTo("label\tqueries\tp_at_5");
        assertThat(lines.get(2)).isEqualTo("red\t6\t0.800000");
        assertThat(lines.get(3)).startsWith("all\t13\t");
        assertThat(lines.get(4)).isEmpty();
        assertThat(lines.get(5)).isEqualTo("path\tlabel\tp_at_5\tlabel_1\tlabel_2\tlabel_3\tlabel_4\tlabel_5");
        assertThat(lines).hasSize(6 + 13);
        assertThat(lines).contains(gallery.resolve("blue/odd.png") + "\tblue\t0.000000\tred\tred\tred\tred\tred");
    }

    @Test
    void reportIsAnOfflineHtmlPageWithTheScoreAndThumbnails() throws IOException {
        Path file = temp.resolve("report.html");
        Result r = eval("--report", file.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).contains("report written to " + file);
        // stdout is unchanged by --report
        assertThat(r.lines().get(r.lines().size() - 1)).matches("mP@5 0\\.\\d{3}");

        String html = Files.readString(file);
        Parser parser = Parser.htmlParser().setTrackErrors(20);
        Document doc = Jsoup.parse(html, "", parser);
        assertThat(parser.getErrors()).isEmpty();
        for (Element el : doc.select("[src], [href]")) {
            assertThat(el.hasAttr("src") ? el.attr("src") : el.attr("href")).startsWith("data:");
        }
        assertThat(doc.select("script, link")).isEmpty();
        assertThat("mP@5 " + doc.getElementById("mean-precision").text()).isEqualTo(r.lines().get(r.lines().size() - 1));
        // 10 worst queries x (query + 5), each with a thumbnail from the database
        assertThat(doc.select("#worst .query-row")).hasSize(10);
        assertThat(doc.select("#worst img")).hasSize(60);
        assertThat(doc.select("#worst .query-row").first().text()).contains("odd.png", "P@5 0.000");
        assertThat(doc.select("#credits li").eachText()).anySatisfy(t -> assertThat(t).endsWith("odd.png"));
        assertThat(doc.getElementById("summary").text()).contains("1 photo without a category");
    }

    @Test
    void reportIntoAMissingFolderFailsWithOneLineBeforeAnyWork() {
        Result r = eval("--report", temp.resolve("no/such/dir/report.html").toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err().strip()).doesNotContain("\n").contains("no/such/dir").contains("not found");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void anUnknownFormatIsABadCommandLine() {
        Result r = eval("--format", "xml");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--format");
    }

}
