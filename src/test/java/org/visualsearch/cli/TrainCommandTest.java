package org.visualsearch.cli;

import static org.visualsearch.cli.CliFixture.cli;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.visualsearch.core.model.DjlEnvironment;
import org.visualsearch.core.training.LabelledPhotos;
import org.visualsearch.cli.CliFixture.Result;

/** train through the CLI root: per-epoch lines, a saved model that eval uses, the cache, refusals. */
class TrainCommandTest {

    @TempDir
    Path temp;
    Path base;
    Path labels;
    String data;

    @BeforeAll
    static void djl() {
        DjlEnvironment.configure();
    }

    @BeforeEach
    void setUp() throws Exception {
        base = Files.createDirectories(temp.resolve("models/base"));
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/models/features-tiny"))) {
            for (Path f : files.toList()) {
                Files.copy(f, base.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        labels = LabelledPhotos.write(temp.resolve("labels"), 3, 12, 3, 4);
        data = temp.resolve("data").toString();
    }

    @Test
    void trainsPrintsEveryEpochSavesAndEvalUsesTheModel() throws Exception {
        Path out = temp.resolve("models/my-head");
        Path export = temp.resolve("export");
        Result r = cli("train", "--data", data, "--base", base.toString(), "--labels", labels.toString(),
                "--out", out.toString(), "--epochs", "20", "--export-data", export.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("features: 36 labelled photos, 36 computed now, 0 from the cache")
                .contains("validation mP@5 before training: base model").contains("saved my-head");
        List<String> epochs = r.out().lines().filter(l -> l.matches("\\s*\\d+/20\\s+\\d+\\.\\d{4}\\s+\\S+\\s+\\S+"))
                .toList();
        assertThat(epochs).hasSize(20);
        assertThat(Files.readString(export.resolve("split.tsv")).lines()).hasSize(37);
        assertThat(export.resolve("features.npz")).isRegularFile();
        assertThat(Files.readString(out.resolve("serving.properties"))).contains("vss.backbone=../base");

        Result eval = cli("eval", "--data", data, "--model", out.toString(), labels.toString());
        assertThat(eval.exit()).as(eval.err()).isZero();
        assertThat(eval.out()).startsWith("model my-head (64-d)").containsPattern("mP@5 \\d\\.\\d{3}\\s*$");

        Result again = cli("train", "--data", data, "--base", base.toString(), "--labels", labels.toString(),
                "--out", out.toString(), "--epochs", "3");
        assertThat(again.exit()).isEqualTo(1);
        assertThat(again.err()).contains("already exists");
        Result replaced = cli("train", "--data", data, "--base", base.toString(), "--labels", labels.toString(),
                "--out", out.toString(), "--epochs", "3", "--replace");
        assertThat(replaced.exit()).as(replaced.err()).isZero();
        assertThat(replaced.out()).contains("0 computed now, 36 from the cache");
    }

    @Test
    void aBaseWithoutFeatureExtractorAndBadOptionsAreRefusedWithTheReason() {
        Result noFeatures = cli("train", "--data", data, "--base", "src/test/resources/models/guie-tiny",
                "--labels", labels.toString(), "--out", temp.resolve("x").toString());
        assertThat(noFeatures.exit()).isEqualTo(1);
        assertThat(noFeatures.err()).contains("has no feature extractor");
        Result badDropout = cli("train", "--data", data, "--base", base.toString(), "--labels", labels.toString(),
                "--out", temp.resolve("x").toString(), "--dropout", "1.5");
        assertThat(badDropout.exit()).isEqualTo(1);
        assertThat(badDropout.err()).contains("dropout must be in [0, 1)");
        assertThat(temp.resolve("x")).doesNotExist();
    }

    @Test
    void aPlainNameGoesToTheDataFoldersModelsFolderOnRequest() {
        Result r = cli("train", "--data", data, "--base", base.toString(), "--labels", labels.toString(),
                "--out", "data-head", "--in-data-folder", "--epochs", "3");
        assertThat(r.exit()).as(r.err()).isZero();
        Path saved = Path.of(data).resolve("models").resolve("data-head");
        assertThat(saved.resolve("head.npz")).exists();
        assertThat(r.out()).contains("use it with --model data-head");
    }
}
