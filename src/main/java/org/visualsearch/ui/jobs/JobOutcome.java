package org.visualsearch.ui.jobs;

import java.util.List;

/**
 * How a job ended, as a value: callers switch on it instead of reading the job bar's text.
 *
 * @param <T> what the work returns
 */
public sealed interface JobOutcome<T> {

    /** The work finished; {@code warnings} are what it reported through {@code ProgressSink.warn}. */
    record Done<T>(T value, List<String> warnings) implements JobOutcome<T> {
        public Done {
            warnings = List.copyOf(warnings);
        }
    }

    /** The user cancelled it (what the work committed before it stopped stays). */
    record Cancelled<T>() implements JobOutcome<T> {
    }

    /** It failed; {@code message} is one sentence for the window, naming the job. */
    record Failed<T>(String message, Throwable error) implements JobOutcome<T> {
    }
}
