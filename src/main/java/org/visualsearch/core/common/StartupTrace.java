package org.visualsearch.core.common;

import java.time.Duration;
import java.time.Instant;

/**
 * Where the start-up time goes, from the JVM's start: with {@code -Dvss.startupTrace=true}
 * each step (main entered, toolkit up, window shown, model loaded, gallery loaded, index up to
 * date) prints one line {@code startup +N ms: step} on stderr; with {@code =exit} the app also
 * quits once its gallery is searchable, so a benchmark can time whole starts. Off, it costs a
 * property read.
 */
public final class StartupTrace {
    private static final String MODE = System.getProperty("vss.startupTrace", "");
    private static final boolean ON = MODE.equals("true") || MODE.equals("exit");
    /**
     * When the JVM started (not the process: a wrapper such as xvfb-run forks the process, then
     * waits for its X server before it execs java).
     */
    private static final Instant PROCESS_START = ON
            ? Instant.ofEpochMilli(java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime())
            : Instant.EPOCH;

    private StartupTrace() {
    }

    public static boolean enabled() {
        return ON;
    }

    /** Whether the app should quit once the gallery is searchable ({@code -Dvss.startupTrace=exit}). */
    public static boolean exitWhenReady() {
        return MODE.equals("exit");
    }

    /** Prints the step with the milliseconds since the process started, when tracing. */
    public static void mark(String step) {
        if (ON) {
            long ms = Duration.between(PROCESS_START, Instant.now()).toMillis();
            System.err.println("startup +" + ms + " ms: " + step);
        }
    }
}
