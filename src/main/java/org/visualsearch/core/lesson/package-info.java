/**
 * Classroom lessons: a small YAML or JSON file listing query steps (photo, title, note, model),
 * read with every problem reported by line, and the show-of-hands tally of guess-first mode.
 * No JavaFX: the classroom views follow these values.
 */
package org.visualsearch.core.lesson;
