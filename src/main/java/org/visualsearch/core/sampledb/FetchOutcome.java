package org.visualsearch.core.sampledb;

/**
 * How fetching one photo ended: done, cancelled, or failed with its message (and, when the host
 * should be skipped for the rest of the run, the short reason the skipped photos repeat).
 */
record FetchOutcome(String failure, boolean hostUnreachable, String shortReason, boolean cancelled) {
    static final FetchOutcome OK = new FetchOutcome(null, false, null, false);
    static final FetchOutcome CANCELLED = new FetchOutcome(null, false, null, true);

    static FetchOutcome failure(String message, boolean hostUnreachable) {
        return new FetchOutcome(message, hostUnreachable, null, false);
    }

    static FetchOutcome failure(String message, boolean hostUnreachable, String shortReason) {
        return new FetchOutcome(message, hostUnreachable, shortReason, false);
    }
}
