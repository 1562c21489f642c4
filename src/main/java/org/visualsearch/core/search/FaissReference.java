package org.visualsearch.core.search;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * FAISS {@code IndexFlatL2} (exact search, the usual yardstick) timed on the same workload as
 * {@link SearchBenchmark}, in a Python child process, for {@code bench} to print beside our
 * figures. Optional: when no python3 with faiss is found, {@link #find()} is empty and the
 * benchmark runs without it. The app never needs Python.
 */
public final class FaissReference {

    /** One FAISS timing. */
    public record Timing(int size, int threads, double medianMs, double p95Ms) {
    }

    private static final String SCRIPT = "faiss_flat.py";
    private final String python;

    private FaissReference(String python) {
        this.python = python;
    }

    /**
     * A python3 that imports faiss: {@code VSS_PYTHON} when set, else Debian's
     * {@code /usr/bin/python3} (where {@code python3-faiss} installs), else {@code python3} on
     * the path.
     */
    public static Optional<FaissReference> find() {
        List<String> candidates = new ArrayList<>();
        String env = System.getenv("VSS_PYTHON");
        if (env != null && !env.isBlank()) {
            candidates.add(env);
        }
        candidates.add("/usr/bin/python3");
        candidates.add("python3");
        for (String candidate : candidates) {
            try {
                Process p = command(candidate, "-c", "import faiss").redirectErrorStream(true).start();
                p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
                if (p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0) {
                    return Optional.of(new FaissReference(candidate));
                }
                p.destroyForcibly();
            } catch (IOException e) {
                // not there: try the next
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    public String python() {
        return python;
    }

    /**
     * Times single-query top-k searches over {@code size} random unit vectors for each size and
     * thread count.
     *
     * @throws IOException when the child process fails; its output is in the message
     */
    public List<Timing> time(List<Integer> sizes, int dimension, int k, int queries, int warmup,
                             List<Integer> threads, long seed) throws IOException, InterruptedException {
        Path script = Files.createTempFile("vss-faiss-", ".py");
        try {
            try (InputStream in = FaissReference.class.getResourceAsStream(SCRIPT)) {
                if (in == null) {
                    throw new IOException("missing resource " + SCRIPT);
                }
                Files.write(script, in.readAllBytes());
            }
            Process p = command(python, script.toString(), join(sizes), Integer.toString(dimension),
                    Integer.toString(k), Integer.toString(queries), Integer.toString(warmup), join(threads),
                    Long.toString(seed)).redirectErrorStream(true).start();
            List<Timing> timings = new ArrayList<>();
            StringBuilder other = new StringBuilder();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    String[] f = line.strip().split(" ");
                    try {
                        timings.add(new Timing(Integer.parseInt(f[0]), Integer.parseInt(f[1]),
                                Double.parseDouble(f[2]), Double.parseDouble(f[3])));
                    } catch (RuntimeException e) {
                        other.append(line).append('\n');
                    }
                }
            }
            if (p.waitFor() != 0) {
                throw new IOException("FAISS benchmark (" + python + ") failed with exit code " + p.exitValue()
                        + ": " + other.toString().strip());
            }
            return timings;
        } finally {
            Files.deleteIfExists(script);
        }
    }

    private static ProcessBuilder command(String... args) {
        ProcessBuilder builder = new ProcessBuilder(args);
        // Debian's OpenBLAS tuning variables slow numpy's BLAS down on some machines: not ours to flatter.
        builder.environment().remove("OPENBLAS_CORETYPE");
        builder.environment().remove("OPENBLAS_L2_SIZE");
        return builder;
    }

    private static String join(List<Integer> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
}
