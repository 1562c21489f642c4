package org.visualsearch.core.gallery;

import java.time.Duration;
import java.util.List;
import org.visualsearch.core.store.Problem;

/**
 * What an indexing run did.
 *
 * @param found     photos found by the scan
 * @param upToDate  photos already indexed for the model and unchanged: not touched (known bad
 *                  files that did not change are in neither this nor {@code indexed})
 * @param indexed   photos whose entry was written in this run
 * @param embedded  vectors computed in this run (fewer than indexed when content repeats or
 *                  another path already had it)
 * @param removed   entries removed because their files are gone
 * @param problems  the problems now recorded for the indexed folders as the run's model sees
 *                  them: file-level ones and the model's own (this run's and unchanged bad files
 *                  from before), not other models' failures
 * @param cancelled whether the run was cancelled before the end
 * @param elapsed   wall time of the run
 */
public record IndexReport(int found, int upToDate, int indexed, int embedded, int removed,
                          List<Problem> problems, boolean cancelled, Duration elapsed) {
    public IndexReport {
        problems = List.copyOf(problems);
    }
}
