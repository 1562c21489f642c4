package org.visualsearch.ui.credits;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;
import java.util.List;
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
            Node content = !section.licences().isEmpty() ? summary(section)
                    : !section.credits().isEmpty() ? table(section) : text(section);
            tabs.getTabs().add(new Tab(section.title(), content));
        }
        Stage stage = new Stage();
        stage.setTitle("Credits — Visual Search Simulator");
        if (owner != null) {
            stage.initOwner(owner);
            stage.initModality(Modality.NONE);
        }
        Scene scene = new Scene(tabs, 1100, 720);
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

    /** The summary: what sharing the gallery asks, then how many photos each licence covers, with its link. */
    private static Node summary(CreditsSource.Section section) {
        Label intro = new Label(section.text());
        intro.setWrapText(true);
        intro.setMinHeight(Region.USE_PREF_SIZE); // never cut the summary short: the table gives way
        intro.getStyleClass().add("credits-summary");

        TableView<CreditsSource.LicenceCount> licences = new TableView<>();
        licences.setId("licencesTable");
        licences.getItems().setAll(section.licences());
        licences.getColumns().add(wrapping(column("Licence", CreditsSource.LicenceCount::licence, 220, null)));
        licences.getColumns().add(column("Photos", c -> Integer.toString(c.photos()), 80, null));
        licences.getColumns().add(wrapping(column("Full name", CreditsSource.LicenceCount::name, 390, null)));
        licences.getColumns().add(wrapping(column("Licence text (linked, not copied)", CreditsSource.LicenceCount::link, 360, null)));
        licences.getColumns().get(1).setMinWidth(80); // never "Ph…"
        licences.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        licences.setMinHeight(160);
        VBox.setVgrow(licences, Priority.ALWAYS);

        VBox box = new VBox(8, intro, heading("Photos per licence"), licences);
        box.getStyleClass().add("credits-pane");
        return box;
    }

    private static Node table(CreditsSource.Section section) {
        Label intro = new Label(section.text());
        intro.setWrapText(true);
        intro.setMinHeight(Region.USE_PREF_SIZE);
        intro.getStyleClass().add("credits-intro");

        TableView<CreditsSource.Credit> table = new TableView<>();
        table.setId("creditsTable");
        table.getItems().setAll(section.credits());
        table.getColumns().add(column("Photo", c -> c.category() + "/" + c.file(), 145, null));
        table.getColumns().add(wrapping(column("Author", CreditsSource.Credit::author, 205, null)));
        table.getColumns().add(wrapping(column("Licence (hover for links)", CreditsSource.Credit::licence, 330,
                CreditsSource.Credit::details)));
        table.getColumns().add(wrapping(column("Source (the photo at its commit)", CreditsSource.Credit::source, 400, null)));
        // Every column fits the window, long names and links wrap onto more lines: nothing is cut off.
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        MenuItem copy = new MenuItem("Copy credit");
        copy.setOnAction(e -> copy(table));
        table.setContextMenu(new ContextMenu(copy));
        table.setOnKeyPressed(e -> {
            if (COPY.match(e)) {
                copy(table);
                e.consume();
            }
        });
        VBox.setVgrow(table, Priority.ALWAYS);

        VBox box = new VBox(12, intro, table);
        box.getStyleClass().add("credits-pane");
        return box;
    }

    private static final KeyCombination COPY = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);

    private static Label heading(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("credits-heading");
        return label;
    }

    /** The selected photos' credits, one per line: what someone sharing the gallery pastes into their notes. */
    static String creditLines(List<CreditsSource.Credit> credits) {
        StringBuilder sb = new StringBuilder();
        for (CreditsSource.Credit c : credits) {
            sb.append(c.category()).append('/').append(c.file()).append(": ")
                    .append(c.author()).append(", ").append(c.licence()).append(", ").append(c.source()).append('\n');
        }
        return sb.toString();
    }

    private static void copy(TableView<CreditsSource.Credit> table) {
        List<CreditsSource.Credit> selected = List.copyOf(table.getSelectionModel().getSelectedItems());
        if (!selected.isEmpty()) {
            ClipboardContent content = new ClipboardContent();
            content.putString(creditLines(selected));
            Clipboard.getSystemClipboard().setContent(content);
        }
    }

    /** Shows the column's text wrapped to the column width (long links break inside a word), rows growing to fit. */
    private static <T> TableColumn<T, String> wrapping(TableColumn<T, String> column) {
        var plain = column.getCellFactory();
        column.setCellFactory(c -> {
            TableCell<T, String> cell = plain.call(c);
            Text text = new Text();
            text.getStyleClass().add("credits-cell-text");
            text.wrappingWidthProperty().bind(column.widthProperty().subtract(16));
            cell.getStyleClass().add("credits-wrapping-cell");
            text.textProperty().bind(cell.itemProperty());
            text.fillProperty().bind(cell.textFillProperty());
            text.fontProperty().bind(cell.fontProperty());
            cell.setGraphic(text);
            cell.setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
            cell.setPrefHeight(Region.USE_COMPUTED_SIZE);
            return cell;
        });
        return column;
    }

    private static <T> TableColumn<T, String> column(String title, Function<T, String> value, double width,
                                                     Function<T, String> tooltip) {
        TableColumn<T, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                T row = empty || getTableRow() == null ? null : getTableRow().getItem();
                String tip = row == null || item == null || item.isEmpty() ? null
                        : tooltip == null ? item : item + "\n" + tooltip.apply(row);
                // Names and links are long: all of it on hover.
                setTooltip(tip == null ? null : new Tooltip(tip));
            }
        });
        column.setPrefWidth(width);
        return column;
    }
}
