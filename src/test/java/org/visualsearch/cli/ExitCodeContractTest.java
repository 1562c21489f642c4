package org.visualsearch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.visualsearch.core.store.GalleryDatabase;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import org.visualsearch.cli.CliFixture.Result;

/**
 * The README's promise for every database command: an expected failure is one line on stderr with
 * exit code 1 (or the {@link CliException}'s own code); an unexpected exception is a bug: its
 * stack trace and exit code 70.
 */
class ExitCodeContractTest {
    @TempDir
    Path data;

    @Command(name = "bug")
    static final class Bug extends DatabaseCommand {
        @Override
        int run(GalleryDatabase db) {
            throw new IllegalStateException("an unexpected state");
        }
    }

    @Command(name = "refused")
    static final class Refused extends DatabaseCommand {
        @Override
        int run(GalleryDatabase db) {
            throw new CliException(ExitCode.USAGE, "refused for a reason\nover two lines");
        }
    }

    private Result run(Object command, String name) {
        return CliFixture.run(VisualSearchCli.commandLine().addSubcommand(name, command), name, "--data", data.toString());
    }

    @Test
    void anUnexpectedExceptionIsABugWithItsStackTraceAndExit70() {
        Result r = run(new Bug(), "bug");
        assertThat(r.exit()).isEqualTo(VisualSearchCli.BUG).isEqualTo(70);
        assertThat(r.err()).contains("internal error", "an unexpected state", "at org.visualsearch.cli.ExitCodeContractTest");
    }

    @Test
    void anExpectedFailureIsOneLineWithItsOwnExitCode() {
        Result r = run(new Refused(), "refused");
        assertThat(r.exit()).isEqualTo(ExitCode.USAGE);
        // the same prefix as the root's own messages: "visual-search COMMAND: ..."
        assertThat(r.err().strip()).isEqualTo("visual-search refused: refused for a reason over two lines");
    }
}
