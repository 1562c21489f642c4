package org.visualsearch.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.BaseNDManager;
import ai.djl.ndarray.NDManager;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real models through the real PyTorch engine: the tiny TorchScript files in test resources. */
class TorchScriptEmbedderTest {

    @TempDir
    Path temp;

    @BeforeAll
    static void configureDjl() {
        DjlEnvironment.configure();
    }

    private static int pixel(int x, int y) {
        int r = (x * 30) & 0xff;
        int g = (y * 40 + 7) & 0xff;
        int b = ((x + y) * 10 + 3) & 0xff;
        return (r << 16) | (g << 8) | b;
    }

    private static BufferedImage pattern(int w, int h) {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                image.setRGB(x, y, pixel(x, y));
            }
        }
        return image;
    }

    private static BufferedImage uniform(int w, int h, int rgb) {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                image.setRGB(x, y, rgb);
            }
        }
        return image;
    }

    @Test
    void parallelCopiesEmbedOnTwoThreadsAtOnceLikeTheOriginalAndCloseOnlyThemselves() throws Exception {
        try (TorchScriptEmbedder original = TorchScriptEmbedder.load(TestModels.folder("guie-tiny"))) {
            BufferedImage a = pattern(31, 17);
            BufferedImage b = pattern(12, 40);
            float[] expectedA = original.embed(a);
            float[] expectedB = original.embed(b);
            ImageEmbedder first = original.parallelCopy().orElseThrow();
            ImageEmbedder second = original.parallelCopy().orElseThrow();
            assertThat(first.info()).isEqualTo(original.info());
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
            try {
                java.util.List<java.util.concurrent.Future<Boolean>> runs = new java.util.ArrayList<>();
                for (ImageEmbedder copy : java.util.List.of(first, second)) {
                    runs.add(pool.submit(() -> {
                        boolean same = true;
                        for (int i = 0; i < 200; i++) {
                            same &= java.util.Arrays.equals(copy.embed(i % 2 == 0 ? a : b), i % 2 == 0 ? expectedA : expectedB);
                        }
                        return same;
                    }));
                }
                for (java.util.concurrent.Future<Boolean> run : runs) {
                    assertThat(run.get(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
                }
            } finally {
                pool.shutdownNow();
            }
            first.close();
            second.close();
            assertThat(original.embed(a)).containsExactly(expectedA); // the model stays loaded
            assertThatThrownBy(() -> first.embed(a)).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void closingTheOriginalWaitsForACopysCallAndLaterCallsOfTheCopySayItIsClosed() throws Exception {
        TorchScriptEmbedder original = TorchScriptEmbedder.load(TestModels.folder("guie-tiny"));
        ImageEmbedder copy = original.parallelCopy().orElseThrow();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            java.util.concurrent.Future<Integer> calls = pool.submit(() -> {
                int n = 0;
                try {
                    while (n < 100_000) {
                        copy.embed(pattern(9, 9));
                        n++;
                    }
                } catch (IllegalStateException closed) {
                    assertThat(closed).hasMessageContaining("is closed");
                }
                return n;
            });
            while (!calls.isDone() && original.manager().isOpen()) {
                original.close(); // while the copy is calling: it must wait for the call, not free the model under it
            }
            assertThat(calls.get(60, java.util.concurrent.TimeUnit.SECONDS)).isLessThan(100_000);
            assertThatThrownBy(() -> copy.embed(pattern(9, 9))).isInstanceOf(IllegalStateException.class);
        } finally {
            pool.shutdownNow();
            copy.close();
        }
    }

    @Test
    void guieModelGetsUint8PixelsInRgbPlanesAtTheirOwnSize() throws Exception {
        Path folder = TestModels.folder("guie-tiny");
        try (TorchScriptEmbedder embedder = TorchScriptEmbedder.load(folder)) {
            assertThat(embedder.info().dimension()).isEqualTo(8);
            assertThat(embedder.info().name()).isEqualTo("guie-tiny");
            assertThat(embedder.info().id()).matches("guie-tiny-[0-9a-f]{12}");
            assertThat(embedder.maxSide()).isEqualTo(512);
            assertThat(embedder.descriptor().inputSpec()).isEqualTo(new InputSpec.Guie());

            int w = 7;
            int h = 5;
            double[] sums = new double[3];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int p = pixel(x, y);
                    sums[0] += (p >> 16) & 0xff;
                    sums[1] += (p >> 8) & 0xff;
                    sums[2] += p & 0xff;
                }
            }
            int tl = pixel(0, 0);
            float[] expected = {
                (float) (sums[0] / (w * h) / 255), (float) (sums[1] / (w * h) / 255), (float) (sums[2] / (w * h) / 255),
                ((tl >> 16) & 0xff) / 255f, ((tl >> 8) & 0xff) / 255f, (tl & 0xff) / 255f,
                h, w,
            };
            float[] actual = embedder.embed(pattern(w, h));
            assertThat(actual).containsExactly(expected, within(1e-5f));
        }
    }

    @Test
    void fixedModelCallsTheNamedMethodOnNormalisedFloats() throws Exception {
        try (TorchScriptEmbedder embedder = TorchScriptEmbedder.load(TestModels.folder("fixed-tiny"))) {
            assertThat(embedder.info().dimension()).isEqualTo(5);
            assertThat(embedder.info().name()).isEqualTo("Fixed tiny");
            assertThat(embedder.info().id()).startsWith("fixed-tiny-");
            assertThat(embedder.maxSide()).isEqualTo(64);

            float[] actual = embedder.embed(uniform(40, 30, (100 << 16) | (150 << 8) | 200));
            // mean 0.5,0.25,0 and std 0.5,0.25,1 from serving.properties; the model returns h, w last.
            assertThat(actual).containsExactly(new float[] {
                (100 / 255f - 0.5f) / 0.5f, (150 / 255f - 0.25f) / 0.25f, 200 / 255f, 6, 8,
            }, within(1e-5f));
        }
    }

    @Test
    void centerCropKeepsTheMiddleWhileStretchKeepsEverything() throws Exception {
        // 30x10: black | white | black, each 10 wide. A 10x10 centre crop sees only white.
        BufferedImage image = uniform(30, 10, 0);
        for (int y = 0; y < 10; y++) {
            for (int x = 10; x < 20; x++) {
                image.setRGB(x, y, 0xffffff);
            }
        }
        Path crop = TestModels.copy("fixed-tiny", temp.resolve("crop"));
        Files.writeString(crop.resolve("serving.properties"), String.join("\n",
                "vss.convention=fixed", "vss.width=10", "vss.height=10",
                "vss.resize=shorter-side-then-center-crop", "vss.method=get_image_features"));
        try (TorchScriptEmbedder embedder = TorchScriptEmbedder.load(crop)) {
            assertThat(embedder.embed(image)).containsExactly(new float[] {1, 1, 1, 10, 10}, within(1e-6f));
        }
        Path stretch = TestModels.copy("fixed-tiny", temp.resolve("stretch"));
        Files.writeString(stretch.resolve("serving.properties"), String.join("\n",
                "vss.convention=fixed", "vss.width=10", "vss.height=10",
                "vss.resize=stretch", "vss.method=get_image_features"));
        try (TorchScriptEmbedder embedder = TorchScriptEmbedder.load(stretch)) {
            float[] v = embedder.embed(image);
            assertThat(v[0]).isBetween(0.25f, 0.5f); // bilinear, not area-averaged: about 1/3
            assertThat(v[3]).isEqualTo(10);
            assertThat(v[4]).isEqualTo(10);
        }
    }

    @Test
    void aFolderWrittenWithDjlKeyNamesEmbedsLikeOneWithTheOldKeys() throws Exception {
        BufferedImage image = pattern(40, 24);
        Path djl = TestModels.copy("fixed-tiny", temp.resolve("djl"));
        Files.writeString(djl.resolve("serving.properties"), String.join("\n",
                "width=8", "height=6", "centerCrop=true", "normalize=0.5,0.25,0,0.5,0.25,1",
                "vss.method=get_image_features", "vss.maxSide=64"));
        try (TorchScriptEmbedder old = TorchScriptEmbedder.load(TestModels.folder("fixed-tiny"));
             TorchScriptEmbedder renamed = TorchScriptEmbedder.load(djl)) {
            assertThat(renamed.descriptor().inputSpec()).isEqualTo(old.descriptor().inputSpec());
            assertThat(renamed.embed(image)).containsExactly(old.embed(image));
        }
    }

    @Test
    void oneDimensionalOutputIsAccepted() throws Exception {
        try (TorchScriptEmbedder embedder = TorchScriptEmbedder.load(TestModels.folder("vector-1d"))) {
            assertThat(embedder.info().dimension()).isEqualTo(3);
            assertThat(embedder.embed(uniform(9, 4, 0xff0000))).containsExactly(new float[] {1, 0, 0}, within(1e-6f));
        }
    }

    @Test
    void bareTorchScriptFilePathLoadsWithGuieDefaults() throws Exception {
        Path file = TestModels.copy("guie-tiny", temp.resolve("sub")).resolve("guie_tiny.pt");
        Path saved = Files.move(file, temp.resolve("saved_model.pt"));
        try (TorchScriptEmbedder embedder = TorchScriptEmbedder.load(saved)) {
            assertThat(embedder.info().name()).isEqualTo("saved_model");
            assertThat(embedder.info().dimension()).isEqualTo(8);
        }
    }

    @Test
    void wrongOutputShapeIsRefusedNamingTheModel() {
        Path folder = TestModels.folder("wrong-shape");
        assertThatThrownBy(() -> TorchScriptEmbedder.load(folder))
                .isInstanceOf(EmbeddingException.class)
                .hasMessageContaining(folder.resolve("model.pt").toString())
                .hasMessageContaining("shape [1, 2, 3]");
    }

    @Test
    void nanOutputIsRefusedNamingTheModel() {
        Path folder = TestModels.folder("nan-output");
        assertThatThrownBy(() -> TorchScriptEmbedder.load(folder))
                .isInstanceOf(EmbeddingException.class)
                .hasMessageContaining(folder.resolve("model.pt").toString())
                .hasMessageContaining("non-finite value (NaN");
    }

    @Test
    void garbageFileIsNotTorchScript() throws IOException {
        Path folder = Files.createDirectories(temp.resolve("garbage"));
        byte[] junk = new byte[4096];
        new Random(42).nextBytes(junk);
        Path file = Files.write(folder.resolve("model.pt"), junk);
        assertThatThrownBy(() -> TorchScriptEmbedder.load(folder))
                .isInstanceOf(EmbeddingException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("not a loadable TorchScript file");

        Path text = Files.writeString(folder.resolve("model.pt"), "def forward(x): return x\n");
        assertThatThrownBy(() -> TorchScriptEmbedder.load(text))
                .hasMessageContaining(text.toString())
                .hasMessageContaining("not a loadable TorchScript file");
    }

    @Test
    void missingFolderEmptyFolderAndSeveralFilesAreExplained() throws IOException {
        Path missing = temp.resolve("nope");
        assertThatThrownBy(() -> TorchScriptEmbedder.load(missing))
                .hasMessageContaining(missing.toString()).hasMessageContaining("not found");

        Path empty = Files.createDirectories(temp.resolve("empty"));
        assertThatThrownBy(() -> TorchScriptEmbedder.load(empty))
                .hasMessageContaining(empty.toString()).hasMessageContaining("no TorchScript file");

        Path several = TestModels.copy("guie-tiny", temp.resolve("several"));
        Files.copy(several.resolve("guie_tiny.pt"), several.resolve("other.pt"));
        assertThatThrownBy(() -> TorchScriptEmbedder.load(several))
                .hasMessageContaining(several.toString())
                .hasMessageContaining("several TorchScript files [guie_tiny.pt, other.pt]")
                .hasMessageContaining("vss.file");
    }

    @Test
    void descriptorPicksOneOfSeveralFiles() throws Exception {
        Path several = TestModels.copy("guie-tiny", temp.resolve("several"));
        Files.copy(TestModels.folder("vector-1d").resolve("model.pt"), several.resolve("other.pt"));

        Files.writeString(several.resolve("serving.properties"), "vss.file=other.pt\n");
        try (TorchScriptEmbedder embedder = TorchScriptEmbedder.load(several)) {
            assertThat(embedder.info().dimension()).isEqualTo(3);
        }
        // DJL's own key, without the extension, works too.
        Files.writeString(several.resolve("serving.properties"), "option.modelName=guie_tiny\n");
        try (TorchScriptEmbedder embedder = TorchScriptEmbedder.load(several)) {
            assertThat(embedder.info().dimension()).isEqualTo(8);
        }
        Files.writeString(several.resolve("serving.properties"), "vss.file=absent.pt\n");
        assertThatThrownBy(() -> TorchScriptEmbedder.load(several))
                .hasMessageContaining(several.toString()).hasMessageContaining("absent.pt, which does not exist");
    }

    @Test
    void missingMethodFailsAtLoad() throws IOException {
        Path folder = TestModels.copy("fixed-tiny", temp.resolve("method"));
        Files.writeString(folder.resolve("serving.properties"), String.join("\n",
                "vss.convention=fixed", "vss.width=8", "vss.height=6", "vss.method=no_such_method"));
        assertThatThrownBy(() -> TorchScriptEmbedder.load(folder))
                .hasMessageContaining(folder.resolve("fixed_tiny.pt").toString())
                .hasMessageContaining("failed on a 8x6 image");
    }

    @Test
    void declaredDimensionMustMatchTheModel() throws IOException {
        Path folder = TestModels.copy("guie-tiny", temp.resolve("dim"));
        Files.writeString(folder.resolve("serving.properties"), "vss.dimension=64\n");
        assertThatThrownBy(() -> TorchScriptEmbedder.load(folder))
                .hasMessageContaining(folder.toString())
                .hasMessageContaining("vss.dimension=64 but the model returns 8-d vectors");
    }

    @Test
    void modelIdChangesWithTheWeightsAndThePreprocessingOnly() throws Exception {
        Path folder = TestModels.copy("guie-tiny", temp.resolve("id"));
        String original = ModelDescriptor.resolve(folder).computeId();
        assertThat(ModelDescriptor.resolve(folder).computeId()).isEqualTo(original);
        try (TorchScriptEmbedder embedder = TorchScriptEmbedder.load(folder)) {
            assertThat(embedder.info().id()).isEqualTo(original);
        }

        Files.writeString(folder.resolve("serving.properties"), "# just a comment\n");
        assertThat(ModelDescriptor.resolve(folder).computeId()).isEqualTo(original);

        Files.writeString(folder.resolve("serving.properties"), "vss.maxSide=256\n");
        String smaller = ModelDescriptor.resolve(folder).computeId();
        assertThat(smaller).isNotEqualTo(original);

        Files.delete(folder.resolve("serving.properties"));
        Path file = folder.resolve("guie_tiny.pt");
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 1;
        Files.write(file, bytes);
        assertThat(ModelDescriptor.resolve(folder).computeId()).isNotEqualTo(original).startsWith("id-");
    }

    @Test
    void thousandEmbeddingsLeaveNoArraysBehind() throws Exception {
        try (TorchScriptEmbedder embedder = TorchScriptEmbedder.load(TestModels.folder("fixed-tiny"))) {
            BufferedImage image = pattern(64, 48);
            embedder.embed(image);
            int before = countResources(embedder.manager());
            for (int i = 0; i < 1000; i++) {
                embedder.embed(image);
            }
            assertThat(countResources(embedder.manager())).isEqualTo(before);
        }
        try (TorchScriptEmbedder embedder = TorchScriptEmbedder.load(TestModels.folder("guie-tiny"))) {
            BufferedImage image = pattern(64, 48);
            embedder.embed(image);
            int before = countResources(embedder.manager());
            for (int i = 0; i < 1000; i++) {
                embedder.embed(image);
            }
            assertThat(countResources(embedder.manager())).isEqualTo(before);
        }
    }

    @Test
    void sharedEmbedderIsSafeAcrossThreads() throws Exception {
        try (TorchScriptEmbedder embedder = TorchScriptEmbedder.load(TestModels.folder("guie-tiny"))) {
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
            try {
                java.util.List<java.util.concurrent.Future<Boolean>> results = new java.util.ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    int w = 5 + t;
                    int h = 3 + t;
                    float[] expected = embedder.embed(pattern(w, h));
                    results.add(pool.submit(() -> {
                        for (int i = 0; i < 50; i++) {
                            if (!java.util.Arrays.equals(embedder.embed(pattern(w, h)), expected)) {
                                return false;
                            }
                        }
                        return true;
                    }));
                }
                for (java.util.concurrent.Future<Boolean> r : results) {
                    assertThat(r.get()).isTrue();
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void closedEmbedderRefusesWork() throws Exception {
        TorchScriptEmbedder embedder = TorchScriptEmbedder.load(TestModels.folder("guie-tiny"));
        embedder.close();
        embedder.close(); // idempotent
        assertThatThrownBy(() -> embedder.embed(pattern(4, 4))).isInstanceOf(IllegalStateException.class);
    }

    /** Arrays and sub-managers attached to a manager tree (DJL keeps them in a protected map). */
    private static int countResources(NDManager manager) throws ReflectiveOperationException {
        Field field = BaseNDManager.class.getDeclaredField("resources");
        field.setAccessible(true);
        @SuppressWarnings("unchecked")
        Map<String, AutoCloseable> resources = (Map<String, AutoCloseable>) field.get(manager);
        int count = resources.size();
        for (AutoCloseable child : resources.values()) {
            if (child instanceof NDManager sub) {
                count += countResources(sub);
            }
        }
        return count;
    }
}
