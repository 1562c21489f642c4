package org.visualsearch.core.lesson;

import java.nio.file.Path;
import java.util.List;

/**
 * A lesson as read from its file: the steps that can be shown, and what was wrong with the rest.
 * A lesson with problems still opens; only the steps that could not be understood are missing.
 *
 * @param file     the lesson file
 * @param title    the lesson's title (the file name when it has none)
 * @param steps    the usable steps, in file order
 * @param problems everything that was wrong, by line, in file order
 */
public record Lesson(Path file, String title, List<LessonStep> steps, List<LessonProblem> problems) {

    public Lesson {
        steps = List.copyOf(steps);
        problems = List.copyOf(problems);
    }

    /** True when some step was dropped (not merely warned about). */
    public boolean hasErrors() {
        return problems.stream().anyMatch(p -> p.severity() == LessonProblem.Severity.ERROR);
    }
}
