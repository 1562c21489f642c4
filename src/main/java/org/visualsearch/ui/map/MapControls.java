package org.visualsearch.ui.map;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.StringConverter;
import org.visualsearch.core.projection.ProjectionMethod;

/** The map's toolbar (method, model A or B, Fit, Zoom to query) and its status line (progress, what the map is, selection). */
final class MapControls {
    private final MapViewModel vm;

    MapControls(MapViewModel vm) {
        this.vm = vm;
    }

    Region toolbar(Runnable fit, Runnable zoomToQuery) {
        Label title = new Label("Embedding map");
        title.getStyleClass().add("section-title");
        title.setMinWidth(Region.USE_PREF_SIZE);
        ComboBox<ProjectionMethod> method = new ComboBox<>();
        method.setId("mapMethod");
        method.getItems().setAll(ProjectionMethod.values());
        method.setConverter(new StringConverter<>() {
            @Override
            public String toString(ProjectionMethod m) {
                return m == null ? "" : switch (m) {
                    case PCA -> "PCA (exact: real distances along 2 axes)";
                    case TSNE -> "t-SNE (keeps neighbours, not distances)";
                    case UMAP -> "UMAP (keeps neighbours, not distances)";
                };
            }

            @Override
            public ProjectionMethod fromString(String s) {
                return null;
            }
        });
        method.valueProperty().bindBidirectional(vm.methodProperty());
        method.setMinWidth(Region.USE_PREF_SIZE);
        Button fitButton = new Button("Fit");
        fitButton.setId("mapFit");
        fitButton.setOnAction(e -> fit.run());
        fitButton.setMinWidth(Region.USE_PREF_SIZE);
        Button toQuery = new Button("Zoom to query");
        toQuery.setId("mapZoomToQuery");
        toQuery.setOnAction(e -> zoomToQuery.run());
        toQuery.disableProperty().bind(vm.queryOnMapProperty().isNull());
        toQuery.setMinWidth(Region.USE_PREF_SIZE);
        // wraps on a narrow window instead of pushing Fit and Zoom to query off its edge
        FlowPane bar = new FlowPane(12, 6, title, method, modelSwitch(), fitButton, toQuery);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setMinWidth(0);
        bar.setPrefWrapLength(600);
        return bar;
    }

    /** Model A (the current one) or the comparison's model B; usable once a comparison is made. */
    private Region modelSwitch() {
        ToggleGroup group = new ToggleGroup();
        ToggleButton a = new ToggleButton();
        a.setId("mapModelA");
        ToggleButton b = new ToggleButton();
        b.setId("mapModelB");
        for (ToggleButton t : new ToggleButton[] {a, b}) {
            t.setToggleGroup(group);
            t.setMinWidth(Region.USE_PREF_SIZE);
            t.disableProperty().bind(vm.canShowBProperty().not());
        }
        a.textProperty().bind(vm.sideLabel(MapViewModel.Side.A));
        b.textProperty().bind(vm.sideLabel(MapViewModel.Side.B));
        Tooltip why = new Tooltip("Compare two models in the Compare tab, then switch the map between them here: "
                + "the photo you picked stays marked with a thick ring.");
        a.setTooltip(why);
        b.setTooltip(why);
        Runnable follow = () -> group.selectToggle(vm.sideProperty().get() == MapViewModel.Side.B ? b : a);
        follow.run();
        vm.sideProperty().addListener((o, was, now) -> follow.run());
        group.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null) {
                follow.run(); // one of the two is always pressed
            } else {
                vm.sideProperty().set(now == b ? MapViewModel.Side.B : MapViewModel.Side.A);
            }
        });
        Label model = new Label("Model:");
        model.setMinWidth(Region.USE_PREF_SIZE);
        // without a comparison, a hint instead of two greyed toggles that look pressed
        Label hint = new Label("A/B: compare two models first (Compare tab)");
        hint.setId("mapModelHint");
        hint.getStyleClass().add("section-subtitle");
        hint.setMinWidth(Region.USE_PREF_SIZE);
        for (javafx.scene.Node n : new javafx.scene.Node[] {model, a, b}) {
            n.visibleProperty().bind(vm.canShowBProperty());
            n.managedProperty().bind(n.visibleProperty());
        }
        hint.visibleProperty().bind(vm.canShowBProperty().not());
        hint.managedProperty().bind(hint.visibleProperty());
        HBox box = new HBox(4, model, a, b, hint);
        box.setId("mapModelSwitch");
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    Region status() {
        Label description = new Label();
        description.setId("mapDescription");
        description.textProperty().bind(vm.descriptionProperty());
        description.setMinWidth(0);
        description.setWrapText(true);
        description.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(description, Priority.ALWAYS);
        Label selection = new Label();
        selection.setId("mapSelection");
        selection.textProperty().bind(vm.selectionTextProperty());
        selection.setMinWidth(Region.USE_PREF_SIZE);
        ProgressBar bar = new ProgressBar();
        bar.setId("mapProgress");
        bar.setPrefWidth(220);
        bar.progressProperty().bind(vm.progressProperty());
        Label message = new Label();
        message.setId("mapMessage");
        message.textProperty().bind(vm.messageProperty());
        message.setMinWidth(Region.USE_PREF_SIZE);
        Button cancel = new Button("Cancel");
        cancel.setId("mapCancel");
        cancel.setOnAction(e -> vm.cancel());
        HBox running = new HBox(8, bar, message, cancel);
        running.setAlignment(Pos.CENTER_LEFT);
        running.visibleProperty().bind(vm.runningProperty());
        running.managedProperty().bind(running.visibleProperty());
        Label help = new Label("Drag: pan · wheel: zoom · Shift+drag: select · click: search with it");
        help.getStyleClass().addAll("map-help", "section-subtitle");
        help.setMinWidth(0);
        help.setWrapText(true);
        HBox status = new HBox(16, running, description, selection, help);
        status.setAlignment(Pos.CENTER_LEFT);
        status.setPadding(new Insets(6, 16, 10, 16));
        status.getStyleClass().add("status-bar");
        return status;
    }
}
