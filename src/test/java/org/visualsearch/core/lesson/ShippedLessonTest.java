package org.visualsearch.core.lesson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.visualsearch.core.image.ImageLoader;
import org.visualsearch.core.model.ColorHistogramEmbedder;
import org.visualsearch.core.model.ImageEmbedder;
import org.visualsearch.core.model.TorchScriptEmbedder;
import org.visualsearch.core.search.VectorIndex;

/**
 * The shipped lesson's notes are true of what the class sees: each step's query, searched in the
 * real sample photos (the team's {@code ../shared/sample-photos-v2}, as CI has it; skipped where
 * they are absent) with the step's model, left out of its own top 5 as the window does.
 */
class ShippedLessonTest {
    static final Path LESSON = Path.of("sample-db", "lessons", "dogs-food-and-a-mistake.yaml");
    static Path samples;
    static List<Path> photos;

    @BeforeAll
    static void findPhotos() throws Exception {
        samples = Stream.of(Path.of("..", "shared", "sample-photos-v2"), Path.of("..", "..", "shared", "sample-photos-v2"))
                .filter(p -> Files.isRegularFile(p.resolve("dog").resolve("dog-15.jpg"))).findFirst()
                .map(p -> p.toAbsolutePath().normalize()).orElse(null);
        assumeTrue(samples != null, "the sample photos (../shared/sample-photos-v2) are not here");
        assumeTrue(Files.isRegularFile(Path.of("models", "default", "model.pt")), "no default model");
        try (Stream<Path> walk = Files.walk(samples)) {
            photos = walk.filter(p -> p.toString().endsWith(".jpg")).sorted().toList();
        }
    }

    @Test
    void everyNoteSaysWhatTheModelShows() throws Exception {
        Lesson lesson = new LessonReader(samples, Set.of("default", "histogram")::contains).read(LESSON);
        assertThat(lesson.problems()).isEmpty();
        assertThat(lesson.steps()).hasSize(4);
        List<String> defaultTop;
        try (TorchScriptEmbedder model = TorchScriptEmbedder.load(Path.of("models", "default"))) {
            Gallery gallery = Gallery.embed(model, photos);
            // 1: all five are dogs (and the 19 nearest), the nearest a corgi, not the French bulldog
            defaultTop = gallery.topOf(lesson.steps().get(0).photo(), 19);
            assertThat(defaultTop).allMatch(p -> p.startsWith("dog/"));
            assertThat(defaultTop.get(0)).isEqualTo("dog/dog-01.jpg"); // the corgi
            assertThat(defaultTop.subList(0, 5)).doesNotContain("dog/dog-19.jpg");
            // 2: no vehicle among the cyclists' top 5; #1 and #5 are food photos
            List<String> cyclists = gallery.topOf(lesson.steps().get(1).photo(), 5);
            assertThat(cyclists).noneMatch(p -> p.startsWith("vehicle/"));
            assertThat(cyclists.get(0)).startsWith("food/");
            assertThat(cyclists.get(4)).startsWith("food/");
            // 3: the Great Wall's top 5 are all vehicles
            assertThat(gallery.topOf(lesson.steps().get(2).photo(), 5)).allMatch(p -> p.startsWith("vehicle/"));
        }
        // steps 1 to 3 switch back to the default model (the app remembers step 4's baseline)
        assertThat(lesson.steps().subList(0, 3)).allMatch(step -> "default".equals(step.model()));
        LessonStep baseline = lesson.steps().get(3);
        assertThat(baseline.model()).isEqualTo("histogram");
        assertThat(baseline.photo()).isEqualTo(lesson.steps().get(0).photo());
        // 4: under the colour histogram only two of the top 5 are dogs
        List<String> histogramTop = Gallery.embed(new ColorHistogramEmbedder(), photos).topOf(baseline.photo(), 5);
        assertThat(histogramTop.stream().filter(p -> p.startsWith("dog/")).count()).as("%s", histogramTop).isEqualTo(2);
        assertThat(lesson.steps().get(0).note()).contains("19 nearest").contains("corgi");
        assertThat(lesson.steps().get(1).note()).contains("#1 and #5 are").contains("food");
        assertThat(lesson.steps().get(2).note()).contains("all five are vehicles");
        assertThat(baseline.note()).contains("Only two of its top 5 are dogs");
    }

    /** The sample photos embedded with one model, searched with the query left out. */
    private record Gallery(List<Path> files, VectorIndex index) {
        static Gallery embed(ImageEmbedder model, List<Path> files) throws Exception {
            ImageLoader loader = new ImageLoader(model.maxSide());
            List<float[]> vectors = new ArrayList<>();
            for (Path file : files) {
                vectors.add(model.embed(loader.load(file)));
            }
            return new Gallery(files, VectorIndex.of(model.info().dimension(), vectors));
        }

        /** The {@code k} nearest photos to gallery photo {@code query} but itself, as "category/file". */
        List<String> topOf(Path query, int k) {
            int self = files.indexOf(query);
            assertThat(self).as("%s is a sample photo", query).isNotNegative();
            return index.nearest(index.vector(self), k, self).stream()
                    .map(n -> samples.relativize(files.get(n.index())).toString().replace('\\', '/')).toList();
        }
    }
}
