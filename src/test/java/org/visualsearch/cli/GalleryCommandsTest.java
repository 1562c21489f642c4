package org.visualsearch.cli;

import static org.visualsearch.cli.CliFixture.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.visualsearch.core.gallery.CountingEmbedder;
import org.visualsearch.core.gallery.IndexListener;
import org.visualsearch.core.gallery.Indexer;
import org.visualsearch.core.gallery.TestImages;
import org.visualsearch.core.model.EmbeddingException;
import org.visualsearch.core.model.ImageEmbedder;
import org.visualsearch.core.model.ModelInfo;
import org.visualsearch.core.model.ColorHistogramEmbedder;
import org.visualsearch.core.store.GalleryDatabase;
import org.visualsearch.cli.CliFixture.Result;

class GalleryCommandsTest {

    @TempDir
    Path temp;

    private Path photos() throws IOException {
        Path photos = temp.resolve("photos");
        TestImages.write(photos.resolve("dog/1.jpg"), 1);
        TestImages.write(photos.resolve("dog/2.jpg"), 2);
        TestImages.write(photos.resolve("car/3.png"), 3);
        Files.writeString(photos.resolve("car/broken.jpg"), "not an image");
        return photos;
    }

    @Test
    void addListProblemsRemove() throws IOException {
        Path photos = photos();
        String data = temp.resolve("data").toString();

        Result add = run(new AddCommand(), "--data", data, "--model", "histogram", photos.toString());
        assertThat(add.exit()).as(add.err()).isZero();
        // counted like list: 3 photos indexed, the broken file is a problem, not a photo
        assertThat(add.out()).contains("added " + photos + ": 3 photos (3 newly indexed, 3 embedded, 0 already indexed)")
                .contains("1 problem (see the problems command)");

        Result list = run(new ListCommand(), "--data", data);
        assertThat(list.exit()).isZero();
        assertThat(list.out()).contains(photos + "\t3 photos")
                .contains("model Colour histogram (baseline), 64-d: 3 of 3 photos embedded, 1 problem")
                .doesNotContain("color-histogram-4x4x4-v1");

        Result problems = run(new ProblemsCommand(), "--data", data);
        assertThat(problems.exit()).isZero();
        assertThat(problems.out().strip()).startsWith(photos.resolve("car/broken.jpg") + "\t")
                .contains("not an image").doesNotContain("\n");

        Result again = run(new AddCommand(), "--data", data, "--model", "histogram", photos.toString());
        assertThat(again.out()).contains("3 photos (0 newly indexed, 0 embedded, 3 already indexed)");

        try (GalleryDatabase db = GalleryDatabase.open(temp.resolve("data"))) {
            assertThat(db.loadGallery(new ColorHistogramEmbedder().info()).size()).isEqualTo(3);
        }

        Result remove = run(new RemoveCommand(), "--data", data, photos.toString());
        assertThat(remove.exit()).isZero();
        assertThat(run(new ListCommand(), "--data", data).out()).startsWith("no folders");
        assertThat(run(new ProblemsCommand(), "--data", data).out()).isEqualTo("no problems" + System.lineSeparator());
    }

    @Test
    void listCountsEachModelsOwnProblemsAndProblemsListsEveryModelsNamed() throws IOException {
        Path photos = photos();
        TestImages.write(photos.resolve("car/square.png"), 5, 30, 30);
        String data = temp.resolve("data").toString();
        assertThat(run(new AddCommand(), "--data", data, "--model", "histogram", photos.toString()).exit()).isZero();
        try (GalleryDatabase db = GalleryDatabase.open(temp.resolve("data"))) {
            ImageEmbedder picky = new CountingEmbedder(new ColorHistogramEmbedder(), new ModelInfo("picky-v1", "Picky", 64)) {
                @Override
                public float[] embed(BufferedImage image) throws EmbeddingException {
                    if (image.getWidth() == image.getHeight()) {
                        throw new EmbeddingException("output is NaN");
                    }
                    return super.embed(image);
                }
            };
            new Indexer(db, picky).indexUserFolders(IndexListener.NONE);
        }

        String list = run(new ListCommand(), "--data", data).out();
        assertThat(list).contains("model Colour histogram (baseline), 64-d: 4 of 4 photos embedded, 1 problem")
                .contains("model Picky, 64-d: 3 of 4 photos embedded, 2 problems");
        assertThat(run(new ProblemsCommand(), "--data", data).out().strip().split("\n")).containsExactly(
                photos.resolve("car/broken.jpg") + "\tnot an image in a supported format",
                photos.resolve("car/square.png") + "\tmodel Picky failed: output is NaN");
    }

    @Test
    void addIndexesWithAnyModelOfTheCatalog() throws IOException {
        Path photos = photos();
        String data = temp.resolve("data").toString();
        String tiny = CliFixture.TINY_MODEL;

        Result add = run(new AddCommand(), "--data", data, "--model", tiny, photos.toString());

        assertThat(add.exit()).as(add.err()).isZero();
        assertThat(add.out()).contains("3 newly indexed, 3 embedded");
        assertThat(run(new ListCommand(), "--data", data).out()).containsPattern("model [^\\n]+, \\d+-d: 3 of 3");
    }

    @Test
    void failuresExitNonZeroWithOneLineOnStderr() throws IOException {
        Path photos = photos();
        String data = temp.resolve("data").toString();

        Result missing = run(new AddCommand(), "--data", data, "--model", "histogram", temp.resolve("nope").toString());
        Result unknownModel = run(new AddCommand(), "--data", data, "--model", "models/big", photos.toString());
        Result notAdded = run(new RemoveCommand(), "--data", data, photos.toString());
        run(new AddCommand(), "--data", data, "--model", "histogram", "--no-index", photos.toString());
        Result nested = run(new AddCommand(), "--data", data, "--model", "histogram", photos.resolve("dog").toString());

        for (Result r : new Result[] {missing, unknownModel, notAdded, nested}) {
            assertThat(r.exit()).isEqualTo(1);
            assertThat(r.err()).endsWith(System.lineSeparator()).satisfies(e -> assertThat(e.strip()).doesNotContain("\n"));
        }
        assertThat(missing.err()).startsWith("add: not a folder");
        assertThat(unknownModel.err()).contains("model 'models/big' not found");
        assertThat(notAdded.err()).startsWith("remove: not a folder of the gallery");
        assertThat(nested.err()).contains("overlaps the folder already added");
        assertThat(run(new ListCommand(), "--data", data).out()).contains(photos + "\t0 photos");
    }

    @Test
    void dataFolderComesFromTheOptionElseVssDataElseTheAppDataFolder() {
        DataFolderOption option = new DataFolderOption();
        option.env = Map.of("VSS_DATA", "/tmp/classroom-db");
        assertThat(option.resolve()).isEqualTo(Path.of("/tmp/classroom-db"));
        option.data = Path.of("/tmp/explicit");
        assertThat(option.resolve()).isEqualTo(Path.of("/tmp/explicit"));
        DataFolderOption fallback = new DataFolderOption();
        fallback.env = Map.of();
        assertThat(fallback.resolve().toString()).containsIgnoringCase("visual");
    }
}
