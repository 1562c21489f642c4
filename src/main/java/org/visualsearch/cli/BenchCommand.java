package org.visualsearch.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Callable;
import org.visualsearch.core.search.FaissReference;
import org.visualsearch.core.search.SearchBenchmark;
import org.visualsearch.core.search.SearchBenchmark.Mode;
import org.visualsearch.core.search.VectorIndex;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bench}: exact-search timings on synthetic random unit vectors, beside FAISS when it is installed. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Time exact k-NN search over synthetic random unit vectors, on one thread and on all cores: "
                + "median and p95 milliseconds per query, queries per second, and the memory the vectors take; "
                + "beside FAISS IndexFlatL2 single-query times when python3 has faiss (Debian: python3-faiss).")
final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--sizes", split = ",", paramLabel = "N[,N...]", defaultValue = "1000,10000,100000,1000000",
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

    @Option(names = "--threads", split = ",", paramLabel = "T[,T...]",
            description = "Thread counts to time (default: 1 and all cores).")
    List<Integer> threads;

    @Option(names = "--no-faiss", description = "Do not time FAISS even when it is installed.")
    boolean noFaiss;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() {
        List<Integer> threadCounts = threads != null ? threads : defaultThreads();
        if (dimension <= 0 || k <= 0 || queries <= 0 || warmup < 0 || sizes.stream().anyMatch(s -> s <= 0)
                || threadCounts.stream().anyMatch(t -> t <= 0)) {
            throw new CliException(ExitCode.USAGE,
                    "sizes, --dim, -k, --queries and --threads must be positive, --warmup not negative");
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "Exact search, %d-d random unit vectors, %d timed queries after %d warm-up, %d cores%n",
                dimension, queries, warmup, Runtime.getRuntime().availableProcessors());
        out.printf(Locale.ROOT, "%10s %10s %-9s %7s %10s %10s %12s%n",
                "vectors", "vector MB", "mode", "threads", "median ms", "p95 ms", "queries/s");
        Random random = new Random(seed);
        Optional<FaissReference> faiss = noFaiss ? Optional.empty() : FaissReference.find();
        List<String> faissLines = new ArrayList<>();
        for (int size : sizes) {
            VectorIndex index = VectorIndex.wrap(dimension, SearchBenchmark.randomUnitVectors(size, dimension, random));
            List<SearchBenchmark.Result> topK = new ArrayList<>();
            for (Mode mode : Mode.values()) {
                for (int t : threadCounts) {
                    SearchBenchmark.Result r = SearchBenchmark.time(index.withParallelism(t), mode, k, queries, warmup, random);
                    if (mode == Mode.TOP_K) {
                        topK.add(r);
                    }
                    out.printf(Locale.ROOT, "%,10d %10.2f %-9s %7d %10.3f %10.3f %,12.0f%n", r.size(),
                            r.vectorBytes() / 1e6, mode.label(k), t, r.medianMs(), r.p95Ms(), r.queriesPerSecond());
                    out.flush();
                }
            }
            // FAISS right after ours, size by size, so both see about the same machine load.
            faiss.ifPresent(f -> faissLines.addAll(timeFaiss(f, size, threadCounts, topK)));
        }
        if (noFaiss) {
            return ExitCode.OK;
        }
        if (faiss.isEmpty()) {
            out.println("FAISS: not timed (no python3 with faiss; Debian: apt install python3-faiss)");
        } else {
            out.printf(Locale.ROOT, "FAISS IndexFlatL2 (%s), same workload, one query per call, k=%d, timed right after ours:%n",
                    faiss.get().python(), k);
            out.printf(Locale.ROOT, "%10s %7s %14s %14s %12s%n", "vectors", "threads", "FAISS median", "ours median", "ours/FAISS");
            faissLines.forEach(out::println);
        }
        return ExitCode.OK;
    }

    private List<String> timeFaiss(FaissReference faiss, int size, List<Integer> threadCounts,
                                   List<SearchBenchmark.Result> ours) {
        List<String> lines = new ArrayList<>();
        try {
            for (FaissReference.Timing f : faiss.time(List.of(size), dimension, k, queries, warmup, threadCounts, seed)) {
                double mine = ours.stream().filter(r -> r.threads() == f.threads())
                        .mapToDouble(SearchBenchmark.Result::medianMs).findFirst().orElse(Double.NaN);
                lines.add(String.format(Locale.ROOT, "%,10d %7d %11.3f ms %11.3f ms %12.2f", f.size(), f.threads(),
                        f.medianMs(), mine, mine / f.medianMs()));
            }
        } catch (IOException e) {
            lines.add(String.format(Locale.ROOT, "%,10d FAISS not timed (%s)", size, e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            lines.add("FAISS: interrupted");
        }
        return lines;
    }

    private static List<Integer> defaultThreads() {
        int cores = Runtime.getRuntime().availableProcessors();
        return cores > 1 ? List.of(1, cores) : List.of(1);
    }
}
