package org.visualsearch.ui.window;

import java.util.Objects;
import javafx.scene.Node;

/**
 * One of the window's top-level views (a tab: Search, Evaluate, Map...).
 *
 * @param id      the tab's id, for styles and tests (e.g. {@code "evaluateTab"})
 * @param title   the tab's text
 * @param content the view's root node
 */
public record TopLevelView(String id, String title, Node content) {
    public TopLevelView {
        Objects.requireNonNull(id);
        Objects.requireNonNull(title);
        Objects.requireNonNull(content);
    }
}
