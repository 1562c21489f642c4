package org.visualsearch.ui.evaluate;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.value.ObservableValue;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import org.visualsearch.core.evaluation.EvaluationCache;
import org.visualsearch.core.evaluation.EvaluationReport;
import org.visualsearch.core.evaluation.PhotoCredits;
import org.visualsearch.core.search.IndexedGallery;
import org.visualsearch.core.sampledb.SampleManifest;
import org.visualsearch.ui.gallery.ThumbnailCache;
import org.visualsearch.app.ThumbnailSource;

/**
 * The Evaluate view wired for the main window's Evaluate tab: its view-model, its own thread
 * (an evaluation of 100,000 photos takes minutes and must not hold up searches), the report's
 * thumbnails and credits. It evaluates while it is shown; switching away keeps the result, and
 * the cache makes a changed-and-changed-back gallery instant too.
 */
public final class EvaluatePanel implements AutoCloseable {
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "vss-evaluate");
        t.setDaemon(true);
        t.setPriority(Thread.NORM_PRIORITY - 1);
        return t;
    });
    private final EvaluateView view;

    /**
     * @param gallery    the searched gallery
     * @param thumbnails the window's thumbnail cache
     * @param source     where thumbnails come from now, for the report (called off the FX thread)
     * @param baseline   the histogram baseline's mP@5 on a gallery when it can be had (called off the FX thread)
     */
    public EvaluatePanel(ObservableValue<IndexedGallery> gallery, ThumbnailCache thumbnails, Supplier<ThumbnailSource> source,
                          Function<IndexedGallery, OptionalDouble> baseline, EvaluationCache cache) {
        PhotoCredits credits;
        try {
            credits = new PhotoCredits(SampleManifest.bundled());
        } catch (RuntimeException e) {
            credits = PhotoCredits.none();
        }
        EvaluateViewModel vm = new EvaluateViewModel(gallery, executor, cache, jpegs(source), credits, baseline);
        view = new EvaluateView(vm, thumbnails, EvaluatePanel::askWhereToSave);
    }

    public EvaluateView view() {
        return view;
    }

    /**
     * Evaluates while the view is on screen: in a scene, and its container visible (a tab pane
     * hides the container of an unselected tab, not the tab's content itself).
     */
    public void activeWhileShown() {
        javafx.scene.Parent root = view.root();
        javafx.beans.property.BooleanProperty active = view.viewModel().activeProperty();
        javafx.beans.value.ChangeListener<Boolean> parentVisible = (o, a, b) ->
                active.set(root.getScene() != null && root.getParent() != null && root.getParent().isVisible());
        root.parentProperty().addListener((o, old, parent) -> {
            if (old != null) {
                old.visibleProperty().removeListener(parentVisible);
            }
            if (parent != null) {
                parent.visibleProperty().addListener(parentVisible);
            }
            parentVisible.changed(null, null, null);
        });
        if (root.getParent() != null) {
            root.getParent().visibleProperty().addListener(parentVisible);
        }
        root.sceneProperty().addListener((o, a, b) -> parentVisible.changed(null, null, null));
        parentVisible.changed(null, null, null);
    }

    @Override
    public void close() {
        view.viewModel().cancel();
        executor.shutdownNow();
    }

    private static Optional<Path> askWhereToSave(Window owner) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the evaluation report");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Web page (*.html)", "*.html"));
        chooser.setInitialFileName("evaluation-report.html");
        java.io.File file = chooser.showSaveDialog(owner);
        return Optional.ofNullable(file).map(java.io.File::toPath);
    }

    /** Thumbnails as JPEG bytes for the report, from whatever source the window uses. */
    static EvaluationReport.Thumbnails jpegs(Supplier<ThumbnailSource> source) {
        return entry -> {
            try {
                BufferedImage image = source.get().thumbnail(entry);
                BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
                java.awt.Graphics2D g = rgb.createGraphics();
                g.drawImage(image, 0, 0, java.awt.Color.WHITE, null);
                g.dispose();
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                ImageIO.write(rgb, "jpg", out);
                return Optional.of(out.toByteArray());
            } catch (IOException | RuntimeException e) {
                return Optional.empty();
            }
        };
    }
}
