package org.visualsearch.core.model;

import java.io.IOException;
import java.nio.file.Files;
import com.sun.jna.Library;
import com.sun.jna.Native;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.visualsearch.core.AppDirectories;

/**
 * Configures Deep Java Library for this application: offline, no usage tracking, natives in the
 * per-user cache folder, PyTorch as the engine, thread counts for a small machine.
 *
 * <p><b>Every entry point calls {@link #configure()} first</b> — the CLI's and the desktop app's
 * {@code main}, and every test class that loads a model (in a {@code @BeforeAll}) — before any
 * {@code ai.djl} class is touched. DJL reads several of these settings once, in static
 * initialisers or at engine start; set later they are silently ignored, and without
 * {@code ai.djl.offline}/{@code OPT_OUT_TRACKING} DJL's engine start probes a cloud metadata
 * address over the network. This class itself never touches DJL, so calling it is always safe
 * and cheap; calls after the first do nothing.
 *
 * <p>What it sets (as system properties; DJL 0.36 reads {@code DJL_OFFLINE}, {@code
 * OPT_OUT_TRACKING}, {@code DJL_CACHE_DIR} and {@code ENGINE_CACHE_DIR} from the environment
 * first and then from system properties, so an environment variable set by the user wins):
 * <ul>
 *   <li>{@code ai.djl.offline=true} and {@code OPT_OUT_TRACKING=true}: always, overriding any
 *       {@code -D} value; the product never uses the network for models.</li>
 *   <li>{@code DJL_CACHE_DIR} and {@code ENGINE_CACHE_DIR} = {@link AppDirectories#djlCacheDir()},
 *       unless given with {@code -D}. libtorch (~430 MB) is unpacked there from the
 *       {@code pytorch-native-cpu} jar on first use (takes several seconds once).</li>
 *   <li>{@code ai.djl.default_engine=PyTorch}.</li>
 *   <li>{@code ai.djl.pytorch.num_threads} (intra-op) = {@link #threads()}: {@code -Dvss.threads}
 *       or env {@code VSS_THREADS}, else {@link #DEFAULT_THREADS};
 *       {@code ai.djl.pytorch.num_interop_threads=1} (single-image inference has nothing to run
 *       in parallel at the graph level).</li>
 *   <li>{@code ai.djl.pytorch.graph_optimizer=false} unless given with {@code -D}: the profiling
 *       graph executor re-optimises the graph during the first calls: measured with MobileNetV2,
 *       the first embedding after load took 190-330 ms with it and ~35 ms without, and the steady
 *       state (~20 ms) was the same.</li>
 *   <li>DJL's own INFO logging lowered to warnings, and its "no GPU found" warnings to errors
 *       (slf4j-simple), unless configured otherwise, so that CLI output stays clean.</li>
 * </ul>
 */
public final class DjlEnvironment {

    /**
     * Intra-op threads when nothing is configured. Measured on the shared 2-core reference
     * machine with MobileNetV2 (a 512x384 photo): 1 thread ~20 ms per embedding; 2 threads
     * 290-1000 ms as soon as anything else runs, because libtorch's OpenMP workers spin-wait for
     * a core that is busy (with {@code OMP_WAIT_POLICY=PASSIVE}, set below, that no longer
     * happens, but 2 threads still did not index faster: see README, "Speed and memory").
     */
    public static final int DEFAULT_THREADS = 1;

    private static volatile boolean configured;
    private static int threads;
    private static Path cacheDir;

    private DjlEnvironment() {
    }

    /** Configures DJL once per JVM; see the class comment. Returns the cache folder in use. */
    public static synchronized Path configure() {
        if (configured) {
            return cacheDir;
        }
        // Never the network: model loading is local, and engine start must not "call home".
        System.setProperty("ai.djl.offline", "true");
        System.setProperty("OPT_OUT_TRACKING", "true");

        String explicit = System.getProperty("DJL_CACHE_DIR");
        cacheDir = explicit != null && !explicit.isBlank()
                ? Path.of(explicit).toAbsolutePath()
                : AppDirectories.current().djlCacheDir();
        setIfAbsent("DJL_CACHE_DIR", cacheDir.toString());
        setIfAbsent("ENGINE_CACHE_DIR", cacheDir.toString());
        setIfAbsent("ai.djl.default_engine", "PyTorch");

        threads = resolveThreads();
        setIfAbsent("ai.djl.pytorch.num_threads", Integer.toString(threads));
        setIfAbsent("ai.djl.pytorch.num_interop_threads", "1");
        setIfAbsent("ai.djl.pytorch.graph_optimizer", "false");

        if (threads > 1) {
            passiveOpenMpWaiting();
        }

        setIfAbsent("org.slf4j.simpleLogger.log.ai.djl", "warn");
        // On a machine without a GPU driver DJL warns on every start that it found no GPU.
        setIfAbsent("org.slf4j.simpleLogger.log.ai.djl.util.cuda", "error");
        configured = true;
        return cacheDir;
    }

    /** Intra-op threads configured for PyTorch (valid after {@link #configure()}). */
    public static int threads() {
        configure();
        return Integer.getInteger("ai.djl.pytorch.num_threads", threads);
    }

    private static int resolveThreads() {
        String value = System.getProperty("vss.threads");
        if (value == null || value.isBlank()) {
            value = System.getenv("VSS_THREADS");
        }
        return threadCount(value, Runtime.getRuntime().availableProcessors(), System.err::println);
    }

    /**
     * The intra-op thread count for a configured value: the default when none, clamped to the
     * cores available (100,000 threads started 1,774 and never finished), with a warning when
     * the value is ignored or cut.
     */
    static int threadCount(String value, int availableCores, Consumer<String> warn) {
        int cores = Math.max(1, availableCores);
        if (value != null && !value.isBlank()) {
            try {
                int n = Integer.parseInt(value.strip());
                if (n > cores) {
                    warn.accept("Using " + cores + " threads, not " + n + " (vss.threads / VSS_THREADS): this machine"
                            + " has " + cores + (cores == 1 ? " core" : " cores"));
                    return cores;
                }
                if (n >= 1) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // fall through to the default
            }
            warn.accept("Ignoring invalid thread count '" + value + "' (vss.threads / VSS_THREADS)");
        }
        return Math.min(DEFAULT_THREADS, cores);
    }

    /** Space the PyTorch natives take once unpacked (libtorch 2.7 for the CPU, measured: ~430 MB). */
    static final long NATIVES_BYTES = 450L * 1024 * 1024;

    /**
     * Why the PyTorch engine may not have started, for a message: where its natives go, whether
     * that folder can take them, and how to choose another ({@code VSS_CACHE}).
     */
    public static String nativesHint() {
        Path dir = configure();
        Path existing = dir;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing != null && !Files.isDirectory(existing)) {
            return hint(dir).append("; ").append(existing).append(" is a file, not a folder")
                    .append(". Move it, or set VSS_CACHE to a folder with room").toString();
        }
        long free = -1;
        boolean writable = existing != null && Files.isWritable(existing);
        try {
            free = existing == null ? -1 : Files.getFileStore(existing).getUsableSpace();
        } catch (IOException | SecurityException e) {
            // unknown: said so below
        }
        return nativesHint(dir, existing == null ? dir : existing, free, writable);
    }

    /** @param existing the folder itself, or its nearest ancestor that exists (where they would be written) */
    static String nativesHint(Path dir, Path existing, long freeBytes, boolean writable) {
        StringBuilder sb = hint(dir);
        if (!writable) {
            return sb.append("; ").append(existing).append(" cannot be written")
                    .append(". Set VSS_CACHE to a folder you can write to, with room").toString();
        } else if (freeBytes >= 0 && freeBytes < NATIVES_BYTES) {
            sb.append("; only ").append(freeBytes / (1024 * 1024)).append(" MB are free");
        }
        return sb.append(". Free some space, or set VSS_CACHE to a folder with room").toString();
    }

    private static StringBuilder hint(Path dir) {
        return new StringBuilder("PyTorch's native libraries are unpacked on first start into ")
                .append(dir).append(" and need about ").append(NATIVES_BYTES / (1024 * 1024)).append(" MB there");
    }

    /** The C library's {@code setenv}, for variables native code reads from the process environment. */
    private interface CLibrary extends Library {
        int setenv(String name, String value, int overwrite);
    }

    /**
     * Makes libtorch's OpenMP workers sleep instead of spinning while they wait for work
     * ({@code OMP_WAIT_POLICY=PASSIVE}), unless the user's environment sets it. libgomp reads it
     * once, when libtorch loads, so this runs before any DJL class. Measured on the loaded 2-core
     * machine with 2 intra-op threads: spinning, indexing ran at 0.1 photos/s (each worker
     * burns its time slice waiting for a preempted partner); passive, 6.5 photos/s, against 3.4
     * with 1 thread. POSIX only; elsewhere, or without JNA's native part, it does nothing.
     */
    private static void passiveOpenMpWaiting() {
        if (System.getenv("OMP_WAIT_POLICY") != null || System.getProperty("os.name", "").startsWith("Windows")) {
            return;
        }
        try {
            Native.load("c", CLibrary.class).setenv("OMP_WAIT_POLICY", "PASSIVE", 0);
        } catch (RuntimeException | LinkageError e) {
            System.err.println("Could not set OMP_WAIT_POLICY (" + e + "); PyTorch threads may spin-wait");
        }
    }

    private static void setIfAbsent(String key, String value) {
        String current = System.getProperty(key);
        if (current == null || current.isBlank()) {
            System.setProperty(key, value);
        }
    }
}
