package org.visualsearch.core.model;

import java.util.concurrent.CompletableFuture;
import org.visualsearch.core.common.LoadedCodePages;

/**
 * When the process lets go of libtorch's code that only its start used ({@link LoadedCodePages}).
 * Loading the engine registers its operators from all over the library, and a model's first calls
 * run TorchScript's profiling and graph optimiser; neither is needed again. So the pages are
 * released once a model has loaded and again after its first few calls: of about 70 MB of
 * libtorch's code counted in a run's memory, about 19 MB is mapped back by the calls that follow.
 * A release reads the process's memory map (10 to 25 ms of CPU), so it runs on a thread of its
 * own, off the model's path.
 */
final class EngineCodePages {
    static final String LIBRARY = "libtorch_cpu.so";
    /** Calls after which a model's graph is optimised and its steady calls begin (measured: 4 on). */
    static final int WARM_CALLS = 8;

    private static volatile CompletableFuture<Long> last = CompletableFuture.completedFuture(-1L);

    private EngineCodePages() {
    }

    static void afterLoad() {
        release();
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
