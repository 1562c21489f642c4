package org.visualsearch.core.model;

import ai.djl.engine.Engine;

/**
 * The one way the app starts DJL's PyTorch engine: after {@link DjlEnvironment#configure()} and,
 * once per process, {@link NativeMemoryTuning}, which must come before libtorch's first
 * allocation. That tuning loads JNA (about 35 ms), so it runs here, on whichever thread starts the
 * engine (a background thread at start-up), and not in {@code configure()} on the main thread.
 */
public final class PyTorchEngine {
    private static boolean tuned;

    private PyTorchEngine() {
    }

    /** The started engine; loads libtorch the first time (about 0.6 s). */
    public static Engine start() {
        DjlEnvironment.configure();
        synchronized (PyTorchEngine.class) {
            if (!tuned) {
                NativeMemoryTuning.apply();
                tuned = true;
            }
        }
        return Engine.getEngine("PyTorch");
    }
}
