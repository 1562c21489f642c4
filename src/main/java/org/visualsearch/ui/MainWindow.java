package org.visualsearch.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Window;
import org.visualsearch.core.projection.ProjectionCache;
import org.visualsearch.ui.common.Controls;
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
 *         new EvaluateView(new EvaluateViewModel(app.galleryProperty(), app.embedderProperty(), app.jobs())).root()));
 * }</pre>
 * With more than one view the window shows them as tabs (Search first).
 */
public final class MainWindow {
    private final AppViewModel app;
    private final FileChooserPort chooser;
    private final SearchViewModel search;
    private final LibraryViewModel library;
    private final QueryPaneView query;
    private final MainView main;

    public MainWindow(AppViewModel app, FileChooserPort chooser) {
        this.app = app;
        this.chooser = chooser;
        this.search = app.search();
        this.library = app.library();
        QueryInput input = new QueryInput(search, () -> library.availableProperty().get(), library::addFolders);
        query = new QueryPaneView(search, input, chooser);
        HeaderView header = new HeaderView(search.acceptsQueryProperty(),
                new ModelChooser(library, app::switchModel).root(), query::openFile, query::paste,
                () -> CreditsView.show(window(), app.credits()));
        ErrorBanner banner = new ErrorBanner(search.errorProperty(), search::dismissError);
        StatusBarModel status = new StatusBarModel(search.embedderProperty(), app.loadProblemProperty(),
                search.galleryProperty(), library.indexStateProperty(), search.lastSearchMillisProperty(),
                library.problems());
        main = new MainView(header.root(), banner.root(), views(), new JobBarView(app.jobs()).root(),
                new StatusBarView(status, () -> ProblemsView.show(window(), library)).root());
        query.installDropTarget(main.root());
        main.root().sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.V, KeyCombination.SHORTCUT_DOWN), query::paste);
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN), query::openFile);
            }
        });
    }

    /** The window's top-level views, in tab order: add a view here, one line each. */
    private List<TopLevelView> views() {
        List<TopLevelView> views = new ArrayList<>();
        views.add(new TopLevelView("searchTab", "Search", searchView().root()));
        views.add(new TopLevelView("evaluateTab", "Evaluate", evaluatePanel().view().root()));
        views.add(new TopLevelView("mapTab", "Map", new MapView(new MapViewModel(app.galleryProperty(),
                search.queryVectorProperty(), search.topMatches(), app.analysisExecutor(), this::searchWithPhoto,
                new ProjectionCache(6)), app.thumbnails()).root()));
        views.add(new TopLevelView("compareTab", "Compare", new CompareView(new CompareViewModel(app.galleryProperty(),
                library.currentModelProperty(), library.models(), app::galleryFor, app.libraryExecutor()),
                app.thumbnails()).scrollableRoot()));
        views.add(new TopLevelView("trainTab", "Train", trainView().root()));
        return views;
    }

    private TrainView trainView() {
        var training = javafx.beans.binding.Bindings.createObjectBinding(
                () -> app.sessionProperty().get() == null ? null : app.sessionProperty().get().training(),
                app.sessionProperty());
        return new TrainView(new TrainViewModel(training, app.backgroundExecutor(), javafx.application.Platform::runLater,
                saved -> library.refreshModels()),
                owner -> chooser.chooseFolder(owner, "Choose a labelled folder (one subfolder per category)"));
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

    private SearchView searchView() {
        EmptyGalleryModel emptyModel = new EmptyGalleryModel(app.servicesProperty().isNotNull(),
                app.loadProblemProperty(), app.jobs(), app.sampleGalleryAvailableProperty(), library.availableProperty());
        EmptyGalleryView empty = new EmptyGalleryView(emptyModel, new EmptyGalleryView.Actions(
                app::downloadSampleGallery,
                () -> chooser.chooseFolder(window(), "Folder with the sample gallery").ifPresent(app::importSampleGallery),
                app::importSampleGallery,
                this::chooseAndAddFolder,
                app::useFallback), app.fallbackLabelProperty(), search.errorProperty(), search.galleryEmptyProperty());
        GalleryPaneView gallery = new GalleryPaneView(
                new GalleryPaneModel(search.tiles(), search.rankedProperty(), search.categories()), app.thumbnails(),
                new GalleryPaneView.Actions(this::chooseAndAddFolder,
                        () -> FoldersView.show(window(), library, this::askForFolder),
                        tile -> search.search(new QueryRequest.FromGallery(tile.index(), tile.entry()))),
                library.availableProperty(), empty.root());
        return new SearchView(query, new TopMatchesPanel(search, app.thumbnails()), gallery.root());
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
        return main.root();
    }

    /** The frame, e.g. to select a view. */
    public MainView mainView() {
        return main;
    }

    private Window window() {
        return Controls.windowOf(main.root());
    }
}
