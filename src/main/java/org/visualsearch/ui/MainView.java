package org.visualsearch.ui;

import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Separator;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.geometry.Orientation;
import javafx.stage.Window;
import javafx.embed.swing.SwingFXUtils;
import org.controlsfx.control.GridView;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;
import org.kordamp.ikonli.materialdesign2.MaterialDesignB;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Tooltip;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.visualsearch.ui.credits.CreditsView;
import org.visualsearch.ui.evaluate.EvaluateWindow;
import org.visualsearch.ui.library.FoldersView;
import org.visualsearch.ui.library.ModelChoice;
import org.visualsearch.ui.library.ProblemsView;
import org.visualsearch.ui.gallery.CategoryColors;
import org.visualsearch.ui.gallery.FixedRowGridSkin;
import org.visualsearch.ui.gallery.GalleryTileCell;
import org.visualsearch.ui.jobs.JobViewModel;
import org.visualsearch.ui.search.GalleryTile;
import org.visualsearch.ui.search.QueryRequest;
import org.visualsearch.ui.search.SearchViewModel;
import org.visualsearch.ui.search.TopMatchesPanel;

/**
 * The main window's scene graph. Thin: it binds controls to {@link AppViewModel} and turns user
 * gestures (drop, open, paste, double-click) into view-model calls.
 */
public final class MainView {
    private static final double QUERY_MIN_WIDTH = 260;
    private static final double QUERY_MAX_WIDTH = 480;
    private final AppViewModel app;
    private final SearchViewModel search;
    private final FileChooserPort chooser;
    private final BorderPane root = new BorderPane();
    private final StackPane queryPane = new StackPane();
    private final GridView<GalleryTile> grid;
    private final TopMatchesPanel topMatches;
    private EvaluateWindow evaluateWindow;

    public MainView(AppViewModel app, FileChooserPort chooser) {
        this.app = app;
        this.search = app.search();
        this.chooser = chooser;
        root.getStyleClass().add("main-window");
        root.setId("mainWindow");

        topMatches = new TopMatchesPanel(search, app.thumbnails());
        grid = buildGrid();

        HBox searchRow = new HBox(20, buildQueryArea(), topMatches);
        HBox.setHgrow(topMatches, Priority.ALWAYS);
        queryPane.prefWidthProperty().bind(Bindings.createDoubleBinding(() -> Math.max(QUERY_MIN_WIDTH,
                Math.min(QUERY_MAX_WIDTH, searchRow.getWidth() * 0.29)), searchRow.widthProperty()));
        VBox center = new VBox(12, searchRow, buildGalleryHeader(), buildGalleryArea());
        VBox.setVgrow(center.getChildren().get(2), Priority.ALWAYS);
        center.setPadding(new Insets(16, 20, 12, 20));

        root.setTop(new VBox(buildHeader(), buildErrorBanner()));
        root.setCenter(center);
        root.setBottom(new VBox(buildJobBar(), buildStatusBar()));
        installDropTarget();
        root.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.V, KeyCombination.SHORTCUT_DOWN), this::paste);
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN), this::openFile);
            }
        });
    }

    public Parent root() {
        return root;
    }

    // ---- header and error banner ------------------------------------------------------------

    private Node buildHeader() {
        Label title = new Label("Visual Search Simulator");
        title.getStyleClass().add("app-title");
        FontIcon logo = new FontIcon(MaterialDesignI.IMAGE_SEARCH_OUTLINE);
        logo.getStyleClass().add("app-logo");
        Button open = button("Open…", MaterialDesignF.FOLDER_OPEN_OUTLINE, "openButton", this::openFile);
        open.getStyleClass().add("accent");
        Button paste = button("Paste", MaterialDesignC.CONTENT_PASTE, "pasteButton", this::paste);
        Button credits = button("Credits", MaterialDesignI.INFORMATION_OUTLINE, "creditsButton",
                () -> CreditsView.show(window(), app.credits()));
        Button evaluate = button("Evaluate", MaterialDesignC.CHART_BAR, "evaluateButton", this::openEvaluate);
        evaluate.setTooltip(new Tooltip("Score the model on the gallery as the challenge does (mP@5), and see why"));
        evaluate.disableProperty().bind(search.galleryEmptyProperty());
        open.disableProperty().bind(search.readyProperty().not());
        paste.disableProperty().bind(search.readyProperty().not());
        for (Button b : List.of(open, paste, evaluate, credits)) {
            b.setMinWidth(Region.USE_PREF_SIZE); // never "Op…"
        }
        title.setMinWidth(Region.USE_PREF_SIZE);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(12, logo, title, spacer, buildModelChooser(), open, paste,
                new Separator(Orientation.VERTICAL), evaluate, credits);
        header.getStyleClass().add("app-header");
        header.setAlignment(Pos.CENTER_LEFT);
        return header;
    }

    /** The models installed plus the baseline; picking one switches (embedding only what is missing). */
    private Node buildModelChooser() {
        ComboBox<ModelChoice> chooserBox = new ComboBox<>(app.models());
        chooserBox.setId("modelChooser");
        chooserBox.getStyleClass().add("model-chooser");
        chooserBox.setTooltip(new Tooltip("The model that embeds the photos. Switching embeds only what the new "
                + "model has not embedded yet."));
        boolean[] syncing = {false};
        Runnable sync = () -> {
            syncing[0] = true;
            try {
                chooserBox.setValue(app.currentModelProperty().get());
            } finally {
                syncing[0] = false;
            }
        };
        app.currentModelProperty().addListener((o, a, b) -> sync.run());
        app.models().addListener((javafx.collections.ListChangeListener<ModelChoice>) c -> sync.run());
        // A cancelled or failed switch leaves the current model: show it again.
        app.job().runningProperty().addListener((o, a, running) -> {
            if (!running) {
                sync.run();
            }
        });
        chooserBox.valueProperty().addListener((o, a, picked) -> {
            if (!syncing[0] && picked != null && !picked.equals(app.currentModelProperty().get())) {
                if (!app.switchModel(picked)) {
                    javafx.application.Platform.runLater(sync);
                }
            }
        });
        chooserBox.disableProperty().bind(app.job().runningProperty());
        chooserBox.visibleProperty().bind(app.libraryAvailableProperty());
        chooserBox.managedProperty().bind(chooserBox.visibleProperty());
        return chooserBox;
    }

    private Optional<Path> askForFolder() {
        return chooser.chooseFolder(window(), "Add a folder of photos to the gallery");
    }

    private void chooseAndAddFolder() {
        askForFolder().ifPresent(folder -> app.addFolders(List.of(folder)));
    }

    private Node buildErrorBanner() {
        Label text = new Label();
        text.setId("errorText");
        text.setWrapText(true);
        text.textProperty().bind(search.errorProperty());
        HBox.setHgrow(text, Priority.ALWAYS);
        text.setMaxWidth(Double.MAX_VALUE);
        Button close = new Button(null, new FontIcon(MaterialDesignC.CLOSE));
        close.setId("errorClose");
        close.getStyleClass().addAll("flat", "banner-close");
        close.setOnAction(e -> search.dismissError());
        FontIcon icon = new FontIcon(MaterialDesignA.ALERT_CIRCLE_OUTLINE);
        icon.getStyleClass().add("banner-icon");
        HBox banner = new HBox(12, icon, text, close);
        banner.setId("errorBanner");
        banner.getStyleClass().add("error-banner");
        banner.setAlignment(Pos.CENTER_LEFT);
        banner.visibleProperty().bind(search.errorProperty().isNotNull());
        banner.managedProperty().bind(banner.visibleProperty());
        return banner;
    }

    // ---- query -------------------------------------------------------------------------------

    private Node buildQueryArea() {
        ImageView image = new ImageView();
        image.setId("queryImage");
        image.setPreserveRatio(true);
        image.imageProperty().bind(search.queryImageProperty());

        FontIcon dropIcon = new FontIcon(MaterialDesignI.IMAGE_PLUS);
        dropIcon.getStyleClass().add("drop-icon");
        Label hint = new Label("Drop a photo here");
        hint.getStyleClass().add("drop-hint");
        Label hint2 = new Label("or use Open… / Paste");
        hint2.getStyleClass().add("drop-hint-small");
        VBox hintBox = new VBox(8, dropIcon, hint, hint2);
        hintBox.setAlignment(Pos.CENTER);
        hintBox.visibleProperty().bind(search.queryImageProperty().isNull());
        hintBox.setMouseTransparent(true);

        ProgressIndicator busy = new ProgressIndicator();
        busy.setId("searchBusy");
        busy.setMaxSize(64, 64);
        busy.visibleProperty().bind(search.searchingProperty());

        queryPane.getChildren().setAll(image, hintBox, busy);
        queryPane.setId("queryPane");
        queryPane.getStyleClass().add("query-pane");
        // 360 px wide at 1280; down to 260 so the top 5 fit beside it in a narrow window, up to
        // 480 on a full-HD projector (the width is set with the search row, see the constructor);
        // as tall as the top-5 cards beside it.
        queryPane.setMinSize(QUERY_MIN_WIDTH, 244);
        queryPane.setPrefHeight(244);
        queryPane.setMaxSize(QUERY_MAX_WIDTH, Double.MAX_VALUE);
        VBox.setVgrow(queryPane, Priority.ALWAYS);
        image.fitWidthProperty().bind(queryPane.widthProperty().subtract(24));
        image.fitHeightProperty().bind(queryPane.heightProperty().subtract(20));

        Label caption = new Label();
        caption.setId("queryName");
        caption.getStyleClass().add("query-name");
        caption.maxWidthProperty().bind(queryPane.widthProperty());
        caption.textProperty().bind(Bindings.when(search.queryNameProperty().isEmpty())
                .then("Query").otherwise(Bindings.concat("Query: ", search.queryNameProperty())));
        VBox box = new VBox(8, caption, queryPane);
        box.getStyleClass().add("query-area");
        return box;
    }

    private void installDropTarget() {
        root.addEventHandler(DragEvent.DRAG_OVER, event -> {
            Dragboard board = event.getDragboard();
            if (board != null && (board.hasFiles() || board.hasImage())) {
                event.acceptTransferModes(TransferMode.COPY_OR_MOVE);
                queryPane.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("drag-over"), true);
            }
            event.consume();
        });
        root.addEventHandler(DragEvent.DRAG_EXITED, event ->
                queryPane.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("drag-over"), false));
        root.addEventHandler(DragEvent.DRAG_DROPPED, event -> {
            queryPane.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("drag-over"), false);
            Dragboard board = event.getDragboard();
            boolean accepted = board != null && queryFrom(board.hasFiles() ? board.getFiles() : null,
                    board.hasImage() ? board.getImage() : null, "Dropped image");
            event.setDropCompleted(accepted);
            event.consume();
        });
    }

    /**
     * Dropped folders are added to the gallery; of the files, the last one is the query. Returns
     * false when there was nothing usable.
     */
    private boolean queryFrom(List<File> files, Image image, String imageLabel) {
        if (files != null && !files.isEmpty()) {
            List<Path> folders = files.stream().filter(File::isDirectory).map(File::toPath).toList();
            List<File> photos = files.stream().filter(f -> !f.isDirectory()).toList();
            boolean used = false;
            if (!folders.isEmpty() && app.libraryAvailableProperty().get()) {
                used = app.addFolders(folders);
            } else if (!folders.isEmpty() && photos.isEmpty()) {
                search.reportError("Adding folders needs the gallery database, which is not loaded; drop a photo "
                        + "to search with it.");
                return false;
            }
            if (!photos.isEmpty()) {
                search.search(new QueryRequest.FromFile(photos.get(photos.size() - 1).toPath()));
                used = true;
            }
            return used;
        }
        if (image != null) {
            BufferedImage pixels = SwingFXUtils.fromFXImage(image, null);
            if (pixels != null) {
                search.search(new QueryRequest.FromImage(pixels, imageLabel));
                return true;
            }
        }
        return false;
    }

    private void openFile() {
        if (!search.readyProperty().get()) {
            return;
        }
        Optional<Path> file = chooser.chooseImage(window());
        file.ifPresent(path -> search.search(new QueryRequest.FromFile(path)));
    }

    private void paste() {
        if (!search.readyProperty().get()) {
            return;
        }
        Clipboard clipboard = Clipboard.getSystemClipboard();
        if (!queryFrom(clipboard.hasFiles() ? clipboard.getFiles() : null,
                clipboard.hasImage() ? clipboard.getImage() : null, "Pasted image")) {
            search.reportError("The clipboard holds no image or image file to search with.");
        }
    }

    // ---- gallery -----------------------------------------------------------------------------

    private GridView<GalleryTile> buildGrid() {
        GridView<GalleryTile> view = new GridView<>(search.tiles()) {
            @Override
            protected javafx.scene.control.Skin<?> createDefaultSkin() {
                return new FixedRowGridSkin<>(this);
            }
        };
        view.setId("galleryGrid");
        view.getStyleClass().add("gallery-grid");
        view.setCellWidth(GalleryTileCell.THUMB + 12);
        view.setCellHeight(GalleryTileCell.THUMB + 38);
        view.setHorizontalCellSpacing(10);
        view.setVerticalCellSpacing(10);
        view.setCellFactory(g -> new GalleryTileCell(app.thumbnails(),
                tile -> search.search(new QueryRequest.FromGallery(tile.index(), tile.entry()))));
        return view;
    }

    private Node buildGalleryHeader() {
        Label title = new Label("Gallery");
        title.getStyleClass().add("section-title");
        Label subtitle = new Label();
        subtitle.setId("gallerySubtitle");
        subtitle.getStyleClass().add("section-subtitle");
        subtitle.textProperty().bind(Bindings.createStringBinding(() -> {
            int n = search.tiles().size();
            String photos = String.format("%,d photo%s", n, n == 1 ? "" : "s");
            return search.rankedProperty().get()
                    ? photos + " · ranked by distance to the query"
                    : n == 0 ? photos : photos + " · grouped by category · double-click one to search with it";
        }, search.tiles(), search.rankedProperty()));
        HBox legend = new HBox(8);
        legend.setId("categoryLegend");
        legend.setAlignment(Pos.CENTER_RIGHT);
        search.categories().addListener((javafx.collections.ListChangeListener<String>) change -> {
            legend.getChildren().clear();
            search.categories().stream().limit(10).forEach(c -> legend.getChildren().add(CategoryColors.chip(c)));
        });
        Button addFolder = button("Add folder…", MaterialDesignF.FOLDER_PLUS_OUTLINE, "addFolderButton", this::chooseAndAddFolder);
        addFolder.setTooltip(new Tooltip("Add a folder of photos (and its subfolders) to the gallery; "
                + "you can also drop a folder on the window"));
        Button folders = button("Folders", MaterialDesignF.FOLDER_MULTIPLE_OUTLINE, "foldersButton",
                () -> FoldersView.show(window(), app, this::askForFolder));
        folders.setTooltip(new Tooltip("The folders in the gallery"));
        for (Button b : List.of(addFolder, folders)) {
            b.visibleProperty().bind(app.libraryAvailableProperty());
            b.managedProperty().bind(b.visibleProperty());
            b.setMinWidth(Region.USE_PREF_SIZE);
            b.getStyleClass().add("small");
        }
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        subtitle.setMinWidth(0); // the one that gives way on a narrow window
        title.setMinWidth(Region.USE_PREF_SIZE);
        legend.setMinWidth(Region.USE_PREF_SIZE);
        HBox header = new HBox(12, title, subtitle, spacer, legend, addFolder, folders);
        header.setId("galleryHeader");
        header.setAlignment(Pos.CENTER_LEFT);
        return header;
    }

    private Node buildGalleryArea() {
        StackPane area = new StackPane(grid, buildEmptyGallery());
        area.setId("galleryArea");
        area.getStyleClass().add("gallery-area");
        area.setMinHeight(160); // one row of tiles; the status bar stays in a 640 px window
        return area;
    }

    private Node buildEmptyGallery() {
        FontIcon icon = new FontIcon(MaterialDesignI.IMAGE_MULTIPLE_OUTLINE);
        icon.getStyleClass().add("empty-icon");
        Label title = new Label();
        title.getStyleClass().add("empty-title");
        title.setId("emptyTitle");
        Label text = new Label();
        text.getStyleClass().add("empty-text");
        text.setWrapText(true);
        text.setMaxWidth(760);
        text.setMinHeight(Region.USE_PREF_SIZE);
        Runnable refreshText = () -> {
            boolean loaded = app.servicesProperty().get() != null;
            String problem = app.loadProblemProperty().get();
            if (problem != null) {
                title.setText("The model could not be loaded");
                text.setText(problem);
            } else if (!loaded) {
                title.setText("Loading the model and the gallery…");
                text.setText("This takes a few seconds the first time.");
            } else if (app.job().runningProperty().get()) {
                title.setText(app.job().titleProperty().get() + "…");
                text.setText("The photos appear here as they are indexed. You can pause or cancel below; "
                        + "what is done is kept, and indexing goes on where it stopped next time.");
            } else if (app.sampleGalleryAvailableProperty().get()) {
                title.setText("No gallery yet");
                text.setText("The sample gallery (100 photos: dogs, vehicles, food, landmarks and clothes) "
                        + "is not on this computer yet. Get it to start searching, or import it from a folder "
                        + "you already have."
                        + (app.libraryAvailableProperty().get()
                                ? " To search your own photos, add a folder (or drop one on this window)." : ""));
            } else {
                title.setText("No gallery yet");
                text.setText("There are no photos to search. Getting the sample gallery is not available in "
                        + "this build; see the README to put it in place.");
            }
        };
        app.servicesProperty().addListener((o, a, b) -> refreshText.run());
        app.loadProblemProperty().addListener((o, a, b) -> refreshText.run());
        app.job().runningProperty().addListener((o, a, b) -> refreshText.run());
        refreshText.run();

        Button download = new Button("Get the sample gallery", new FontIcon(MaterialDesignD.DOWNLOAD));
        download.setId("downloadSampleButton");
        download.getStyleClass().addAll("accent", "large");
        download.setOnAction(e -> app.downloadSampleGallery());
        Button importFolder = new Button("Import from a folder…", new FontIcon(MaterialDesignF.FOLDER_DOWNLOAD_OUTLINE));
        importFolder.setId("importSampleButton");
        importFolder.getStyleClass().add("large");
        importFolder.setOnAction(e -> chooser.chooseFolder(window(), "Folder with the sample gallery")
                .ifPresent(app::importSampleGallery));
        for (Button b : List.of(download, importFolder)) {
            b.disableProperty().bind(app.sampleGalleryAvailableProperty().not().or(app.job().runningProperty()));
        }
        Button addOwn = new Button("Add a folder of your own…", new FontIcon(MaterialDesignF.FOLDER_PLUS_OUTLINE));
        addOwn.setId("emptyAddFolderButton");
        addOwn.getStyleClass().add("large");
        addOwn.setOnAction(e -> chooseAndAddFolder());
        addOwn.visibleProperty().bind(app.libraryAvailableProperty());
        addOwn.managedProperty().bind(addOwn.visibleProperty());
        HBox buttons = new HBox(12, download, importFolder, addOwn);
        buttons.setAlignment(Pos.CENTER);
        buttons.visibleProperty().bind(app.servicesProperty().isNotNull().and(app.job().runningProperty().not()));
        buttons.managedProperty().bind(buttons.visibleProperty());

        Button useFallback = new Button();
        useFallback.setId("useFallbackButton");
        useFallback.getStyleClass().addAll("accent", "large");
        useFallback.setGraphic(new FontIcon(MaterialDesignB.BRAIN));
        useFallback.textProperty().bind(app.fallbackLabelProperty());
        useFallback.setOnAction(e -> app.useFallback());
        useFallback.visibleProperty().bind(app.fallbackLabelProperty().isNotNull().and(app.job().runningProperty().not()));
        useFallback.managedProperty().bind(useFallback.visibleProperty());

        ProgressBar progress = new ProgressBar();
        progress.setPrefWidth(420);
        progress.progressProperty().bind(app.job().progressProperty());
        Label progressText = new Label();
        progressText.textProperty().bind(app.job().messageProperty());
        VBox progressBox = new VBox(6, progress, progressText);
        progressBox.setAlignment(Pos.CENTER);
        progressBox.visibleProperty().bind(app.job().runningProperty());
        progressBox.managedProperty().bind(progressBox.visibleProperty());
        progress.setMinHeight(Region.USE_PREF_SIZE);
        // While a job runs (its bar below) or an error banner shows, room is short: drop the big icon.
        icon.visibleProperty().bind(app.job().runningProperty().not().and(search.errorProperty().isNull()));
        icon.managedProperty().bind(icon.visibleProperty());

        VBox box = new VBox(14, icon, title, text, buttons, useFallback, progressBox);
        box.setId("emptyGallery");
        box.getStyleClass().add("empty-gallery");
        box.setAlignment(Pos.CENTER);
        box.visibleProperty().bind(search.galleryEmptyProperty());
        // Scrolls rather than overflowing onto the header when the window is short (e.g. with an
        // error banner showing); centred when there is room.
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.getStyleClass().addAll("edge-to-edge", "empty-gallery-scroll");
        scroll.visibleProperty().bind(search.galleryEmptyProperty());
        return scroll;
    }

    // ---- job and status bars -----------------------------------------------------------------

    private Node buildJobBar() {
        JobViewModel job = app.job();
        Label title = new Label();
        title.getStyleClass().add("job-title");
        title.textProperty().bind(job.titleProperty());
        ProgressBar bar = new ProgressBar();
        bar.setId("jobProgress");
        bar.setPrefWidth(320);
        bar.progressProperty().bind(job.progressProperty());
        Label message = new Label();
        message.setId("jobMessage");
        message.textProperty().bind(job.messageProperty());
        message.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(message, Priority.ALWAYS);
        Button pause = new Button();
        pause.setId("jobPause");
        pause.textProperty().bind(Bindings.when(job.pausedProperty()).then("Resume").otherwise("Pause"));
        pause.graphicProperty().bind(Bindings.createObjectBinding(() -> new FontIcon(job.pausedProperty().get()
                ? MaterialDesignP.PLAY_CIRCLE_OUTLINE : MaterialDesignP.PAUSE_CIRCLE_OUTLINE), job.pausedProperty()));
        pause.setOnAction(e -> job.togglePause());
        pause.visibleProperty().bind(job.pausableProperty());
        pause.managedProperty().bind(pause.visibleProperty());
        Button cancel = new Button("Cancel", new FontIcon(MaterialDesignC.CLOSE_CIRCLE_OUTLINE));
        cancel.setId("jobCancel");
        cancel.setOnAction(e -> job.cancel());
        HBox box = new HBox(12, title, bar, message, pause, cancel);
        box.setId("jobBar");
        box.getStyleClass().add("job-bar");
        box.setAlignment(Pos.CENTER_LEFT);
        box.visibleProperty().bind(job.runningProperty());
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private Node buildStatusBar() {
        Label model = statusLabel("statusModel", MaterialDesignB.BRAIN);
        model.textProperty().bind(app.modelStatusProperty());
        Label count = statusLabel("statusCount", MaterialDesignI.IMAGE_MULTIPLE_OUTLINE);
        count.textProperty().bind(Bindings.createStringBinding(() -> {
            int n = search.galleryProperty().get() == null ? 0 : search.galleryProperty().get().size();
            return String.format("%,d image%s", n, n == 1 ? "" : "s");
        }, search.galleryProperty()));
        Label index = statusLabel("statusIndex", MaterialDesignD.DATABASE_OUTLINE);
        index.textProperty().bind(app.indexStateProperty());
        Label timing = statusLabel("statusTiming", MaterialDesignI.IMAGE_SEARCH_OUTLINE);
        timing.textProperty().bind(Bindings.createStringBinding(() -> {
            long ms = search.lastSearchMillisProperty().get();
            return ms < 0 ? "no query yet" : "last search " + ms + " ms";
        }, search.lastSearchMillisProperty()));
        Button problems = new Button("", new FontIcon(MaterialDesignA.ALERT_OUTLINE));
        problems.setId("statusProblems");
        problems.getStyleClass().addAll("flat", "status-problems");
        problems.textProperty().bind(Bindings.createStringBinding(() -> {
            int n = app.problems().size();
            return String.format("%,d problem%s", n, n == 1 ? "" : "s");
        }, app.problems()));
        problems.setTooltip(new Tooltip("Files that could not be indexed, and why"));
        problems.setOnAction(e -> ProblemsView.show(window(), app));
        problems.visibleProperty().bind(Bindings.isNotEmpty(app.problems()));
        problems.managedProperty().bind(problems.visibleProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(18, model, new Separator(Orientation.VERTICAL), count,
                new Separator(Orientation.VERTICAL), index, problems, spacer, timing);
        bar.setId("statusBar");
        bar.getStyleClass().add("status-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    // ---- helpers -----------------------------------------------------------------------------

    private static Label statusLabel(String id, org.kordamp.ikonli.Ikon icon) {
        Label label = new Label("", new FontIcon(icon));
        label.setId(id);
        return label;
    }

    private static Button button(String text, org.kordamp.ikonli.Ikon icon, String id, Runnable action) {
        Button button = new Button(text, new FontIcon(icon));
        button.setId(id);
        button.setOnAction(e -> action.run());
        return button;
    }

    /** The Evaluate window, made on first use (its evaluations stay cached while the app runs). */
    private void openEvaluate() {
        if (evaluateWindow == null) {
            org.visualsearch.core.evaluation.EvaluationCache cache = new org.visualsearch.core.evaluation.EvaluationCache(4);
            evaluateWindow = new EvaluateWindow(search.galleryProperty(), app.thumbnails(),
                    () -> app.servicesProperty().get() == null ? org.visualsearch.ui.gallery.ThumbnailSource.fromFiles()
                            : app.servicesProperty().get().thumbnails(),
                    gallery -> histogramBaseline(gallery, cache), cache);
            root.sceneProperty().addListener((o, a, scene) -> {
                if (scene == null) {
                    evaluateWindow.close();
                }
            });
        }
        evaluateWindow.show(window());
    }

    /** The colour-histogram baseline's score on the gallery, when the database holds its vectors for every photo. */
    private java.util.OptionalDouble histogramBaseline(org.visualsearch.core.search.IndexedGallery gallery,
                                                       org.visualsearch.core.evaluation.EvaluationCache cache) {
        AppServices services = app.servicesProperty().get();
        if (services == null || !(services.library() instanceof org.visualsearch.ui.library.DatabaseLibrary library)) {
            return java.util.OptionalDouble.empty();
        }
        org.visualsearch.core.model.ModelInfo histogram = new org.visualsearch.core.model.ColorHistogramEmbedder().info();
        if (library.database().models().stream().noneMatch(m -> m.id().equals(histogram.id()))) {
            return java.util.OptionalDouble.empty();
        }
        return org.visualsearch.core.evaluation.BaselineScore.of(gallery, library.database().loadGallery(histogram),
                org.visualsearch.core.metrics.PrecisionAtK.CHALLENGE_K, cache);
    }

    /** The Evaluate window once opened (tests look at it). */
    EvaluateWindow evaluateWindow() {
        return evaluateWindow;
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }
}
