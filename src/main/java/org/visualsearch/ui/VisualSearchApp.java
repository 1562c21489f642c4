package org.visualsearch.ui;

import atlantafx.base.theme.PrimerLight;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import javafx.application.Application;
import javafx.concurrent.Task;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import org.visualsearch.core.common.StartupTrace;
import org.visualsearch.core.model.ColorHistogramEmbedder;
import org.visualsearch.core.model.ImageEmbedder;
import org.visualsearch.core.search.IndexedGallery;
import org.visualsearch.core.search.VectorIndex;
import org.visualsearch.ui.classroom.ClassroomContext;
import org.visualsearch.ui.classroom.Snapshots;
import org.visualsearch.ui.common.FileChooserPort;
import org.visualsearch.ui.jobs.Messages;

/**
 * The desktop app. The launcher starts it with {@link #launchApp(String[], Callable)}, handing
 * over a factory that builds the {@link AppServices} (model, gallery, sample-gallery source) from
 * the core. The window opens at once; the factory runs on a background thread and its failure
 * (e.g. a broken model) is shown in the window, which stays usable.
 */
public class VisualSearchApp extends Application {
    public static final String STYLESHEET = "/org/visualsearch/ui/app.css";
    /** Frames the loading window stays before the full window is built (see afterFrames). */
    private static final int SPLASH_FRAMES = 3;
    /** The window icon in the sizes desktops ask for (rendered from assets/icon/visual-search.svg). */
    static final List<Integer> ICON_SIZES = List.of(16, 32, 48, 64, 128, 256);
    private static final System.Logger LOG = System.getLogger(VisualSearchApp.class.getName());
    private static long shownAt;
    private static volatile Callable<AppServices> launchFactory = VisualSearchApp::baselineServices;
    private static volatile ClassroomContext launchClassroom;

    private final Callable<AppServices> factory;
    private final FileChooserPort chooser;
    private AppViewModel viewModel;
    private Stage stage;
    private MainWindow window;
    private ClassroomContext classroom = new ClassroomContext(null, null, Snapshots.defaultFolder(), null);

    /** Used by {@link Application#launch}: takes the factory given to {@link #launchApp}. */
    public VisualSearchApp() {
        this(null, FileChooserPort.system());
        if (launchClassroom != null) {
            classroom = launchClassroom;
        }
    }

    /** For tests and embedding: a fixed factory and file chooser. */
    public VisualSearchApp(Callable<AppServices> factory, FileChooserPort chooser) {
        this.factory = factory;
        this.chooser = Objects.requireNonNull(chooser);
    }

    /** Opens the window; blocks until it is closed. {@code factory} runs once, off the FX thread. */
    public static void launchApp(String[] args, Callable<AppServices> factory) {
        launchApp(args, factory, null);
    }

    /** Like {@link #launchApp(String[], Callable)}, with where the classroom mode keeps things (and a lesson to open). */
    public static void launchApp(String[] args, Callable<AppServices> factory, ClassroomContext classroomContext) {
        launchFactory = Objects.requireNonNull(factory);
        launchClassroom = classroomContext;
        Application.launch(VisualSearchApp.class, args);
    }

    /** The baseline model and an empty gallery: what the window shows before anything is indexed. */
    public static AppServices baselineServices() {
        ImageEmbedder embedder = new ColorHistogramEmbedder();
        return AppServices.of(embedder, emptyGallery(embedder), null);
    }

    public static IndexedGallery emptyGallery(ImageEmbedder embedder) {
        return new IndexedGallery(embedder.info(), List.of(), VectorIndex.of(embedder.info().dimension(), List.of()));
    }

    /** The app icon, one image per size in {@link #ICON_SIZES}; the desktop picks the one it needs. */
    public static List<Image> icons() {
        return ICON_SIZES.stream()
                .map(size -> "/org/visualsearch/ui/icon/visual-search-" + size + ".png")
                .map(path -> new Image(Objects.requireNonNull(VisualSearchApp.class.getResource(path), path).toExternalForm()))
                .toList();
    }

    /**
     * Gives the stage its icons once they are decoded, off the FX thread: six PNGs and the image
     * loader's first use took about 0.1 s before the loading window could paint.
     */
    private static void loadIcons(Stage stage) {
        Thread loader = new Thread(() -> {
            List<Image> icons = icons();
            javafx.application.Platform.runLater(() -> stage.getIcons().setAll(icons));
        }, "vss-icons");
        loader.setDaemon(true);
        loader.start();
    }

    /** Sets the AtlantaFX theme for the whole application. */
    public static void applyTheme() {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    }

    @Override
    public void start(Stage primaryStage) {
        stage = primaryStage;
        StartupTrace.mark("JavaFX toolkit up, building the window");
        applyTheme();
        viewModel = new AppViewModel();
        // 1280 x 820 fits a classroom projector; smaller screens get a window that fits them.
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        // A real start paints a light "Loading…" window at once and builds the full window
        // behind it: building it (every tab, the theme's CSS) kept the window black for seconds
        // on a busy machine. Tests (a factory given) get the full window at once.
        boolean splashFirst = factory == null;
        Scene scene = new Scene(splashFirst ? splash() : buildWindow());
        scene.getStylesheets().add(Objects.requireNonNull(VisualSearchApp.class.getResource(STYLESHEET)).toExternalForm());
        primaryStage.setTitle("Visual Search Simulator");
        loadIcons(primaryStage);
        // 960 x 600 is the smallest the layout is tested at; a smaller screen still gets a window that fits it
        primaryStage.setMinWidth(Math.min(960, screen.getWidth()));
        primaryStage.setMinHeight(Math.min(600, screen.getHeight()));
        primaryStage.setScene(scene);
        // The stage's size includes its frame: a 1024 x 600 screen gets a window that fits its
        // visual bounds (panels excluded), status bar included, not a 640-px-high scene plus frame.
        primaryStage.setWidth(Math.min(1280, screen.getWidth()));
        primaryStage.setHeight(Math.min(820, screen.getHeight()));
        primaryStage.setX(screen.getMinX() + (screen.getWidth() - primaryStage.getWidth()) / 2);
        primaryStage.setY(screen.getMinY() + (screen.getHeight() - primaryStage.getHeight()) / 2);
        // Esc leaves present mode through the window's own keys (it also closes the help first).
        primaryStage.setFullScreenExitKeyCombination(javafx.scene.input.KeyCombination.NO_MATCH);
        primaryStage.setFullScreenExitHint("");
        primaryStage.show();
        shownAt = sinceJvmStart();
        Callable<AppServices> services = factory != null ? factory : launchFactory;
        if (splashFirst) {
            whenFirstFramePainted(scene, "first frame", () -> {
                StartupTrace.mark("splash window painted");
                afterFrames(SPLASH_FRAMES, () -> {
                    scene.setRoot(buildWindow());
                    StartupTrace.mark("full window built (its CSS and layout come with its first frame)");
                    whenFirstFramePainted(scene, "full window", () -> StartupTrace.mark("window shown (full window painted)"));
                    startWindow(services);
                });
            });
        } else {
            whenFirstFramePainted(scene, "first frame", () -> StartupTrace.mark("window shown (full window painted)"));
            startWindow(services);
        }
    }

    /** The window's content; its models exist from then on. */
    private javafx.scene.Parent buildWindow() {
        MainWindow view = new MainWindow(viewModel, chooser, classroom);
        window = view;
        view.presentation().presentingProperty().addListener((obs, was, now) -> stage.setFullScreen(now));
        stage.fullScreenProperty().addListener((obs, was, now) -> view.presentation().presentingProperty().set(now));
        return view.root();
    }

    private void startWindow(Callable<AppServices> services) {
        if (classroom.lesson() != null) {
            openLessonWhenReady(classroom.lesson());
        }
        loadServices(services);
    }

    /** What the window shows for the moment the full window is being built: its title and the state. */
    private static javafx.scene.Parent splash() {
        javafx.scene.control.Label title = new javafx.scene.control.Label("Visual Search Simulator");
        title.setStyle("-fx-font-size: 26px; -fx-font-weight: bold;");
        javafx.scene.control.Label state = new javafx.scene.control.Label("Loading the model and the gallery…");
        state.setStyle("-fx-font-size: 16px;");
        javafx.scene.layout.VBox box = new javafx.scene.layout.VBox(14, title, state);
        box.setId("startupSplash");
        box.setAlignment(javafx.geometry.Pos.CENTER);
        return box;
    }

    /**
     * Runs {@code then} once the scene's first frame is laid out and handed to the renderer, and
     * logs how long after the JVM's start that was (the start-up time a user sees: before it
     * the window is there, but black).
     */
    private static long sinceJvmStart() {
        return System.currentTimeMillis() - java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
    }

    /**
     * Runs {@code then} once {@code frames} more pulses have rendered: by then the window system
     * has shown the loading window's frame, so building the full window (which keeps the FX thread
     * busy for a second) cannot swallow it. Counted in frames, not a fixed wait, so a fast machine
     * waits a few tens of milliseconds.
     */
    private static void afterFrames(int frames, Runnable then) {
        new javafx.animation.AnimationTimer() {
            private int left = frames;

            @Override
            public void handle(long now) {
                if (--left <= 0) {
                    stop();
                    then.run();
                }
            }
        }.start();
    }

    private static void whenFirstFramePainted(Scene scene, String what, Runnable then) {
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            LOG.log(System.Logger.Level.INFO, "start-up: window shown " + shownAt + " ms, " + what + " "
                    + sinceJvmStart() + " ms after the JVM started");
            javafx.application.Platform.runLater(then); // after this pulse has rendered
        };
        scene.addPostLayoutPulseListener(once[0]);
    }

    private void loadServices(Callable<AppServices> servicesFactory) {
        Task<AppServices> load = new Task<>() {
            @Override
            protected AppServices call() throws Exception {
                return servicesFactory.call();
            }
        };
        load.setOnSucceeded(e -> viewModel.installAndIndex(load.getValue()));
        load.setOnFailed(e -> {
            if (load.getException() instanceof StartupFailure failure) {
                LOG.log(System.Logger.Level.WARNING, failure.getMessage());
                viewModel.loadFailed(failure);
                return;
            }
            LOG.log(System.Logger.Level.ERROR, "loading the model or gallery failed", load.getException());
            viewModel.loadFailed("The model or the gallery could not be loaded: " + Messages.describe(load.getException()));
        });
        Thread thread = new Thread(load, "vss-startup");
        thread.setDaemon(true);
        thread.start();
    }

    /** --lesson: present mode at once, the lesson's first step once the model and gallery are in. */
    private void openLessonWhenReady(java.nio.file.Path lesson) {
        window.presentation().presentingProperty().set(true);
        javafx.beans.value.ChangeListener<Boolean> whenReady = new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Boolean> obs, Boolean was, Boolean ready) {
                if (ready) {
                    obs.removeListener(this);
                    // after the rest of the install (the library's models come after the search's
                    // model): opened at once, step 1's model switch found no models and was dropped
                    javafx.application.Platform.runLater(() -> window.openLesson(lesson));
                }
            }
        };
        if (viewModel.search().readyProperty().get()) {
            window.openLesson(lesson);
        } else {
            viewModel.search().readyProperty().addListener(whenReady);
        }
    }

    /** Where the classroom mode keeps things; call before the window starts (tests). */
    public VisualSearchApp withClassroom(ClassroomContext context) {
        this.classroom = Objects.requireNonNull(context);
        return this;
    }

    /** The window (tests drive the classroom mode through it). */
    public MainWindow window() {
        return window;
    }

    /** The window's composition root (tests drive the window through it). */
    public AppViewModel viewModel() {
        return viewModel;
    }

    public Stage stage() {
        return stage;
    }

    @Override
    public void stop() {
        if (viewModel != null) {
            viewModel.close();
        }
    }
}
