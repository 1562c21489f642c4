package org.visualsearch.core.store;

/**
 * A problem to record for one root folder. Size and modification time (or -1 when unknown, e.g.
 * for folders) let a later scan skip a bad file that has not changed instead of failing on it again.
 */
public record FileProblem(String path, String reason, long size, long modifiedMillis) {
}
