package org.visualsearch.core.sampledb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.visualsearch.core.common.Sha256;
import org.visualsearch.core.gallery.TestImages;
import org.visualsearch.core.model.ColorHistogramEmbedder;
import org.visualsearch.core.model.ImageEmbedder;
import org.visualsearch.core.model.ModelDescriptor;

class ShippedEmbeddingsTest {

    @TempDir
    Path temp;

    @Test
    void writesAndReadsBackTheSameFloats() throws IOException {
        Map<String, float[]> byHash = new LinkedHashMap<>();
        byHash.put("a".repeat(64), new float[] {0.1f, -1.0e-7f, 3.4028235e38f});
        byHash.put("b".repeat(64), new float[] {Float.MIN_VALUE, 0f, -0.33333334f});
        ShippedEmbeddings written = new ShippedEmbeddings("model-abc123", "A model", 3, byHash);
        Path file = temp.resolve("embeddings.tsv");

        written.write(file);
        ShippedEmbeddings read = ShippedEmbeddings.read(file);

        assertThat(read.modelId()).isEqualTo("model-abc123");
        assertThat(read.name()).isEqualTo("A model");
        assertThat(read.dimension()).isEqualTo(3);
        assertThat(read.byHash()).containsOnlyKeys("a".repeat(64), "b".repeat(64));
        assertThat(read.byHash().get("a".repeat(64))).containsExactly(byHash.get("a".repeat(64)));
        assertThat(read.byHash().get("b".repeat(64))).containsExactly(byHash.get("b".repeat(64)));
        assertThat(Files.readString(file)).contains("model\tmodel-abc123\n", "dimension\t3\n");
    }

    @Test
    void aDamagedFileIsRefusedWithItsLine() {
        String header = "model\tm-1\ndimension\t2\nsha256\tvector\n";
        assertThatThrownBy(() -> parse(header + "a".repeat(64) + "\t1.0\n"))
                .hasMessageContaining("line 4").hasMessageContaining("1 values, expected 2");
        assertThatThrownBy(() -> parse(header + "xyz\t1 2\n")).hasMessageContaining("not a SHA-256");
        assertThatThrownBy(() -> parse(header + "a".repeat(64) + "\t1 NaN\n")).hasMessageContaining("not finite");
        assertThatThrownBy(() -> parse("dimension\t2\nsha256\tvector\n" + "a".repeat(64) + "\t1 2\n"))
                .hasMessageContaining("needs 'model' and 'dimension'");
        assertThatThrownBy(() -> parse(header + "a".repeat(64) + "\t1 2\n" + "a".repeat(64) + "\t1 2\n"))
                .hasMessageContaining("listed twice");
    }

    private static ShippedEmbeddings parse(String text) throws IOException {
        return ShippedEmbeddings.parse(new StringReader(text), "test");
    }

    @Test
    void theCheckPassesOnFreshVectorsAndFailsOnStaleOnesOrAnotherModel() throws IOException {
        Path folder = temp.resolve("sample");
        List<SampleManifest.Entry> entries = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Path photo = TestImages.write(folder.resolve("dog/d" + i + ".jpg"), i, 200, 150);
            entries.add(new SampleManifest.Entry("dog/d" + i + ".jpg", "dog", Sha256.of(photo), Files.size(photo),
                    200, 150, java.net.URI.create("https://example.org/d" + i + ".jpg"), "CC0-1.0", "", "", ""));
        }
        SampleManifest manifest = SampleManifest.of(entries);
        ImageEmbedder model = new ColorHistogramEmbedder();
        List<String> problems = new ArrayList<>();

        ShippedEmbeddings fresh = SampleVectors.compute(manifest, folder, model, problems::add);

        assertThat(problems).isEmpty();
        assertThat(fresh.byHash()).hasSize(3);
        SampleVectors.CheckResult ok = SampleVectors.check(fresh, manifest, folder, model, 0);
        assertThat(ok.passed()).isTrue();
        assertThat(ok.compared()).isEqualTo(3);
        assertThat(ok.maxDifference()).isLessThanOrEqualTo(SampleVectors.TOLERANCE);

        Map<String, float[]> nudged = new LinkedHashMap<>(fresh.byHash());
        float[] v = nudged.get(entries.get(1).sha256()).clone();
        v[0] += 2e-4f;
        nudged.put(entries.get(1).sha256(), v);
        SampleVectors.CheckResult stale = SampleVectors.check(
                new ShippedEmbeddings(fresh.modelId(), fresh.name(), fresh.dimension(), nudged), manifest, folder, model, 0);
        assertThat(stale.passed()).isFalse();
        assertThat(stale.problems()).singleElement().asString().startsWith("dog/d1.jpg: the shipped vector differs");

        SampleVectors.CheckResult otherModel = SampleVectors.check(
                new ShippedEmbeddings("another-model", "", fresh.dimension(), fresh.byHash()), manifest, folder, model, 0);
        assertThat(otherModel.passed()).isFalse();
        assertThat(otherModel.problems()).singleElement().asString().contains("model id another-model");

        Map<String, float[]> partial = new LinkedHashMap<>(fresh.byHash());
        partial.remove(entries.get(2).sha256());
        assertThat(SampleVectors.check(new ShippedEmbeddings(fresh.modelId(), "", fresh.dimension(), partial),
                manifest, folder, model, 0).problems()).contains("1 of 3 sample photos have no shipped vector");
    }

    /**
     * The shipped file is the default model's, for every sample photo: re-exporting the model (or
     * changing its descriptor) without remaking the file fails here. Whether the vectors are the
     * model's own is checked by {@code sample-db embeddings --check} in CI, which has the photos.
     */
    @Test
    void theBuildShipsTheDefaultModelsVectorsForEverySamplePhoto() throws Exception {
        ShippedEmbeddings shipped = ShippedEmbeddings.bundled().orElseThrow();
        SampleManifest manifest = SampleManifest.bundled();
        assertThat(shipped.modelId()).isEqualTo(ModelDescriptor.resolve(Path.of("models", "default")).computeId());
        assertThat(shipped.dimension()).isEqualTo(64);
        assertThat(shipped.byHash().keySet())
                .containsExactlyInAnyOrderElementsOf(manifest.entries().stream().map(SampleManifest.Entry::sha256).toList());
    }
}
