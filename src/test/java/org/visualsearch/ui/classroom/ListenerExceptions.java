package org.visualsearch.ui.classroom;

import java.util.ArrayList;
import java.util.List;

/**
 * What listeners threw while an action ran on this thread. A JavaFX property hands a listener's
 * exception to the thread's uncaught-exception handler instead of its caller, so a test that
 * only calls {@code set} would never see it.
 */
final class ListenerExceptions {
    private ListenerExceptions() {
    }

    static List<Throwable> during(Runnable action) {
        List<Throwable> thrown = new ArrayList<>();
        Thread thread = Thread.currentThread();
        Thread.UncaughtExceptionHandler before = thread.getUncaughtExceptionHandler();
        thread.setUncaughtExceptionHandler((t, e) -> thrown.add(e));
        try {
            action.run();
        } finally {
            thread.setUncaughtExceptionHandler(before);
        }
        return thrown;
    }
}
