package org.visualsearch.ui.window;

import java.util.Objects;
import java.util.function.Supplier;
import javafx.scene.Node;

/**
 * One of the window's top-level views (a tab: Search, Evaluate, Map...). Its content is built
 * when the view is first shown: building every tab before the window shows kept a warm start
 * about a second longer (their nodes, and the CSS and layout of all of them in the first frame).
 *
 * @param id    the tab's id, for styles and tests (e.g. {@code "evaluateTab"})
 * @param title the tab's text
 * @param build builds the view's root node; called once, on the FX thread, when the view is first shown
 */
public record TopLevelView(String id, String title, Supplier<? extends Node> build) {
    public TopLevelView {
        Objects.requireNonNull(id);
        Objects.requireNonNull(title);
        Objects.requireNonNull(build);
    }

    /** A view whose content already exists. */
    public TopLevelView(String id, String title, Node content) {
        this(id, title, constant(Objects.requireNonNull(content)));
    }

    private static Supplier<Node> constant(Node content) {
        return () -> content;
    }
}
