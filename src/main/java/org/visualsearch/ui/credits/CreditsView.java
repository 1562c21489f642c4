package org.visualsearch.ui.credits;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import java.util.function.Function;

/**
 * A window with one tab per credits section: the sample photos' sources and licences as a table,
 * and each model's NOTICE as text.
 */
public final class CreditsView {
    private CreditsView() {
    }

    public static Stage show(Window owner, CreditsSource source) {
        TabPane tabs = new TabPane();
        tabs.setId("creditsTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        for (CreditsSource.Section section : source.sections()) {
            tabs.getTabs().add(new Tab(section.title(), section.credits().isEmpty() ? text(section) : table(section)));
        }
        Stage stage = new Stage();
        stage.setTitle("Credits — Visual Search Simulator");
        if (owner != null) {
            stage.initOwner(owner);
            stage.initModality(Modality.NONE);
        }
        Scene scene = new Scene(tabs, 1000, 640);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        stage.setScene(scene);
        stage.show();
        return stage;
    }

    private static Node text(CreditsSource.Section section) {
        TextArea text = new TextArea(section.text());
        text.setEditable(false);
        text.setWrapText(true);
        text.getStyleClass().add("credits-text");
        return text;
    }

    private static Node table(CreditsSource.Section section) {
        Label intro = new Label(section.text());
        intro.setWrapText(true);
        intro.getStyleClass().add("credits-intro");
        TableView<CreditsSource.Credit> table = new TableView<>();
        table.setId("creditsTable");
        table.getItems().setAll(section.credits());
        table.getColumns().add(column("Category", CreditsSource.Credit::category, 100));
        table.getColumns().add(column("Photo", CreditsSource.Credit::file, 140));
        table.getColumns().add(column("Source (repository@commit:path)", CreditsSource.Credit::source, 400));
        table.getColumns().add(column("Licence (hover for all of it)", CreditsSource.Credit::licence, 320));
        VBox.setVgrow(table, Priority.ALWAYS);
        VBox box = new VBox(12, intro, table);
        box.getStyleClass().add("credits-pane");
        return box;
    }

    private static TableColumn<CreditsSource.Credit, String> column(
            String title, Function<CreditsSource.Credit, String> value, double width) {
        TableColumn<CreditsSource.Credit, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                // Sources and licences are long: the whole text on hover.
                setTooltip(empty || item == null || item.isEmpty() ? null : new Tooltip(item));
            }
        });
        column.setPrefWidth(width);
        return column;
    }
}
