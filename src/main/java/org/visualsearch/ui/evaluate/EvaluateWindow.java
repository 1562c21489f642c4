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
import javafx.scene.Scene;
import javafx.stage.FileChooser;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import org.visualsearch.core.evaluation.EvaluationCache;
import org.visualsearch.core.evaluation.EvaluationReport;
import org.visualsearch.core.evaluation.PhotoCredits;
import org.visualsearch.core.search.IndexedGallery;
import org.visualsearch.core.sampledb.SampleManifest;
import org.visualsearch.ui.gallery.ThumbnailCache;
import org.visualsearch.ui.gallery.ThumbnailSource;

/**
 * The Evaluate view in a window of its own beside the main one, for as long as the main window
 * lives: closing it keeps its view-model, so reopening shows the evaluation at once (and the
 * cache makes a changed-and-changed-back gallery instant too). Owns the evaluation's thread.
 */
public final class EvaluateWindow implements AutoCloseable {
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "vss-evaluate");
        t.setDaemon(true);
        t.setPriority(Thread.NORM_PRIORITY - 1);
        return t;
    });
    private final EvaluateView view;
    private Stage stage;

    /**
     * @param gallery    the searched gallery
     * @param thumbnails the window's thumbnail cache
     * @param source     where thumbnails come from now, for the report (called off the FX thread)
     * @param baseline   the histogram baseline's mP@5 on a gallery when it can be had (called off the FX thread)
     */
    public EvaluateWindow(ObservableValue<IndexedGallery> gallery, ThumbnailCache thumbnails, Supplier<ThumbnailSource> source,
                          Function<IndexedGallery, OptionalDouble> baseline, EvaluationCache cache) {
        PhotoCredits credits;
        try {
            credits = new PhotoCredits(SampleManifest.bundled());
        } catch (RuntimeException e) {
            credits = PhotoCredits.none();
        }
        EvaluateViewModel vm = new EvaluateViewModel(gallery, executor, cache, jpegs(source), credits, baseline);
        view = new EvaluateView(vm, thumbnails, EvaluateWindow::askWhereToSave);
    }

    public EvaluateView view() {
        return view;
    }

    /** Shows the window (creating it the first time) and starts the evaluation if there is none yet. */
    public void show(Window owner) {
        if (stage == null) {
            stage = new Stage();
            stage.setTitle("Evaluate: the model's score on the gallery");
            if (owner != null) {
                stage.initOwner(owner);
                stage.initModality(Modality.NONE);
            }
            Scene scene = new Scene(view.root(), 1280, 900);
            if (owner != null && owner.getScene() != null) {
                scene.getStylesheets().setAll(owner.getScene().getStylesheets());
            }
            stage.setScene(scene);
            stage.setMinWidth(960);
            stage.setMinHeight(640);
            stage.showingProperty().addListener((o, was, now) -> view.viewModel().activeProperty().set(now));
        }
        stage.show();
        stage.toFront();
        view.viewModel().activeProperty().set(true);
    }

    public Stage stage() {
        return stage;
    }

    @Override
    public void close() {
        view.viewModel().cancel();
        executor.shutdownNow();
        if (stage != null) {
            stage.close();
        }
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
