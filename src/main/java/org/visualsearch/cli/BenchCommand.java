package org.visualsearch.cli;

import picocli.CommandLine.ExitCode;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import org.visualsearch.core.search.SearchBenchmark;
import org.visualsearch.core.search.SearchBenchmark.Mode;
import org.visualsearch.core.search.VectorIndex;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bench}: exact-search timings on synthetic random unit vectors. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Time exact k-NN search (one thread) over synthetic random unit vectors: median and p95 "
                + "milliseconds per query, queries per second, and the memory the vectors take.")
final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--sizes", split = ",", paramLabel = "N", defaultValue = "1000,10000,100000",
            description = "Gallery sizes (default: ${DEFAULT-VALUE}).")
    List<Integer> sizes;

    @Option(names = "--dim", paramLabel = "D", defaultValue = "64", description = "Vector dimension (default: ${DEFAULT-VALUE}).")
    int dimension;

    @Option(names = "-k", paramLabel = "K", defaultValue = "5", description = "k of the top-k search (default: ${DEFAULT-VALUE}).")
    int k;

    @Option(names = "--queries", paramLabel = "Q", defaultValue = "200",
            description = "Timed queries per size and mode (default: ${DEFAULT-VALUE}).")
    int queries;

    @Option(names = "--warmup", paramLabel = "W", defaultValue = "50",
            description = "Untimed warm-up queries per size and mode (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() {
        if (dimension <= 0 || k <= 0 || queries <= 0 || warmup < 0 || sizes.stream().anyMatch(s -> s <= 0)) {
            throw new CliException(ExitCode.USAGE,
                    "sizes, --dim, -k and --queries must be positive, --warmup not negative");
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "Exact search, %d-d random unit vectors, %d timed queries after %d warm-up, one thread%n",
                dimension, queries, warmup);
        out.printf(Locale.ROOT, "%10s %10s %-9s %10s %10s %12s%n", "vectors", "vector MB", "mode", "median ms", "p95 ms", "queries/s");
        Random random = new Random(seed);
        for (int size : sizes) {
            VectorIndex index = VectorIndex.wrap(dimension, SearchBenchmark.randomUnitVectors(size, dimension, random));
            for (Mode mode : Mode.values()) {
                SearchBenchmark.Result r = SearchBenchmark.time(index, mode, k, queries, warmup, random);
                out.printf(Locale.ROOT, "%,10d %10.2f %-9s %10.3f %10.3f %,12.0f%n", r.size(), r.vectorBytes() / 1e6,
                        mode == Mode.TOP_K ? "k=" + k : "rank-all", r.medianMs(), r.p95Ms(), r.queriesPerSecond());
                out.flush();
            }
        }
        return ExitCode.OK;
    }
}
