package org.visualsearch.ui.compare;

import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.visualsearch.core.comparison.CategoryRow;
import org.visualsearch.core.comparison.ModelComparison;
import org.visualsearch.core.comparison.QueryScore;
import org.visualsearch.core.search.GalleryEntry;
import org.visualsearch.ui.gallery.CategoryColors;
import org.visualsearch.ui.gallery.ThumbnailCache;

import static org.visualsearch.ui.compare.CompareText.fileName;
import static org.visualsearch.ui.compare.CompareText.fmt;
import static org.visualsearch.ui.compare.CompareText.signed;

/** The per-category table (A, B, B − A) beside the list of the queries whose P@5 changed most. */
final class CompareTables {
    private final CompareViewModel vm;
    private final ThumbnailCache thumbnails;
    private final TableView<CategoryRow> table = new TableView<>();
    private final ListView<QueryScore> changed = new ListView<>();
    private final Label changedPlaceholder = new Label(BEFORE);
    private static final String BEFORE = "The queries whose P@5 changed most appear here.";

    CompareTables(CompareViewModel vm, ThumbnailCache thumbnails) {
        this.vm = vm;
        this.thumbnails = thumbnails;
    }

    /** Shows a comparison's categories, or none. */
    void show(ModelComparison c) {
        // an empty list after comparing means no change, not "wait"
        changedPlaceholder.setText(c == null ? BEFORE : "No query's P@5 differs between A and B.");
        if (c == null) {
            table.getItems().clear();
        } else {
            table.getItems().setAll(c.categories());
        }
    }

    Region build() {
        table.setId("compareTable");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(textColumn("Category", CategoryRow::category, 140));
        table.getColumns().add(textColumn("Queries", r -> Integer.toString(r.queries()), 95));
        table.getColumns().add(textColumn("A  P@5", r -> fmt(r.precisionA()), 90));
        table.getColumns().add(textColumn("B  P@5", r -> fmt(r.precisionB()), 90));
        TableColumn<CategoryRow, String> diff = textColumn("B − A", r -> signed(r.difference()), 90);
        diff.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setStyle(empty || item == null ? "" : item.startsWith("+") ? "-fx-text-fill: #1a7f37; -fx-font-weight: bold;"
                        : item.startsWith("−") ? "-fx-text-fill: #cf222e; -fx-font-weight: bold;" : "");
            }
        });
        table.getColumns().add(diff);
        table.setFixedCellSize(36);
        // every category in view without scrolling, up to ten
        table.prefHeightProperty().bind(Bindings.createDoubleBinding(
                () -> 44.0 + 36.0 * Math.max(3, Math.min(10, table.getItems().size())), table.getItems()));
        table.setMinHeight(Region.USE_PREF_SIZE);
        table.setPrefWidth(540);
        table.setMinWidth(460);
        table.setPlaceholder(new Label("Pick model B and press Compare."));

        changed.setId("compareChanged");
        changed.prefHeightProperty().bind(table.prefHeightProperty());
        changed.setPlaceholder(changedPlaceholder);
        changed.setCellFactory(l -> new ChangedCell());
        changed.getSelectionModel().selectedItemProperty().addListener((o, a, q) -> {
            if (q != null) {
                vm.selectQuery(q.index());
            }
        });
        Bindings.bindContent(changed.getItems(), vm.changedMost());
        Label tableTitle = new Label("Per category");
        tableTitle.getStyleClass().add("compare-subtitle");
        tableTitle.setStyle("-fx-font-weight: bold; -fx-font-size: 15px;");
        Label changedTitle = new Label("The " + CompareViewModel.CHANGED_SHOWN
                + " queries whose P@5 changed most (click one to see both top 5s)");
        changedTitle.setStyle("-fx-font-weight: bold; -fx-font-size: 15px;");
        VBox left = new VBox(6, tableTitle, table);
        VBox right = new VBox(6, changedTitle, changed);
        HBox.setHgrow(right, Priority.ALWAYS);
        return new HBox(18, left, right);
    }

    private static TableColumn<CategoryRow, String> textColumn(String title, java.util.function.Function<CategoryRow, String> value,
                                                             double width) {
        TableColumn<CategoryRow, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        column.setPrefWidth(width);
        column.setSortable(false);
        return column;
    }

    private final class ChangedCell extends ListCell<QueryScore> {
        private final ImageView thumb = new ImageView();
        private final Label name = new Label();
        private final Label chip = CategoryColors.chip(null);
        private final Label scores = new Label();
        private final HBox box = new HBox(10, thumb, name, chip, scores);

        ChangedCell() {
            thumb.setFitWidth(44);
            thumb.setFitHeight(33);
            thumb.setPreserveRatio(true);
            box.setAlignment(Pos.CENTER_LEFT);
            name.setMinWidth(120);
            name.setMaxWidth(220);
            name.setTextOverrun(OverrunStyle.CENTER_ELLIPSIS);
            scores.setStyle("-fx-font-family: monospace; -fx-font-size: 14px;");
            scores.setMinWidth(Region.USE_PREF_SIZE);
        }

        @Override
        protected void updateItem(QueryScore q, boolean empty) {
            super.updateItem(q, empty);
            if (empty || q == null) {
                setGraphic(null);
                return;
            }
            name.setText(fileName(q.entry()));
            CategoryColors.setChip(chip, q.entry().category());
            scores.setText(String.format(Locale.ROOT, "A %.2f → B %.2f  (%s)", q.precisionA(), q.precisionB(), signed(q.change())));
            thumb.setImage(null);
            GalleryEntry entry = q.entry();
            thumbnails.request(entry, image -> {
                if (getItem() != null && getItem().entry().equals(entry)) {
                    thumb.setImage(image);
                }
            });
            setGraphic(box);
        }
    }

}
