package org.visualsearch.core.common;

/** Exceptions as one line of text, for problem lists, progress lines and error messages. */
public final class ErrorText {
    /** Longest line kept; a longer message (a native stack dump, say) is cut. */
    static final int MAX_LENGTH = 300;

    private ErrorText() {
    }

    /**
     * The first line of the first non-blank message along the cause chain (wrappers often have
     * none), at most {@value #MAX_LENGTH} characters; the exception's class name when no message.
     */
    public static String oneLine(Throwable e) {
        Throwable t = e;
        String message = null;
        while (t != null && (message == null || message.isBlank())) {
            message = t.getMessage();
            t = t.getCause();
        }
        if (message == null || message.isBlank()) {
            return e.getClass().getSimpleName();
        }
        return firstLine(message);
    }

    /**
     * The exception's class name, then the first line of its own message if it has one, e.g.
     * {@code "FileSystemException: /photos/a.jpg: Input/output error"}: for I/O errors, whose
     * type says as much as their message.
     */
    public static String withType(Throwable e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : ": " + firstLine(m));
    }

    private static String firstLine(String message) {
        String line = message.strip().lines().findFirst().orElse("").strip();
        return line.length() > MAX_LENGTH ? line.substring(0, MAX_LENGTH) + "..." : line;
    }
}
