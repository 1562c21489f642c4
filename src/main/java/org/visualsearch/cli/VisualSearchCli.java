package org.visualsearch.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.List;
import org.visualsearch.core.common.ErrorText;
import org.visualsearch.core.model.DjlEnvironment;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The command-line root: {@code visual-search <command> ...} (what {@code java -jar
 * visual-search.jar} runs when given arguments).
 *
 * <h2>Adding a subcommand</h2>
 * Write a picocli {@code @Command} class implementing {@code Callable<Integer>} (return a
 * picocli {@link ExitCode}) and add its class to {@link #SUBCOMMANDS} below: one line. Inside it, print
 * through {@code spec.commandLine().getOut()/getErr()} (inject {@code @Spec CommandSpec spec}) so
 * tests can capture the output, and report an expected failure by throwing {@link CliException}
 * (or letting an {@link IOException} through): the root prints its message as one line on stderr,
 * without a stack trace, and exits non-zero.
 */
@Command(name = "visual-search",
        mixinStandardHelpOptions = true,
        versionProvider = VisualSearchCli.Version.class,
        description = "Visual Search Simulator: embed photos, search a gallery by Euclidean distance "
                + "and score it like the Google Universal Image Embedding challenge (mP@5).%n"
                + "Without arguments, the desktop app starts.",
        synopsisSubcommandLabel = "COMMAND")
public final class VisualSearchCli implements Runnable {

    /** The commands, in the order the help lists them. */
    private static final List<Class<?>> SUBCOMMANDS = List.of(
            SampleDbCommand.class,
            IndexCommand.class,
            QueryCommand.class,
            EvalCommand.class,
            EvalBenchCommand.class,
            TrainBenchCommand.class,
            CompareCommand.class,
            MapCommand.class,
            HeatmapCommand.class,
            TrainCommand.class,
            AddCommand.class,
            RemoveCommand.class,
            ListCommand.class,
            ProblemsCommand.class,
            BenchCommand.class,
            EmbedBenchCommand.class,
            GenerateSyntheticCommand.class,
            CommandLine.HelpCommand.class);

    // Exit codes: picocli's ExitCode.OK (0), ExitCode.SOFTWARE (1: the command ran but could not do
    // what was asked, reason on stderr), ExitCode.USAGE (2: bad command line), and these two.

    /** A bug: an unexpected exception (its stack trace on stderr). */
    public static final int BUG = 70;
    /** Interrupted with Ctrl-C after saving what was done. */
    public static final int INTERRUPTED = 130;

    @Spec
    CommandSpec spec;

    /** Runs the CLI on the process's stdout/stderr and returns the exit code. */
    public static int run(String... args) {
        Charset cs = Charset.defaultCharset();
        return run(new PrintWriter(System.out, true, cs), new PrintWriter(System.err, true, cs), args);
    }

    /** Runs the CLI writing to the given streams (tests capture them); returns the exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        DjlEnvironment.configure(); // idempotent; commands may load models, and DJL must start offline
        CommandLine cli = commandLine(args.length > 0 ? args[0] : null);
        cli.setOut(out);
        cli.setErr(err);
        try {
            return cli.execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** The configured command tree (for tests and for embedding). */
    public static CommandLine commandLine() {
        return commandLine(null);
    }

    /**
     * The command tree for a command line starting with {@code first}: only that command when it
     * names one (picocli reflects over every command it is given, about 0.1 s of each start for
     * all of them), else all of them (the help, and the suggestions for a mistyped name, need all).
     */
    static CommandLine commandLine(String first) {
        CommandLine cli = new CommandLine(new VisualSearchCli());
        Class<?> named = SUBCOMMANDS.stream()
                .filter(c -> c != CommandLine.HelpCommand.class && names(c).contains(first))
                .findFirst().orElse(null);
        for (Class<?> command : SUBCOMMANDS) {
            if (named == null || command == named) {
                cli.addSubcommand(command);
            }
        }
        return cli.setExecutionExceptionHandler(VisualSearchCli::handleExecutionException)
                .setParameterExceptionHandler(VisualSearchCli::handleParameterException);
    }

    private static List<String> names(Class<?> command) {
        Command annotation = command.getAnnotation(Command.class);
        List<String> names = new java.util.ArrayList<>(List.of(annotation.aliases()));
        names.add(annotation.name());
        return names;
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing a command");
    }

    /** Expected failures: one line, no stack trace. Anything else is a bug and shows its trace. */
    private static int handleExecutionException(Exception ex, CommandLine cmd, CommandLine.ParseResult parsed) {
        PrintWriter err = cmd.getErr();
        String name = cmd.getCommandSpec().qualifiedName();
        if (ex instanceof CliException c) {
            err.println(name + ": " + c.getMessage());
            return c.exitCode();
        }
        if (ex instanceof IOException || ex instanceof UncheckedIOException) {
            Throwable io = ex instanceof UncheckedIOException u ? u.getCause() : ex;
            err.println(name + ": " + describe(io));
            return ExitCode.SOFTWARE;
        }
        err.println(name + ": internal error: " + ex);
        ex.printStackTrace(err);
        return BUG;
    }

    /** Bad command line: the reason and where to get help, on one line. */
    private static int handleParameterException(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        String name = cmd.getCommandSpec().qualifiedName();
        cmd.getErr().println(name + ": " + ex.getMessage() + " (see '" + name + " --help')");
        return ExitCode.USAGE;
    }

    /** A one-line description of an I/O failure: NoSuchFileException's message is just the path. */
    static String describe(Throwable io) {
        String what = switch (io.getClass().getSimpleName()) {
            case "NoSuchFileException" -> "no such file or folder";
            case "AccessDeniedException" -> "permission denied";
            case "FileAlreadyExistsException" -> "already exists";
            case "NotDirectoryException" -> "not a folder";
            case "DirectoryNotEmptyException" -> "folder not empty";
            default -> null;
        };
        String m = ErrorText.oneLine(io);
        return what == null ? m : m + ": " + what;
    }

    /** The version from the jar's manifest, or "development build" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = VisualSearchCli.class.getPackage().getImplementationVersion();
            return new String[] {"Visual Search Simulator " + (v == null ? "(development build)" : v),
                    "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
        }
    }
}
