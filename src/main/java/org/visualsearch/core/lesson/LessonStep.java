package org.visualsearch.core.lesson;

import java.nio.file.Path;

/**
 * One step of a lesson: a query photo and what the teacher says about it.
 *
 * @param number the step's number in the file, from 1 (kept when an earlier step was dropped,
 *               so the numbers match the file the teacher wrote)
 * @param line   the line of the file where the step starts
 * @param photo  the query photo, resolved (relative to the lesson file, or in the sample gallery)
 * @param title  shown above the query; may be empty
 * @param note   shown under the query; may be empty
 * @param model  the model key to use for this step, or null to keep the current one
 * @param reveal the order in which guess-first mode uncovers the top 5
 */
public record LessonStep(int number, int line, Path photo, String title, String note, String model,
                         RevealOrder reveal) {
}
