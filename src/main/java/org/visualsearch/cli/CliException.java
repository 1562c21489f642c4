package org.visualsearch.cli;

import picocli.CommandLine.ExitCode;
/**
 * An expected failure of a command: the CLI prints its message as one line on stderr (no stack
 * trace) and exits with {@link #exitCode()}.
 */
public class CliException extends RuntimeException {
    private final int exitCode;

    public CliException(String message) {
        this(ExitCode.SOFTWARE, message);
    }

    public CliException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
