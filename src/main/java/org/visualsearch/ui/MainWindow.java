package org.visualsearch.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.layout.StackPane;
import org.visualsearch.app.ModelChoice;
import org.visualsearch.core.lesson.LessonReader;
import org.visualsearch.ui.classroom.ClassroomContext;
import org.visualsearch.ui.classroom.ClassroomKeys;
import org.visualsearch.ui.classroom.ClassroomMenu;
import org.visualsearch.ui.classroom.ClassroomPanel;
import org.visualsearch.ui.classroom.ClassroomSettings;
import org.visualsearch.ui.classroom.ClassroomTheme;
import org.visualsearch.ui.classroom.HelpOverlay;
import org.visualsearch.ui.classroom.HeatmapView;
import org.visualsearch.ui.classroom.HeatmapViewModel;
import org.visualsearch.core.occlusion.OcclusionSettings;
import org.visualsearch.ui.classroom.LessonViewModel;
import org.visualsearch.ui.classroom.PipelineStrip;
import org.visualsearch.ui.classroom.PipelineViewModel;
import org.visualsearch.ui.classroom.PresentationModel;
import org.visualsearch.ui.classroom.ScaledPane;
import org.visualsearch.ui.classroom.Snapshots;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Window;
import org.visualsearch.core.projection.ProjectionCache;
import org.visualsearch.ui.common.Controls;
import org.visualsearch.ui.common.ShownLater;
import org.visualsearch.ui.compare.CompareView;
import org.visualsearch.ui.compare.CompareViewModel;
import org.visualsearch.ui.map.MapView;
import org.visualsearch.ui.map.MapViewModel;
import org.visualsearch.ui.common.FileChooserPort;
import org.visualsearch.ui.credits.CreditsView;
import org.visualsearch.ui.gallery.EmptyGalleryModel;
import org.visualsearch.ui.gallery.EmptyGalleryView;
import org.visualsearch.ui.gallery.GalleryPaneModel;
import org.visualsearch.ui.gallery.GalleryPaneView;
import org.visualsearch.ui.jobs.JobBarView;
import org.visualsearch.ui.library.FoldersView;
import org.visualsearch.ui.library.LibraryViewModel;
import org.visualsearch.ui.library.ModelChooser;
import org.visualsearch.ui.library.ProblemsView;
import org.visualsearch.ui.search.QueryInput;
import org.visualsearch.ui.search.QueryPaneView;
import org.visualsearch.ui.search.QueryRequest;
import org.visualsearch.ui.search.SearchView;
import org.visualsearch.ui.training.TrainView;
import org.visualsearch.ui.training.TrainViewModel;
import org.visualsearch.ui.search.SearchViewModel;
import org.visualsearch.ui.search.TopMatchesPanel;
import org.visualsearch.ui.window.ErrorBanner;
import org.visualsearch.ui.window.HeaderView;
import org.visualsearch.ui.window.MainView;
import org.visualsearch.ui.window.StatusBarModel;
import org.visualsearch.ui.window.StatusBarView;
import org.visualsearch.ui.window.TopLevelView;
import org.visualsearch.ui.evaluate.EvaluatePanel;
import org.visualsearch.core.evaluation.BaselineScore;
import org.visualsearch.core.evaluation.EvaluationCache;
import org.visualsearch.core.metrics.PrecisionAtK;
import org.visualsearch.app.GallerySession;
import org.visualsearch.app.ThumbnailSource;
import java.util.OptionalDouble;

/**
 * Builds the main window from its regions, each a view over its own model, all fed from the
 * composition root {@link AppViewModel}.
 *
 * <h2>Adding a top-level view</h2>
 * Write the view and its view-model in their own package (e.g. {@code ui.evaluate}); the
 * view-model takes plain inputs from {@link AppViewModel}: {@link AppViewModel#galleryProperty()},
 * {@link AppViewModel#embedderProperty()}, {@link AppViewModel#thumbnails()},
 * {@link AppViewModel#jobs()} (long work with progress and Cancel) or
 * {@link AppViewModel#backgroundExecutor()}. Then add one line to {@link #views()}:
 * <pre>{@code
 * views.add(new TopLevelView("evaluateTab", "Evaluate",
 *         () -> new EvaluateView(new EvaluateViewModel(app.galleryProperty(), app.embedderProperty(), app.jobs())).root()));
 * }</pre>
 * With more than one view the window shows them as tabs (Search first); a tab's view is built
 * when it is first selected.
 */
public final class MainWindow {
    private final AppViewModel app;
    private final FileChooserPort chooser;
    private final SearchViewModel search;
    private final LibraryViewModel library;
    private final QueryPaneView query;
    private final MainView main;
    private final ClassroomContext context;
    private final PresentationModel presentation;
    private final LessonViewModel lesson;
    private final ClassroomKeys keys;
    private HeatmapViewModel heatmapModel;
    private final StackPane root;
    /** The Compare tab's model: a head saved in the Train tab opens there against the current model. */
    private CompareViewModel compare;

    public MainWindow(AppViewModel app, FileChooserPort chooser) {
        this(app, chooser, new ClassroomContext(null, null, Snapshots.defaultFolder(), null));
    }

    public MainWindow(AppViewModel app, FileChooserPort chooser, ClassroomContext context) {
        this.app = app;
        this.chooser = chooser;
        this.context = context;
        this.search = app.search();
        this.library = app.library();
        presentation = new PresentationModel(search.topMatches(), search.categories());
        ClassroomSettings settings = new ClassroomSettings(context.settingsDir());
        settings.load(presentation);
        settings.keepSaved(presentation);
        lesson = new LessonViewModel(presentation,
                () -> new LessonReader(context.sampleGallery(), this::modelInstalled),
                photo -> search.search(new QueryRequest.FromFile(photo)),
                this::switchToModel,
                javafx.beans.binding.Bindings.createStringBinding(() -> library.currentModelProperty().get() == null
                        ? null : library.currentModelProperty().get().key(), library.currentModelProperty()));
        ClassroomKeys.Actions classroomActions = new ClassroomKeys.Actions(this::chooseLesson, this::snapshot);
        keys = new ClassroomKeys(presentation, lesson, classroomActions);
        QueryInput input = new QueryInput(search, () -> library.availableProperty().get(), library::addFolders);
        query = new QueryPaneView(search, input, chooser);
        HeaderView header = new HeaderView(search.acceptsQueryProperty(),
                new javafx.scene.layout.HBox(12, new ClassroomMenu(presentation, classroomActions).root(),
                        new ModelChooser(library, app::switchModel).root()), query::openFile, query::paste,
                () -> CreditsView.show(window(), app.credits()));
        ErrorBanner banner = new ErrorBanner(search.errorProperty(), search::dismissError);
        StatusBarModel status = new StatusBarModel(search.embedderProperty(), app.loadProblemProperty(),
                search.galleryProperty(), library.indexStateProperty(), search.lastSearchMillisProperty(),
                library.problems(), app.jobs().indexedLineProperty());
        main = new MainView(header.root(), banner.root(), views(), new JobBarView(app.jobs()).root(),
                new StatusBarView(status, () -> ProblemsView.show(window(), library)).root());
        main.followPresentation(presentation.presentingProperty());
        main.root().addEventFilter(DragEvent.DRAG_DROPPED, this::dropLesson);
        query.installDropTarget(main.root());
        ScaledPane scaled = new ScaledPane(main.root());
        scaled.scaleProperty().bind(javafx.beans.binding.Bindings.when(presentation.presentingProperty())
                .then(presentation.scaleProperty()).otherwise(1.0));
        root = new StackPane(scaled);
        root.setId("windowRoot");
        ShownLater.addWhenShown(root, presentation.helpShownProperty(), () -> new HelpOverlay(presentation).root());
        presentation.themeProperty().addListener((obs, old, theme) -> applyTheme(theme));
        applyTheme(presentation.themeProperty().get());
        root.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                keys.install(scene);
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.V, KeyCombination.SHORTCUT_DOWN), query::paste);
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN), query::openFile);
            }
        });
    }

    /**
     * The window's top-level views, in tab order: add a view here, one line each. Only the first
     * (the search) is built before the window shows; each other view, and where nothing else
     * needs it its view-model, is built when its tab is first selected.
     */
    private List<TopLevelView> views() {
        List<TopLevelView> views = new ArrayList<>();
        views.add(new TopLevelView("searchTab", "Search", searchView()));
        views.add(new TopLevelView("evaluateTab", "Evaluate", () -> evaluatePanel().view().root()));
        // the Compare and Map models exist from the start: a head saved in the Train tab opens a comparison,
        // and the query picked in it is marked on the map, before either tab may have been shown
        compare = new CompareViewModel(app.galleryProperty(), library.currentModelProperty(), library.models(),
                app::galleryFor, app.libraryExecutor());
        MapViewModel map = new MapViewModel(app.galleryProperty(), search.queryVectorProperty(), search.topMatches(),
                app.analysisExecutor(), this::searchWithPhoto, new ProjectionCache(6), compare.comparisonProperty());
        // the query picked in the comparison is the photo the map keeps marked under A and B (also after the comparison)
        compare.queryProperty().addListener((o, was, now) -> {
            if (now != null) {
                map.highlight(now.query());
            }
        });
        views.add(new TopLevelView("mapTab", "Map", () -> new MapView(map, app.thumbnails()).root()));
        views.add(new TopLevelView("compareTab", "Compare", () -> new CompareView(compare, app.thumbnails()).scrollableRoot()));
        views.add(new TopLevelView("trainTab", "Train", () -> trainView().root()));
        return views;
    }

    private TrainView trainView() {
        var training = javafx.beans.binding.Bindings.createObjectBinding(
                () -> app.sessionProperty().get() == null ? null : app.sessionProperty().get().training(),
                app.sessionProperty());
        return new TrainView(new TrainViewModel(training, app.backgroundExecutor(), javafx.application.Platform::runLater,
                this::trainedHeadSaved),
                owner -> chooser.chooseFolder(owner, "Choose a labelled folder (one subfolder per category)"));
    }

    /**
     * A head was saved in the Train tab: it joins the model chooser, and the Compare tab opens
     * with the current model (normally the head's base) against it.
     */
    private void trainedHeadSaved(Path saved) {
        library.refreshModels();
        ModelChoice trained = GallerySession.choiceFor(saved);
        if (compare.choicesForB().contains(trained)) {
            compare.modelBProperty().set(trained);
            main.select("compareTab");
            compare.compare();
        }
    }

    private EvaluatePanel evaluatePanel() {
        EvaluationCache cache = new EvaluationCache(4);
        EvaluatePanel panel = new EvaluatePanel(app.galleryProperty(), app.thumbnails(),
                () -> app.servicesProperty().get() == null ? ThumbnailSource.fromFiles() : app.servicesProperty().get().thumbnails(),
                gallery -> {
                    GallerySession session = app.sessionProperty().get();
                    return session == null ? OptionalDouble.empty() : session.baselineGallery()
                            .map(b -> BaselineScore.of(gallery, b, PrecisionAtK.CHALLENGE_K, cache)).orElse(OptionalDouble.empty());
                }, cache);
        Node root = panel.view().root();
        panel.activeWhileShown();
        root.sceneProperty().addListener((o, old, scene) -> {
            if (old != null && scene == null) {
                panel.close();
            }
        });
        return panel;
    }

    private Node searchView() {
        EmptyGalleryModel emptyModel = new EmptyGalleryModel(app.servicesProperty().isNotNull(),
                app.loadProblemProperty(), app.loadProblemTitleProperty(), app.jobs(), app.sampleGalleryAvailableProperty(), library.availableProperty());
        EmptyGalleryView empty = new EmptyGalleryView(emptyModel, new EmptyGalleryView.Actions(
                app::downloadSampleGallery,
                () -> chooser.chooseFolder(window(), "Folder with the sample gallery").ifPresent(app::importSampleGallery),
                app::importSampleGallery,
                this::chooseAndAddFolder,
                app::useFallback), app.fallbackLabelProperty(), search.errorProperty(), search.galleryEmptyProperty());
        GalleryPaneView gallery = new GalleryPaneView(
                new GalleryPaneModel(search.tiles(), search.rankedProperty(), search.categories(),
                        app.jobs().indexedLineProperty()), app.thumbnails(),
                new GalleryPaneView.Actions(this::chooseAndAddFolder,
                        () -> FoldersView.show(window(), library, this::askForFolder),
                        tile -> search.search(new QueryRequest.FromGallery(tile.index(), tile.entry()))),
                library.availableProperty(), empty.root());
        TopMatchesPanel top = new TopMatchesPanel(search, app.thumbnails());
        top.followReveal(presentation::rankShown);
        PipelineStrip pipeline = new PipelineStrip(new PipelineViewModel(search.lastQueryProperty(), search.topMatches(),
                search.galleryProperty(), presentation.pipelineShownProperty(), app.backgroundExecutor()));
        heatmapModel = new HeatmapViewModel(search.lastQueryProperty(), search.topMatches(),
                search.galleryProperty(), presentation.heatmapShownProperty(), presentation.rankShown(1),
                app.backgroundExecutor(), javafx.application.Platform::runLater, OcclusionSettings.DEFAULT);
        top.addHeaderAction(HeatmapView.toggle(presentation.heatmapShownProperty(), search.topMatches()));
        SearchView view = new SearchView(query, new ClassroomPanel(presentation, lesson).root(), top, gallery.root(),
                presentation.galleryShown(), pipeline.root(), presentation.pipelineShownProperty());
        // the heatmap over the whole search view: at 200% on a projector the gallery's place is a sliver
        StackPane withHeatmap = new StackPane(view.root());
        withHeatmap.setMinSize(0, 0);
        ShownLater.addWhenShown(withHeatmap, presentation.heatmapShownProperty(), () -> {
            HeatmapView heatmap = new HeatmapView(heatmapModel, app.thumbnails(),
                    () -> presentation.heatmapShownProperty().set(false));
            heatmap.root().visibleProperty().bind(presentation.heatmapShownProperty());
            return heatmap.root();
        });
        return withHeatmap;
    }

    // ---- classroom -----------------------------------------------------------------------------------

    private boolean modelInstalled(String key) {
        // 'default' is always accepted, as the lesson reader says: a switch to a missing one fails and the step shows anyway
        return ModelChoice.HISTOGRAM.key().equals(key) || org.visualsearch.core.model.ModelCatalog.DEFAULT.equals(key)
                || library.models().stream().anyMatch(m -> m.key().equals(key));
    }

    private boolean switchToModel(String key) {
        Optional<ModelChoice> choice = library.models().stream().filter(m -> m.key().equals(key)).findFirst()
                .or(() -> ModelChoice.HISTOGRAM.key().equals(key) ? Optional.of(ModelChoice.HISTOGRAM) : Optional.empty());
        if (choice.isEmpty()) {
            return false;
        }
        if (app.jobs().runningProperty().get()) {
            // e.g. the start-up rescan while --lesson opens step 1: switch when it ends (the job is not
            // interrupted), if the step on screen still asks for this model; the step shows meanwhile
            javafx.beans.value.ChangeListener<Boolean> once = new javafx.beans.value.ChangeListener<>() {
                @Override
                public void changed(javafx.beans.value.ObservableValue<? extends Boolean> o, Boolean was, Boolean running) {
                    if (!running) {
                        app.jobs().runningProperty().removeListener(this);
                        var step = lesson.currentStep();
                        var current = library.currentModelProperty().get();
                        if (step != null && key.equals(step.model()) && (current == null || !key.equals(current.key()))) {
                            app.switchModel(choice.get());
                        }
                    }
                }
            };
            app.jobs().runningProperty().addListener(once);
            return true;
        }
        return app.switchModel(choice.get());
    }

    private void chooseLesson() {
        chooser.chooseLesson(window()).ifPresent(this::openLesson);
    }

    /** Opens a lesson on its first step (its problems, if any, show under the query). */
    public void openLesson(Path file) {
        lesson.open(file);
    }

    private void dropLesson(DragEvent event) {
        Dragboard board = event.getDragboard();
        if (board != null && board.hasFiles() && !board.getFiles().isEmpty()
                && board.getFiles().stream().allMatch(f -> LessonViewModel.isLessonFile(f.toPath()))) {
            List<java.io.File> files = board.getFiles();
            openLesson(files.get(files.size() - 1).toPath());
            event.setDropCompleted(true);
            event.consume();
        }
    }

    private void snapshot() {
        if (root.getScene() == null) {
            return;
        }
        try {
            Path saved = new Snapshots(context.pictures()).save(root.getScene());
            presentation.messageProperty().set("Snapshot saved: " + saved);
        } catch (java.io.IOException | RuntimeException e) {
            search.reportError("The snapshot could not be saved in " + context.pictures() + ": "
                    + org.visualsearch.ui.jobs.Messages.describe(e));
        }
    }

    private static void applyTheme(ClassroomTheme theme) {
        javafx.application.Application.setUserAgentStylesheet(theme.userAgentStylesheet());
    }

    public PresentationModel presentation() {
        return presentation;
    }

    public LessonViewModel lesson() {
        return lesson;
    }

    /** The similarity heatmap of #1 ("Why #1?", W). */
    public HeatmapViewModel heatmap() {
        return heatmapModel;
    }

    /** "More like this" from another view (the map): search with gallery photo {@code index}. */
    private void searchWithPhoto(int index) {
        var gallery = search.galleryProperty().get();
        if (gallery != null && index >= 0 && index < gallery.size()) {
            search.search(new QueryRequest.FromGallery(index, gallery.entries().get(index)));
        }
    }

    private Optional<Path> askForFolder() {
        return chooser.chooseFolder(window(), "Add a folder of photos to the gallery");
    }

    private void chooseAndAddFolder() {
        askForFolder().ifPresent(folder -> library.addFolders(List.of(folder)));
    }

    public Parent root() {
        return root;
    }

    /** The frame, e.g. to select a view. */
    public MainView mainView() {
        return main;
    }

    private Window window() {
        return Controls.windowOf(main.root());
    }
}
