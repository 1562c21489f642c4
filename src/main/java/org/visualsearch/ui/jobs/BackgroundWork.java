package org.visualsearch.ui.jobs;

import org.visualsearch.app.ProgressSink;

/** A piece of long core work (download, import, indexing) run by {@link JobViewModel}. */
@FunctionalInterface
public interface BackgroundWork<T> {
    T run(ProgressSink progress) throws Exception;
}
