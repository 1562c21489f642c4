package org.visualsearch.ui.gallery;

import java.util.List;
import java.util.function.Consumer;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Skin;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.controlsfx.control.GridView;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.visualsearch.ui.common.Controls;

/** The gallery: header (count, legend, Add folder…, Folders) over the grid of tiles, or the empty state. */
public final class GalleryPaneView {

    /** What the header's buttons and a tile's "more like this" do. */
    public record Actions(Runnable addFolder, Runnable showFolders, Consumer<GalleryTile> moreLikeThis) {
    }

    private final VBox root;

    /**
     * @param libraryAvailable whether the folder buttons show (a gallery database is behind the window)
     * @param emptyState       what shows instead of the grid while the gallery is empty
     */
    public GalleryPaneView(GalleryPaneModel model, ThumbnailCache thumbnails, Actions actions,
                           ObservableBooleanValue libraryAvailable, Node emptyState) {
        GridView<GalleryTile> grid = new GridView<>(model.tiles()) {
            @Override
            protected Skin<?> createDefaultSkin() {
                return new FixedRowGridSkin<>(this);
            }
        };
        grid.setId("galleryGrid");
        grid.getStyleClass().add("gallery-grid");
        grid.setCellWidth(GalleryTileCell.THUMB + 12);
        grid.setCellHeight(GalleryTileCell.THUMB + 38);
        grid.setHorizontalCellSpacing(10);
        grid.setVerticalCellSpacing(10);
        grid.setCellFactory(g -> new GalleryTileCell(thumbnails, actions.moreLikeThis()));

        StackPane area = new StackPane(grid, emptyState);
        area.setId("galleryArea");
        area.getStyleClass().add("gallery-area");
        area.setMinHeight(80); // part of a row of tiles (it scrolls): the status bar stays in a 600 px window, job bar showing
        root = new VBox(12, header(model, actions, libraryAvailable), area);
        VBox.setVgrow(area, Priority.ALWAYS);
    }

    private static Node header(GalleryPaneModel model, Actions actions, ObservableBooleanValue libraryAvailable) {
        Label title = new Label("Gallery");
        title.getStyleClass().add("section-title");
        Label subtitle = new Label();
        subtitle.setId("gallerySubtitle");
        subtitle.getStyleClass().add("section-subtitle");
        subtitle.textProperty().bind(model.subtitle());
        // The chips get a line of their own, wrapping when there are many: on one line with the
        // subtitle and the buttons only three of five fitted at 1280 px (each category also shows
        // on its tiles, but the legend is where a class sees them all at once).
        FlowPane legend = new FlowPane(8, 6);
        legend.setId("categoryLegend");
        legend.setAlignment(Pos.CENTER_LEFT);
        legend.managedProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(legend.getChildren()));
        legend.visibleProperty().bind(legend.managedProperty());
        model.categories().addListener((ListChangeListener<String>) change -> {
            legend.getChildren().clear();
            model.categories().stream().limit(10).forEach(c -> {
                Node chip = CategoryColors.chip(c);
                if (chip instanceof Region r) {
                    r.setMinWidth(Region.USE_PREF_SIZE); // whole, never "l..."
                }
                legend.getChildren().add(chip);
            });
        });
        Button addFolder = Controls.button("Add folder…", MaterialDesignF.FOLDER_PLUS_OUTLINE, "addFolderButton",
                actions.addFolder());
        addFolder.setTooltip(new Tooltip("Add a folder of photos (and its subfolders) to the gallery; "
                + "you can also drop a folder on the window"));
        Button folders = Controls.button("Folders", MaterialDesignF.FOLDER_MULTIPLE_OUTLINE, "foldersButton",
                actions.showFolders());
        folders.setTooltip(new Tooltip("The folders in the gallery"));
        for (Button b : List.of(addFolder, folders)) {
            b.visibleProperty().bind(libraryAvailable);
            b.managedProperty().bind(b.visibleProperty());
            b.setMinWidth(Region.USE_PREF_SIZE);
            b.getStyleClass().add("small");
        }
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        // The subtitle is never cut short ("double-click one …").
        subtitle.setMinWidth(Region.USE_PREF_SIZE);
        title.setMinWidth(Region.USE_PREF_SIZE);
        HBox titleLine = new HBox(12, title, subtitle, spacer, addFolder, folders);
        titleLine.setAlignment(Pos.CENTER_LEFT);
        VBox header = new VBox(6, titleLine, legend);
        header.setId("galleryHeader");
        return header;
    }

    public Node root() {
        return root;
    }
}
