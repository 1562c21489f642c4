package org.visualsearch.core.model;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.visualsearch.core.common.ErrorText;

/**
 * PyTorch's errors as a user can read them. A failure inside TorchScript always starts with "The
 * following operation failed in the TorchScript interpreter." and a traceback; the cause ("RuntimeError:
 * expected scalar type Byte but found Float") is on its last line.
 */
final class TorchScriptErrors {
    private static final String INTERPRETER_BOILERPLATE = "The following operation failed in the TorchScript interpreter";
    private static final Pattern PYTHON_ERROR_LINE = Pattern.compile("^[A-Za-z_.]*(Error|Exception): .*");
    private static final int MAX_LENGTH = 300;

    private TorchScriptErrors() {
    }

    /** The line of the exception (or its causes) that says what went wrong. */
    static String cause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (message != null && message.contains(INTERPRETER_BOILERPLATE)) {
                List<String> lines = message.strip().lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
                String cause = lines.get(lines.size() - 1);
                for (int i = lines.size() - 1; i > 0; i--) {
                    if (PYTHON_ERROR_LINE.matcher(lines.get(i)).matches()) {
                        cause = lines.get(i);
                        break;
                    }
                }
                return cause.length() > MAX_LENGTH ? cause.substring(0, MAX_LENGTH) + "..." : cause;
            }
        }
        return ErrorText.oneLine(e);
    }

    /**
     * A hint for a model that wants float input but was given the GUIE convention's uint8 tensor
     * (a common mistake in the challenge's own submissions), or "" when the cause is something else.
     */
    static String floatInputHint(String cause, InputSpec spec) {
        if (!(spec instanceof InputSpec.Guie)) {
            return "";
        }
        String lower = cause.toLowerCase(Locale.ROOT);
        boolean dtypeMismatch = (lower.contains("byte") || lower.contains("unsigned char") || lower.contains("uint8"))
                && lower.contains("float");
        if (!dtypeMismatch) {
            return "";
        }
        return ". This model seems to expect float input: under the GUIE convention (the default) a model is given"
                + " a uint8 tensor [1,3,H,W] of 0..255 pixels and must convert and normalise it itself (x.float() / 255);"
                + " for a model that wants prepared floats, set vss.convention=fixed with width, height and normalize"
                + " in serving.properties";
    }
}
