package org.visualsearch.core.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.visualsearch.core.image.ImageLoader;
import org.visualsearch.core.model.Backbone;
import org.visualsearch.core.model.DjlEnvironment;
import org.visualsearch.core.model.EmbeddingException;
import org.visualsearch.core.model.HeadEmbedder;
import org.visualsearch.core.model.ImageEmbedder;
import org.visualsearch.core.model.ModelCatalog;
import org.visualsearch.core.model.TorchScriptEmbedder;
import org.visualsearch.core.store.GalleryDatabase;

/** Features cached, a head trained, saved as a model folder, and loaded back through the catalog. */
class TrainedModelTest {

    static final Path TEST_MODELS = Path.of("src/test/resources/models");

    @TempDir
    Path temp;
    Path models;
    Path labels;
    Backbone backbone;

    @BeforeAll
    static void djl() {
        DjlEnvironment.configure();
    }

    @BeforeEach
    void setUp() throws Exception {
        models = temp.resolve("models");
        copyFolder(TEST_MODELS.resolve("features-tiny"), models.resolve("base"));
        labels = LabelledPhotos.write(temp.resolve("labels"), 3, 16, 4, 5);
        backbone = Backbone.of(models.resolve("base")).orElseThrow();
    }

    static void copyFolder(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private FeatureExtraction.Result extract(GalleryDatabase db) throws EmbeddingException {
        try (TorchScriptEmbedder features = backbone.open()) {
            return new FeatureExtraction(db, features).extract(List.of(labels), null);
        }
    }

    @Test
    void backboneOfTheTestModelIsDeclared() throws Exception {
        assertThat(backbone.dimension()).isEqualTo(12);
        assertThat(backbone.head()).isPresent();
        assertThat(Backbone.of(TEST_MODELS.resolve("guie-tiny"))).isEmpty();
    }

    @Test
    void featuresAreCachedPerPhotoAndBackbone() throws Exception {
        try (GalleryDatabase db = GalleryDatabase.open(temp.resolve("data"))) {
            FeatureExtraction.Result first = extract(db);
            assertThat(first.embedded()).isEqualTo(48);
            assertThat(first.data().size()).isEqualTo(48);
            assertThat(first.data().hasInstances()).isTrue();
            assertThat(first.data().samples().get(0).instance()).isEqualTo("cat0/item0");
            FeatureExtraction.Result second = extract(db);
            assertThat(second.embedded()).isZero();
            assertThat(second.data().features()).containsExactly(first.data().features());
        }
    }

    @Test
    void savedModelLoadsThroughTheCatalogAndGivesTheTrainedVectors() throws Exception {
        FeatureExtraction.Result extracted;
        try (GalleryDatabase db = GalleryDatabase.open(temp.resolve("data"))) {
            extracted = extract(db);
        }
        TrainingResult result = HeadTrainer.train(extracted.data(), TrainingOptions.DEFAULTS.withEpochs(40),
                backbone.head().orElseThrow(), TrainingListener.NONE, () -> false);
        assertThat(result.options().labelMode()).isEqualTo(LabelMode.BOTH);
        assertThat(result.trained().instance()).isBetween(0.0, 1.0);
        Path saved = TrainedModelWriter.write(models.resolve("my-head"), "My head", backbone, result,
                new TrainedModelWriter.Provenance(List.of(labels), extracted), false);

        ModelCatalog catalog = new ModelCatalog(models);
        assertThat(catalog.installed()).containsExactly(models.resolve("base"), saved);
        assertThat(Files.readString(saved.resolve("MODEL_CARD.md"))).contains("cat0 16", "trained head", "| epochs | 40 |");
        ImageLoader loader = new ImageLoader();
        try (ImageEmbedder model = catalog.open("my-head")) {
            assertThat(model).isInstanceOf(HeadEmbedder.class);
            assertThat(model.info().name()).isEqualTo("My head");
            assertThat(model.info().dimension()).isEqualTo(64);
            for (int i = 0; i < extracted.data().size(); i += 7) {
                float[] expected = result.head().embed(extracted.data().row(i));
                float[] got = model.embed(loader.load(extracted.data().samples().get(i).path()));
                for (int k = 0; k < expected.length; k++) {
                    assertThat(got[k]).isCloseTo(expected[k], within(1e-5f));
                }
            }
            // the indexer's workers embed with parallel copies: the same head on its own predictor
            java.awt.image.BufferedImage photo = loader.load(extracted.data().samples().get(0).path());
            try (ImageEmbedder copy = model.parallelCopy().orElseThrow()) {
                assertThat(copy.info()).isEqualTo(model.info());
                assertThat(copy.embed(photo)).containsExactly(model.embed(photo));
            }
            assertThat(model.embed(photo)).hasSize(64); // closing the copy left the model open
        }

        // another head on the same backbone is another model
        TrainingResult other = HeadTrainer.train(extracted.data(), TrainingOptions.DEFAULTS.withEpochs(5).withSeed(3),
                null, TrainingListener.NONE, () -> false);
        Path second = TrainedModelWriter.write(models.resolve("other"), "My head", backbone, other,
                new TrainedModelWriter.Provenance(List.of(labels), extracted), false);
        String firstId;
        try (ImageEmbedder a = catalog.open("my-head"); ImageEmbedder b = HeadEmbedder.load(second)) {
            firstId = a.info().id();
            assertThat(b.info().id()).isNotEqualTo(firstId);
        }
        assertThatThrownBy(() -> TrainedModelWriter.write(saved, "Again", backbone, other, null, false))
                .isInstanceOf(java.nio.file.FileAlreadyExistsException.class);
        TrainedModelWriter.write(saved, "My head", backbone, other, null, true);
        try (ImageEmbedder replaced = catalog.open("my-head")) {
            assertThat(replaced.info().id()).isNotEqualTo(firstId);
        }

        // a changed backbone is refused with the reason
        Files.copy(TEST_MODELS.resolve("guie-tiny/guie_tiny.pt"), models.resolve("base/features.pt"),
                StandardCopyOption.REPLACE_EXISTING);
        assertThatThrownBy(() -> catalog.open("my-head")).isInstanceOf(EmbeddingException.class)
                .hasMessageContaining("trained on another backbone").hasMessageContaining("features.pt");
        try (Stream<Path> left = Files.list(models)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("base", "my-head", "other");
        }
    }

    @Test
    void aMissingBackboneIsNamed() throws Exception {
        FeatureExtraction.Result extracted;
        try (GalleryDatabase db = GalleryDatabase.open(temp.resolve("data"))) {
            extracted = extract(db);
        }
        TrainingResult result = HeadTrainer.train(extracted.data(), TrainingOptions.DEFAULTS.withEpochs(2), null,
                TrainingListener.NONE, () -> false);
        Path saved = TrainedModelWriter.write(models.resolve("h"), "H", backbone, result, null, false);
        TrainedModelWriter.deleteTree(models.resolve("base"));
        assertThatThrownBy(() -> HeadEmbedder.load(saved)).isInstanceOf(EmbeddingException.class)
                .hasMessageContaining("which is not there");
    }

    @Test
    void cancelledRunsLeaveNothingWhereModelsAreLookedFor() throws Exception {
        try (GalleryDatabase db = GalleryDatabase.open(temp.resolve("data"))) {
            // cancelled during training
            TrainingRun run = new TrainingRun(db, backbone, List.of(labels), TrainingOptions.DEFAULTS.withEpochs(50));
            assertThatThrownBy(() -> run.run(new TrainingRun.Listener() {
                @Override
                public void onEpoch(EpochStats stats) {
                    if (stats.epoch() == 5) {
                        run.cancel();
                    }
                }
            })).isInstanceOf(CancellationException.class);
            // cancelled while extracting features
            TrainingRun early = new TrainingRun(db, backbone, List.of(labels), TrainingOptions.DEFAULTS);
            early.cancel();
            assertThatThrownBy(() -> early.run(new TrainingRun.Listener() { }))
                    .isInstanceOf(CancellationException.class);
        }
        try (Stream<Path> left = Files.list(models)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactly("base");
        }
        assertThat(new ModelCatalog(models).installed()).containsExactly(models.resolve("base"));
    }
}
