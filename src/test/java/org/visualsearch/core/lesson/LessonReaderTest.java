package org.visualsearch.core.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.visualsearch.core.lesson.LessonProblem.Severity;

class LessonReaderTest {
    @TempDir
    Path dir;
    Path sample;
    LessonReader reader;

    @BeforeEach
    void setUp() throws IOException {
        sample = Files.createDirectories(dir.resolve("sample-db"));
        Files.createDirectories(sample.resolve("dog"));
        Files.writeString(sample.resolve("dog/dog-15.jpg"), "not really a jpeg; the reader only resolves");
        Files.createDirectories(dir.resolve("lesson/photos"));
        Files.writeString(dir.resolve("lesson/photos/cat.jpg"), "x");
        reader = new LessonReader(sample, Set.of("default", "histogram")::contains);
    }

    private Lesson read(String text) throws IOException {
        Path file = dir.resolve("lesson/lesson.yaml");
        Files.writeString(file, text);
        return reader.read(file);
    }

    @Test
    void readsAValidLessonWithEveryKey() throws IOException {
        Lesson lesson = read("""
                title: Dogs and one mistake
                reveal: best-first
                steps:
                  - sample: dog/dog-15.jpg
                    title: A bulldog
                    note: Which come first?
                  - photo: photos/cat.jpg
                    model: histogram
                    reveal: worst-first
                """);

        assertThat(lesson.problems()).isEmpty();
        assertThat(lesson.title()).isEqualTo("Dogs and one mistake");
        assertThat(lesson.steps()).hasSize(2);
        LessonStep first = lesson.steps().get(0);
        assertThat(first.number()).isEqualTo(1);
        assertThat(first.line()).isEqualTo(4);
        assertThat(first.photo()).isEqualTo(sample.resolve("dog/dog-15.jpg"));
        assertThat(first.title()).isEqualTo("A bulldog");
        assertThat(first.note()).isEqualTo("Which come first?");
        assertThat(first.model()).isNull();
        assertThat(first.reveal()).isEqualTo(RevealOrder.BEST_FIRST);
        LessonStep second = lesson.steps().get(1);
        assertThat(second.photo()).isEqualTo(dir.resolve("lesson/photos/cat.jpg"));
        assertThat(second.model()).isEqualTo("histogram");
        assertThat(second.reveal()).isEqualTo(RevealOrder.WORST_FIRST);
        assertThat(second.title()).isEmpty();
    }

    @Test
    void aMissingPhotoDropsOnlyItsStepAndNamesTheLine() throws IOException {
        Lesson lesson = read("""
                steps:
                  - photo: photos/cat.jpg
                  - photo: photos/rex.jpg
                  - sample: dog/dog-15.jpg
                """);

        assertThat(lesson.steps()).extracting(LessonStep::number).containsExactly(1, 3);
        assertThat(lesson.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.severity()).isEqualTo(Severity.ERROR);
            assertThat(p.toString()).isEqualTo("lesson.yaml line 3: step 2: photo not found: photos/rex.jpg (looked in "
                    + dir.resolve("lesson") + ")");
        });
        assertThat(lesson.title()).isEqualTo("lesson");
    }

    @Test
    void aMissingSamplePhotoSaysHowToGetTheGallery() throws IOException {
        Lesson lesson = read("""
                steps:
                  - sample: dog/dog-99.jpg
                  - sample: ../lesson/photos/cat.jpg
                """);

        assertThat(lesson.steps()).isEmpty();
        assertThat(lesson.problems()).extracting(LessonProblem::line).containsExactly(2, 3);
        assertThat(lesson.problems().get(0).message()).contains("sample photo not found: dog/dog-99.jpg", "sample-db import");
        assertThat(lesson.problems().get(1).message()).contains("outside the sample gallery");
    }

    @Test
    void anUnknownModelDropsTheStep() throws IOException {
        Lesson lesson = read("""
                steps:
                  - photo: photos/cat.jpg
                    model: resnet-9000
                  - photo: photos/cat.jpg
                """);

        assertThat(lesson.steps()).extracting(LessonStep::number).containsExactly(2);
        assertThat(lesson.problems()).singleElement()
                .satisfies(p -> assertThat(p.toString()).startsWith("lesson.yaml line 3: step 1: unknown model 'resnet-9000'"));
    }

    @Test
    void misspeltKeysAreWarnedWithASuggestionAndTheStepStays() throws IOException {
        Lesson lesson = read("""
                titel: Typo
                steps:
                  - photo: photos/cat.jpg
                    notes: spelt wrong
                    reveal: sideways
                """);

        assertThat(lesson.steps()).hasSize(1);
        assertThat(lesson.hasErrors()).isFalse();
        assertThat(lesson.problems()).extracting(LessonProblem::toString).containsExactly(
                "lesson.yaml line 1: unknown key 'titel'; did you mean 'title'?",
                "lesson.yaml line 4: step 1: unknown key 'notes'; did you mean 'note'?",
                "lesson.yaml line 5: unknown reveal order 'sideways' (use worst-first or best-first); using worst-first");
        assertThat(lesson.problems()).allMatch(p -> p.severity() == Severity.WARNING);
    }

    @Test
    void badSyntaxNamesItsLineAndKeepsTheStepsBeforeIt() throws IOException {
        Lesson lesson = read("""
                steps:
                  - photo: photos/cat.jpg
                  - photo: [unclosed
                    title: x
                """);

        assertThat(lesson.steps()).extracting(LessonStep::number).containsExactly(1);
        assertThat(lesson.problems()).singleElement().satisfies(p -> {
            assertThat(p.severity()).isEqualTo(Severity.ERROR);
            assertThat(p.line()).isBetween(3, 5);
            assertThat(p.message()).startsWith("cannot be read: ");
        });
    }

    @Test
    void aStepWithoutPhotoOrWithBothIsAnError() throws IOException {
        Lesson lesson = read("""
                steps:
                  - title: no photo
                  - photo: photos/cat.jpg
                    sample: dog/dog-15.jpg
                  - just text
                """);

        assertThat(lesson.steps()).isEmpty();
        assertThat(lesson.problems()).extracting(LessonProblem::line).containsExactly(2, 4, 5);
        assertThat(lesson.problems().get(0).message()).contains("has no query photo");
        assertThat(lesson.problems().get(1).message()).contains("both 'photo' and 'sample'");
        assertThat(lesson.problems().get(2).message()).contains("step 3 must have keys");
    }

    @Test
    void jsonLessonsReadToo() throws IOException {
        Path file = dir.resolve("lesson/lesson.json");
        Files.writeString(file, """
                {"title": "JSON",
                 "steps": [
                   {"photo": "photos/cat.jpg", "note": "n"},
                   {"photo": "photos/none.jpg"}
                 ]}
                """);
        Lesson lesson = reader.read(file);

        assertThat(lesson.title()).isEqualTo("JSON");
        assertThat(lesson.steps()).singleElement().satisfies(s -> assertThat(s.note()).isEqualTo("n"));
        assertThat(lesson.problems()).singleElement().satisfies(p -> assertThat(p.line()).isEqualTo(4));
    }

    @Test
    void emptyMissingFolderAndNonLessonFilesAreOneClearProblem() throws IOException {
        assertThat(read("").problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).isEqualTo("the file is empty"));
        assertThat(read("- a\n- b\n").problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("not a list"));
        assertThat(read("title: only a title\n").problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("no steps"));
        assertThat(reader.read(dir.resolve("nope.yaml")).problems()).singleElement()
                .satisfies(p -> assertThat(p.toString()).isEqualTo("nope.yaml: file not found"));
        assertThat(reader.read(dir).problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("is a folder"));
        Path huge = dir.resolve("huge.yaml");
        Files.write(huge, new byte[(int) LessonReader.MAX_BYTES + 1]);
        assertThat(reader.read(huge).problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("too large"));
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void aFifoIsRefusedWithoutBeingOpened() throws Exception {
        Path fifo = dir.resolve("fifo.yaml");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertThat(mkfifo.waitFor()).isZero();

        assertThat(reader.read(fifo).problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).isEqualTo("is not a regular file"));
    }
}
