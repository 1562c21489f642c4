package org.visualsearch.ui.library;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.visualsearch.core.store.Problem;


/** Files that could not be indexed (path, reason); everything else was indexed. */
public final class ProblemsView {
    private ProblemsView() {
    }

    public static Stage show(Window owner, LibraryViewModel app) {
        TableView<Problem> table = new TableView<>(app.problems());
        table.setId("problemsTable");
        table.setPlaceholder(new Label("No problems: every file was indexed."));
        TableColumn<Problem, String> path = new TableColumn<>("File");
        path.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().path().toString()));
        path.setPrefWidth(520);
        TableColumn<Problem, String> reason = new TableColumn<>("Reason");
        reason.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().reason()));
        reason.setPrefWidth(420);
        table.getColumns().add(path);
        table.getColumns().add(reason);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        VBox.setVgrow(table, Priority.ALWAYS);
        Label title = new Label();
        title.getStyleClass().add("section-title");
        title.textProperty().bind(Bindings.createStringBinding(() -> app.problems().size() == 1
                ? "1 file could not be indexed" : app.problems().size() + " files could not be indexed", app.problems()));
        Label note = new Label("These files are skipped; all other photos are searchable. Fix or replace a file "
                + "and it is indexed again the next time the folder is indexed.");
        note.setWrapText(true);
        note.getStyleClass().add("dialog-note");
        VBox root = new VBox(12, title, table, note);
        root.setPadding(new Insets(16));
        root.setId("problemsView");
        return DialogStages.show(owner, root, "Problems — Visual Search Simulator", 1000, 520);
    }
}
