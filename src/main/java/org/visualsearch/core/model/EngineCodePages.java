package org.visualsearch.core.model;

import java.util.concurrent.CompletableFuture;
import org.visualsearch.core.common.LoadedCodePages;

/**
 * When the process lets go of libtorch's code that only its start used ({@link LoadedCodePages}).
 * Loading the engine registers its operators from all over the library, and a model's first calls
 * run TorchScript's profiling and graph optimiser; neither is needed again. So the pages are
 * released after a model's first few calls: about 60 MB of libtorch's code, of which the calls
 * that follow map about 19 MB back. A release reads the process's memory map (10 to 25 ms of CPU),
 * so it runs on a thread of its own, off the model's path. Not at load: in the window that thread
 * competed with building the window (the full window painted about 60 ms later).
 */
final class EngineCodePages {
    static final String LIBRARY = "libtorch_cpu.so";
    /** Calls after which a model's graph is optimised and its steady calls begin (measured: 4 on). */
    static final int WARM_CALLS = 8;

    private static volatile CompletableFuture<Long> last = CompletableFuture.completedFuture(-1L);

    private EngineCodePages() {
    }

    /** After a model's {@code call}-th call. */
    static void afterCall(int call) {
        if (call == WARM_CALLS) {
            release();
        }
    }

    /** The latest release: the KiB it let go, or -1 where it could not be done. */
    static CompletableFuture<Long> lastRelease() {
        return last;
    }

    private static void release() {
        last = CompletableFuture.supplyAsync(() -> LoadedCodePages.release(LIBRARY), task -> {
            Thread thread = new Thread(task, "vss-code-pages");
            thread.setDaemon(true);
            thread.setPriority(Thread.NORM_PRIORITY - 1);
            thread.start();
        });
    }
}
