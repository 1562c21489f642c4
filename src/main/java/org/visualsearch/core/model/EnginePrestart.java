package org.visualsearch.core.model;

import java.util.List;
import java.util.Set;

/**
 * Starts DJL's PyTorch engine (loading libtorch, a third of a second here) on a background thread
 * while a command still parses its arguments, opens the gallery database and reads its model's
 * descriptor, so that the model loads onto a running engine. Whoever loads a model later waits
 * for the same start (DJL starts an engine once) and reports its errors: this thread drops them.
 */
public final class EnginePrestart {

    /** The commands that load a TorchScript model unless told to use the histogram. */
    private static final Set<String> MODEL_COMMANDS = Set.of("index", "add", "eval", "query", "heatmap",
            "bench-embed", "compare", "train");

    private EnginePrestart() {
    }

    /**
     * Whether the command line is one that will start the engine: a model command that does not
     * ask for the histogram baseline, and not just its help.
     */
    public static boolean worthIt(List<String> args) {
        if (args.isEmpty() || !MODEL_COMMANDS.contains(args.get(0))) {
            return false;
        }
        for (int i = 1; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("-h") || a.equals("--help") || a.equals("--model=" + ModelCatalog.HISTOGRAM)
                    || (a.equals("--model") && i + 1 < args.size() && args.get(i + 1).equals(ModelCatalog.HISTOGRAM))) {
                return false;
            }
        }
        return true;
    }

    /** Starts the engine on a daemon thread (after {@link DjlEnvironment#configure()}). */
    public static void begin() {
        DjlEnvironment.configure();
        Thread starter = new Thread(() -> {
            try {
                ai.djl.engine.Engine.getEngine("PyTorch");
            } catch (RuntimeException | LinkageError e) {
                // the model's own load starts it again and says what went wrong
            }
        }, "pytorch-engine-start");
        starter.setDaemon(true);
        starter.start();
    }
}
