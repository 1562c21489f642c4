package org.visualsearch.ui.classroom;

import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** F1 or ?: every shortcut and where the keyboard focus goes, over the window; any key closes it. */
public final class HelpOverlay {
    /** The keys, as the overlay lists them (and the tests check). */
    public static final List<String[]> SHORTCUTS = List.of(
            new String[] {"F11", "present: full screen, only the query, the top 5 and the gallery"},
            new String[] {"Esc", "leave present mode (or close this help)"},
            new String[] {"Space  /  →  /  ↓  /  Page Down", "next: uncover the next result (guess first), then the gallery, then the next lesson step"},
            new String[] {"←  /  ↑  /  Page Up", "previous lesson step"},
            new String[] {"G", "guess first on or off"},
            new String[] {"T", "show-of-hands tally on or off"},
            new String[] {"1 … 9", "tally: one more hand for that category (in the order shown)"},
            new String[] {"+  /  −", "larger / smaller type and photos (100, 150, 200%)"},
            new String[] {"D", "light or dark theme"},
            new String[] {"H", "how it works: the query's pipeline strip"},
            new String[] {"W", "why #1? the similarity heatmap: which parts of the query keep it near #1 (W again stops it)"},
            new String[] {"Ctrl+L", "open a lesson (or drop a .yaml/.json lesson file on the window)"},
            new String[] {"Ctrl+O  /  Ctrl+V", "open / paste a query photo"},
            new String[] {"Ctrl+Shift+S", "save a snapshot of the window (PNG) for slides"},
            new String[] {"Tab  /  Shift+Tab", "move the focus between the buttons, the gallery and the tally"},
            new String[] {"Enter", "on a gallery photo: search for more like it"},
            new String[] {"F1  /  ?", "this help"});

    private final StackPane root = new StackPane();

    public HelpOverlay(PresentationModel presentation) {
        GridPane grid = new GridPane();
        grid.setHgap(24);
        grid.setVgap(6);
        int row = 0;
        for (String[] shortcut : SHORTCUTS) {
            Label key = new Label(shortcut[0]);
            key.getStyleClass().add("help-key");
            Label what = new Label(shortcut[1]);
            what.getStyleClass().add("help-text");
            what.setWrapText(true);
            grid.addRow(row++, key, what);
        }
        Label title = new Label("Keyboard shortcuts");
        title.getStyleClass().add("help-title");
        Label close = new Label("Press any key to close");
        close.getStyleClass().add("help-close");
        VBox card = new VBox(14, title, grid, close);
        card.getStyleClass().add("help-card");
        card.setMaxSize(VBox.USE_PREF_SIZE, VBox.USE_PREF_SIZE);
        root.getChildren().add(card);
        root.setId("helpOverlay");
        root.getStyleClass().add("help-overlay");
        StackPane.setAlignment(card, Pos.CENTER);
        root.visibleProperty().bind(presentation.helpShownProperty());
        root.setOnMouseClicked(e -> presentation.helpShownProperty().set(false));
    }

    public Node root() {
        return root;
    }
}
