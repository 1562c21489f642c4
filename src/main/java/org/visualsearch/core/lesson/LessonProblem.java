package org.visualsearch.core.lesson;

import java.nio.file.Path;

/**
 * Something wrong in a lesson file, where it is and how bad.
 *
 * @param file     the lesson file
 * @param line     the line (from 1), or 0 when the problem has no place (e.g. an unreadable file)
 * @param severity ERROR: the step (or the whole file) cannot be used; WARNING: it can
 * @param message  what is wrong, as a sentence fragment ("photo not found: dogs/rex.jpg")
 */
public record LessonProblem(Path file, int line, Severity severity, String message) {

    public enum Severity { ERROR, WARNING }

    /** "lesson.yaml line 7: photo not found: dogs/rex.jpg", the one line shown to the teacher. */
    @Override
    public String toString() {
        String where = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        return line > 0 ? where + " line " + line + ": " + message : where + ": " + message;
    }
}
