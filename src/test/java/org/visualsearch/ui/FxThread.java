package org.visualsearch.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.testfx.util.WaitForAsyncUtils;

/** Runs test code on the FX thread and waits for it (at most 10 s), as the UI tests need for every read of a view or view-model. */
public final class FxThread {
    private FxThread() {
    }

    /** Runs {@code action} on the FX thread and returns its result. */
    public static <T> T fx(Callable<T> action) throws Exception {
        return WaitForAsyncUtils.asyncFx(action).get(10, TimeUnit.SECONDS);
    }

    /** Runs {@code action} on the FX thread and waits for it. */
    public static void fx(Runnable action) throws Exception {
        WaitForAsyncUtils.asyncFx(action).get(10, TimeUnit.SECONDS);
    }
}
