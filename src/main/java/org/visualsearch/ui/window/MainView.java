package org.visualsearch.ui.window;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;

/**
 * The main window's frame: header and error banner on top, the top-level views in the middle
 * (one view fills it; several become tabs), the job bar and the status bar at the bottom. Each
 * region is its own view with its own model; the composition root ({@code ui.MainWindow}) builds
 * them and the list of views.
 */
public final class MainView {
    private final BorderPane root = new BorderPane();
    private final TabPane tabs = new TabPane();
    /** The tabs not built yet, with what builds their content. */
    private final java.util.Map<Tab, java.util.function.Supplier<? extends Node>> unbuilt = new java.util.HashMap<>();
    private final java.util.Set<String> built = new java.util.HashSet<>();

    private final Node header;
    private final Node statusBar;

    public MainView(Node header, Node errorBanner, List<TopLevelView> views, Node jobBar, Node statusBar) {
        this.header = header;
        this.statusBar = statusBar;
        if (views.isEmpty()) {
            throw new IllegalArgumentException("the window needs at least one view");
        }
        root.getStyleClass().add("main-window");
        root.setId("mainWindow");
        root.setTop(new VBox(header, errorBanner));
        root.setCenter(center(views));
        root.setBottom(new VBox(jobBar, statusBar));
    }

    private Node center(List<TopLevelView> views) {
        if (views.size() == 1) {
            built.add(views.get(0).id());
            return views.get(0).build().get();
        }
        tabs.setId("viewTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        for (TopLevelView view : views) {
            Tab tab = new Tab(view.title());
            tab.setId(view.id());
            unbuilt.put(tab, view.build());
            tabs.getTabs().add(tab);
        }
        // only the selected view is built now (the first, the search); each other one when it is first selected
        tabs.getSelectionModel().selectedItemProperty().addListener((o, was, tab) -> build(tab));
        build(tabs.getSelectionModel().getSelectedItem());
        return tabs;
    }

    private void build(Tab tab) {
        java.util.function.Supplier<? extends Node> content = tab == null ? null : unbuilt.get(tab);
        if (content != null) {
            tab.setContent(content.get());
            unbuilt.remove(tab);
            built.add(tab.getId());
        }
    }

    /** Whether the view with this id has been built (the one shown at start, and each one selected since). */
    public boolean isBuilt(String viewId) {
        return built.contains(viewId);
    }

    public Parent root() {
        return root;
    }

    /**
     * Present mode: no chrome but the first view (the search); the header, the tab strip and the
     * status bar go, the error banner and a running job's bar (with its Cancel) stay.
     */
    public void followPresentation(javafx.beans.value.ObservableBooleanValue presenting) {
        header.visibleProperty().bind(javafx.beans.binding.Bindings.not(presenting));
        header.managedProperty().bind(header.visibleProperty());
        statusBar.visibleProperty().bind(javafx.beans.binding.Bindings.not(presenting));
        statusBar.managedProperty().bind(statusBar.visibleProperty());
        presenting.addListener((obs, was, now) -> {
            root.pseudoClassStateChanged(PRESENTING, now);
            if (now && !tabs.getTabs().isEmpty()) {
                tabs.getSelectionModel().select(0);
            }
        });
        root.pseudoClassStateChanged(PRESENTING, presenting.get());
    }

    private static final javafx.css.PseudoClass PRESENTING = javafx.css.PseudoClass.getPseudoClass("presenting");

    /** Shows the view with this id (when there are tabs), built if it was not yet; false when there is no such view. */
    public boolean select(String viewId) {
        for (Tab tab : tabs.getTabs()) {
            if (viewId.equals(tab.getId())) {
                tabs.getSelectionModel().select(tab);
                return true;
            }
        }
        return false;
    }
}
