package org.visualsearch.ui;

import java.util.Objects;
import java.util.concurrent.Callable;

/**
 * Start-up could not give the requested services but can offer a way out, e.g. "the model could
 * not be loaded; use the colour-histogram baseline". The window shows the message and a button
 * that runs {@link #fallback()} (off the FX thread).
 */
public final class StartupFailure extends Exception {
    private final transient Callable<AppServices> fallback;
    private final String fallbackLabel;
    private final String title;

    public StartupFailure(String message, Throwable cause, String fallbackLabel, Callable<AppServices> fallback) {
        this("The model could not be loaded", message, cause, fallbackLabel, fallback);
    }

    /** @param title what failed, in a few words (the empty gallery's title) */
    public StartupFailure(String title, String message, Throwable cause, String fallbackLabel,
                          Callable<AppServices> fallback) {
        super(message, cause);
        this.title = Objects.requireNonNull(title);
        this.fallbackLabel = Objects.requireNonNull(fallbackLabel);
        this.fallback = Objects.requireNonNull(fallback);
    }

    /** What failed, e.g. "The model could not be loaded". */
    public String title() {
        return title;
    }

    public Callable<AppServices> fallback() {
        return fallback;
    }

    /** The button's text, e.g. "Use the colour-histogram baseline". */
    public String fallbackLabel() {
        return fallbackLabel;
    }
}
