package org.visualsearch.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.visualsearch.core.evaluation.EvaluationBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench-eval}: how long leave-one-out evaluation takes on synthetic galleries of given
 * sizes, next to the one-query-at-a-time search it replaced. Run it on a quiet machine (or read
 * the ratio, which both sides share).
 */
@Command(name = "bench-eval", mixinStandardHelpOptions = true,
        description = "Time leave-one-out evaluation (exact k-NN, k=5) on synthetic galleries.")
public final class EvalBenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--sizes", split = ",", defaultValue = "100,10000,100000",
            description = "Gallery sizes (default: ${DEFAULT-VALUE}).")
    List<Integer> sizes;

    @Option(names = "--dimension", defaultValue = "64", description = "Vector dimension (default: ${DEFAULT-VALUE}).")
    int dimension;

    @Option(names = "--runs", defaultValue = "3", description = "Timed runs per size (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--one-by-one", defaultValue = "2000", paramLabel = "N",
            description = "Also time N one-at-a-time searches and extrapolate to the whole gallery; 0 to skip (default: ${DEFAULT-VALUE}).")
    int oneByOne;

    @Override
    public Integer call() {
        if (runs < 1 || dimension < 1 || sizes.stream().anyMatch(s -> s < 2)) {
            throw new CliException("--runs and --dimension must be positive and every size at least 2");
        }
        var out = spec.commandLine().getOut();
        out.printf("leave-one-out evaluation, k=5, %d-d, %d cores, median of %d runs%n",
                dimension, Runtime.getRuntime().availableProcessors(), runs);
        out.printf("%9s %12s %10s %8s %16s %8s%n", "photos", "median ms", "min ms", "mP@5", "one-by-one ms", "speed-up");
        for (int size : sizes) {
            EvaluationBenchmark.Result r = EvaluationBenchmark.time(size, dimension, runs, oneByOne, 1);
            out.printf("%,9d %12.1f %10.1f %8.3f %16s %8s%n", r.size(), r.medianMs(), r.minMs(), r.meanPrecision(),
                    Double.isNaN(r.oneByOneMs()) ? "-" : String.format("%.0f", r.oneByOneMs()),
                    Double.isNaN(r.oneByOneMs()) ? "-" : String.format("%.1fx", r.oneByOneMs() / r.medianMs()));
            out.flush();
        }
        return 0;
    }
}
