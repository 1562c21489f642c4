package org.visualsearch.ui.training;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.visualsearch.core.training.EpochStats;
import org.visualsearch.core.training.Figures;
import org.visualsearch.core.training.LabelMode;

/**
 * Train an embedding head: labelled folders and a base model on the left with the recipe's
 * options, the live loss and validation mP@5 charts on the right (the base model's figure as a
 * dashed reference line), progress, cancel and save below. All logic is in {@link TrainViewModel}.
 */
public final class TrainView {

    private final TrainViewModel model;
    private final Function<Window, Optional<Path>> folderChooser;
    private final BorderPane root = new BorderPane();
    private final XYChart.Series<Number, Number> loss = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> category = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> instance = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> baseLine = new XYChart.Series<>();
    private final NumberAxis lossEpochs = new NumberAxis();
    private final NumberAxis scoreEpochs = new NumberAxis();

    /**
     * @param folderChooser asks for a folder (the window's file chooser), given the owner window
     */
    public TrainView(TrainViewModel model, Function<Window, Optional<Path>> folderChooser) {
        this.model = model;
        this.folderChooser = folderChooser;
        root.getStyleClass().add("train-view");
        root.setTop(header());
        ScrollPane form = new ScrollPane(form());
        form.setFitToWidth(true);
        form.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        form.setPrefViewportWidth(400);
        // Train, Cancel and Save stay in view however small the window; the options scroll
        BorderPane left = new BorderPane(form);
        left.setBottom(actions());
        left.setMinWidth(400);
        left.setPrefWidth(420);
        root.setLeft(left);
        root.setCenter(charts());
        root.setBottom(statusBar());
    }

    public Parent root() {
        return root;
    }

    private Node header() {
        Label title = new Label("Train an embedding head");
        title.getStyleClass().add("app-title");
        Label explain = new Label("The recipe of the source project: the base model's frozen backbone, then "
                + "Dropout + Dense, trained with an ArcFace loss on your labelled folders, L2-normalised.");
        explain.setWrapText(true);
        explain.getStyleClass().add("train-explain");
        VBox box = new VBox(4, title, explain);
        box.getStyleClass().add("app-header");
        return box;
    }

    private Node form() {
        ListView<Path> folders = new ListView<>(model.folders());
        folders.setId("trainFolders");
        folders.setPrefHeight(110);
        folders.setPlaceholder(new Label("No folder yet: one subfolder per category"));
        folders.setCellFactory(v -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(Path item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.getFileName() + "  (" + item.getParent() + ")");
                setTooltip(empty || item == null ? null : new Tooltip(item.toString()));
            }
        });
        Button add = new Button("Add folder…", new FontIcon(MaterialDesignF.FOLDER_PLUS_OUTLINE));
        add.setId("trainAddFolder");
        add.setOnAction(e -> folderChooser.apply(root.getScene().getWindow()).ifPresent(model::addFolder));
        Button remove = new Button("Remove");
        remove.setId("trainRemoveFolder");
        remove.disableProperty().bind(folders.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(e -> model.folders().remove(folders.getSelectionModel().getSelectedItem()));
        HBox folderButtons = new HBox(8, add, remove);

        ComboBox<TrainViewModel.BaseChoice> base = new ComboBox<>(model.bases());
        base.setId("trainBase");
        base.valueProperty().bindBidirectional(model.baseProperty());
        base.setMaxWidth(Double.MAX_VALUE);
        base.setPromptText("no model exposes a backbone");

        GridPane options = new GridPane();
        options.setHgap(10);
        options.setVgap(6);
        int row = 0;
        row = field(options, row, "Epochs", "trainEpochs", model.form().epochsProperty(), "Full-batch steps");
        row = field(options, row, "Learning rate", "trainLearningRate", model.form().learningRateProperty(),
                "AdamW, cosine-annealed to 0");
        row = field(options, row, "Weight decay", "trainWeightDecay", model.form().weightDecayProperty(), "AdamW, decoupled");
        row = field(options, row, "Dropout", "trainDropout", model.form().dropoutProperty(), "On the backbone features");
        row = field(options, row, "Dimensions", "trainDimension", model.form().dimensionProperty(), "Embedding size");
        row = field(options, row, "ArcFace scale s", "trainScale", model.form().scaleProperty(), "Logit scale");
        row = field(options, row, "ArcFace margin m", "trainMargin", model.form().marginProperty(), "Angular margin, radians");
        ComboBox<LabelMode> labels = new ComboBox<>(javafx.collections.FXCollections.observableArrayList(LabelMode.values()));
        labels.setId("trainLabelMode");
        labels.valueProperty().bindBidirectional(model.form().labelModeProperty());
        labels.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(LabelMode m) {
                return m == null ? "" : switch (m) {
                    case AUTO -> "auto (both if groups)";
                    case CATEGORY -> "category";
                    case INSTANCE -> "instance group";
                    case BOTH -> "category + instance";
                };
            }

            @Override
            public LabelMode fromString(String s) {
                return LabelMode.parse(s);
            }
        });
        labels.setMaxWidth(Double.MAX_VALUE);
        options.addRow(row++, label("Labels"), labels);
        row = field(options, row, "Validation share", "trainValShare", model.form().validationShareProperty(),
                "Held out per category, instance groups kept together");
        field(options, row, "Seed", "trainSeed", model.form().seedProperty(), "Same seed, same data: same weights");
        javafx.scene.layout.ColumnConstraints labelColumn = new javafx.scene.layout.ColumnConstraints();
        labelColumn.setMinWidth(Region.USE_PREF_SIZE);
        javafx.scene.layout.ColumnConstraints fieldColumn = new javafx.scene.layout.ColumnConstraints();
        fieldColumn.setHgrow(Priority.ALWAYS);
        options.getColumnConstraints().setAll(labelColumn, fieldColumn);

        VBox box = new VBox(8, section("Labelled folders"), folders, folderButtons, section("Base model"), base,
                section("Options"), options);
        box.setPadding(new Insets(12, 16, 16, 16));
        return box;
    }

    private Node actions() {
        Button train = new Button("Train", new FontIcon(MaterialDesignP.PLAY));
        train.setId("trainStart");
        train.getStyleClass().add("accent");
        train.setDefaultButton(true);
        train.disableProperty().bind(model.runningProperty());
        train.setOnAction(e -> model.train());
        Button cancel = new Button("Cancel", new FontIcon(MaterialDesignC.CLOSE_CIRCLE_OUTLINE));
        cancel.setId("trainCancel");
        cancel.disableProperty().bind(model.runningProperty().not());
        cancel.setOnAction(e -> model.cancel());
        HBox actions = new HBox(8, train, cancel);

        TextField name = new TextField();
        name.setId("trainSaveName");
        name.textProperty().bindBidirectional(model.saveNameProperty());
        name.setPromptText("model name, e.g. my-head");
        HBox.setHgrow(name, Priority.ALWAYS);
        Button save = new Button("Save as model", new FontIcon(MaterialDesignC.CONTENT_SAVE_OUTLINE));
        save.setId("trainSave");
        save.setMinWidth(Region.USE_PREF_SIZE);
        save.disableProperty().bind(model.outcomeProperty().isNull().or(model.runningProperty())
                .or(model.savedModelProperty().isNotNull()));
        save.setOnAction(e -> model.save());
        HBox saveRow = new HBox(8, name, save);
        saveRow.setAlignment(Pos.CENTER_LEFT);
        ComboBox<TrainViewModel.SaveFolder> where = new ComboBox<>(model.saveFolders());
        where.setId("trainSaveIn");
        where.valueProperty().bindBidirectional(model.saveInProperty());
        where.setMaxWidth(Double.MAX_VALUE);
        where.setTooltip(new Tooltip("Your data folder keeps the model when the app is updated; either way it "
                + "appears in the model chooser"));

        VBox box = new VBox(8, actions, section("Save as a model"), saveRow, where);
        box.setPadding(new Insets(10, 16, 12, 16));
        box.getStyleClass().add("train-actions");
        return box;
    }

    private static Label section(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("train-section");
        return l;
    }

    private static Label label(String text) {
        Label l = new Label(text);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static int field(GridPane grid, int row, String label, String id, javafx.beans.property.StringProperty p,
                             String tip) {
        TextField field = new TextField();
        field.setId(id);
        field.textProperty().bindBidirectional(p);
        field.setPrefColumnCount(6);
        field.setTooltip(new Tooltip(tip));
        grid.addRow(row, label(label), field);
        return row + 1;
    }

    private Node charts() {
        LineChart<Number, Number> lossChart = new LineChart<>(lossEpochs, new NumberAxis());
        lossChart.setId("trainLossChart");
        lossChart.setTitle("Training loss");
        lossChart.setLegendVisible(false);
        loss.setName("loss");
        lossChart.getData().add(loss);

        NumberAxis scoreAxis = new NumberAxis(0, 1, 0.2);
        scoreAxis.setAutoRanging(false);
        scoreAxis.setLabel("mP@5");
        LineChart<Number, Number> scoreChart = new LineChart<>(scoreEpochs, scoreAxis);
        scoreChart.setId("trainScoreChart");
        scoreChart.setTitle("Validation mP@5");
        category.setName("category");
        instance.setName("instance group");
        baseLine.setName("base model (category)");
        // the reference line first: its colour and legend entry stay the same whether or not the
        // instance series comes
        scoreChart.getData().add(baseLine);
        scoreChart.getData().add(category);
        baseLine.getNode().setStyle("-fx-stroke-dash-array: 12 8;");
        for (LineChart<Number, Number> c : java.util.List.of(lossChart, scoreChart)) {
            c.setAnimated(false);
            c.setCreateSymbols(false);
            VBox.setVgrow(c, Priority.ALWAYS);
        }
        for (NumberAxis axis : java.util.List.of(lossEpochs, scoreEpochs)) {
            axis.setLabel("epoch");
            axis.setAutoRanging(false);
            axis.setLowerBound(0);
            axis.setUpperBound(model.curves().plannedEpochs());
            axis.setTickUnit(Math.max(1, model.curves().plannedEpochs() / 10));
        }
        Label summary = new Label();
        summary.setId("trainSummary");
        summary.getStyleClass().add("train-summary");
        summary.setWrapText(true);
        summary.setMinHeight(Region.USE_PREF_SIZE);
        summary.textProperty().bind(Bindings.createStringBinding(() -> summary(), model.curves().history(),
                model.curves().baseFiguresProperty(), model.curves().untrainedFiguresProperty()));

        model.curves().runsProperty().addListener((o, a, b) -> reset());
        model.curves().history().addListener((ListChangeListener<EpochStats>) c -> {
            while (c.next()) {
                for (EpochStats s : c.getAddedSubList()) {
                    loss.getData().add(new XYChart.Data<>(s.epoch(), s.loss()));
                    if (!Double.isNaN(s.validationCategory())) {
                        category.getData().add(new XYChart.Data<>(s.epoch(), s.validationCategory()));
                    }
                    if (!Double.isNaN(s.validationInstance())) {
                        if (!scoreChart.getData().contains(instance)) {
                            scoreChart.getData().add(instance);
                        }
                        instance.getData().add(new XYChart.Data<>(s.epoch(), s.validationInstance()));
                    }
                }
            }
        });
        model.curves().untrainedFiguresProperty().addListener((o, a, f) -> {
            if (!Double.isNaN(f.category())) {
                category.getData().add(0, new XYChart.Data<>(0, f.category()));
            }
            if (!Double.isNaN(f.instance())) {
                if (!scoreChart.getData().contains(instance)) {
                    scoreChart.getData().add(instance);
                }
                instance.getData().add(0, new XYChart.Data<>(0, f.instance()));
            }
        });
        model.curves().baseFiguresProperty().addListener((o, a, f) -> {
            baseLine.getData().clear();
            if (!Double.isNaN(f.category())) {
                baseLine.getData().add(new XYChart.Data<>(0, f.category()));
                baseLine.getData().add(new XYChart.Data<>(model.curves().plannedEpochs(), f.category()));
            }
        });
        VBox box = new VBox(4, scoreChart, lossChart, summary);
        box.setPadding(new Insets(8, 16, 8, 8));
        return box;
    }

    private void reset() {
        loss.getData().clear();
        category.getData().clear();
        instance.getData().clear();
        baseLine.getData().clear();
        for (NumberAxis axis : java.util.List.of(lossEpochs, scoreEpochs)) {
            axis.setUpperBound(model.curves().plannedEpochs());
            axis.setTickUnit(Math.max(1, model.curves().plannedEpochs() / 10));
        }
    }

    private String summary() {
        Figures base = model.curves().baseFiguresProperty().get();
        if (Double.isNaN(base.category()) && model.curves().history().isEmpty()) {
            return "The charts fill as the head trains: one point per epoch. The dashed line is the base "
                    + "model's own score on the validation photos.";
        }
        StringBuilder sb = new StringBuilder("Validation mP@5 by category: base model ")
                .append(Format.value(base.category())).append(", untrained head ")
                .append(Format.value(model.curves().untrainedFiguresProperty().get().category()));
        if (!model.curves().history().isEmpty()) {
            EpochStats last = model.curves().history().get(model.curves().history().size() - 1);
            sb.append(", epoch ").append(last.epoch()).append(": ").append(Format.value(last.validationCategory()));
        }
        return sb.toString();
    }

    private Node statusBar() {
        ProgressBar bar = new ProgressBar();
        bar.setId("trainProgress");
        bar.progressProperty().bind(model.progressProperty());
        bar.setPrefWidth(220);
        bar.visibleProperty().bind(model.runningProperty());
        bar.managedProperty().bind(bar.visibleProperty());
        Label status = new Label();
        status.setId("trainStatus");
        status.textProperty().bind(model.statusProperty());
        status.setMinWidth(0);
        Label error = new Label();
        error.setId("trainError");
        error.getStyleClass().add("train-error");
        error.textProperty().bind(model.errorProperty());
        error.setWrapText(true);
        error.visibleProperty().bind(model.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        HBox line = new HBox(12, bar, status);
        line.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(4, error, line);
        box.getStyleClass().add("status-bar");
        box.setPadding(new Insets(8, 16, 8, 16));
        return box;
    }
}
