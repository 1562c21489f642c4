package org.visualsearch.ui;

import com.sun.javafx.scene.input.DragboardHelper;
import com.sun.javafx.tk.TKClipboard;
import java.security.AccessControlContext;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import javafx.scene.image.Image;
import javafx.scene.input.DataFormat;
import javafx.util.Pair;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.visualsearch.ui.common.FileChooserPort;
import java.util.concurrent.atomic.AtomicReference;
import javafx.event.Event;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import javafx.stage.Window;

/** What the window tests share: file drops as the OS would deliver them, a scriptable file chooser. */
final class WindowTestSupport {
    private WindowTestSupport() {
    }

    /** The app on {@code gallery}, with the colour-histogram model and a scripted chooser; not waited for. */
    static VisualSearchApp launch(org.visualsearch.core.search.IndexedGallery gallery) throws Exception {
        return (VisualSearchApp) org.testfx.api.FxToolkit.setupApplication(() -> new VisualSearchApp(
                () -> AppServices.of(new org.visualsearch.core.model.ColorHistogramEmbedder(), gallery, null),
                new ScriptedChooser()));
    }

    /** {@link #launch}, then waits until a search can run and the window has settled. */
    static VisualSearchApp launchReady(org.visualsearch.core.search.IndexedGallery gallery) throws Exception {
        VisualSearchApp app = launch(gallery);
        org.testfx.util.WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS,
                () -> FxThread.fx(() -> app.viewModel().search().readyProperty().get()));
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        return app;
    }

    /** Closes what {@link #launch} opened. */
    static void close(VisualSearchApp app) throws Exception {
        org.testfx.api.FxToolkit.cleanupApplication(app);
        org.testfx.api.FxToolkit.cleanupStages();
    }

    /**
     * Fires DRAG_OVER then DRAG_DROPPED carrying {@code files} at the centre of {@code target};
     * call on the FX thread. Returns whether the window accepted the drop.
     */
    static boolean dropFiles(Node target, List<Path> files) {
        Dragboard board = DragboardHelper.createDragboard(new DragClipboard());
        DragboardHelper.setDataAccessRestriction(board, false);
        ClipboardContent content = new ClipboardContent();
        content.putFiles(files.stream().map(Path::toFile).toList());
        board.setContent(content);
        Bounds local = target.getLayoutBounds();
        Bounds scene = target.localToScene(local);
        Bounds screen = target.localToScreen(local);
        DragEvent over = new DragEvent(target, target, DragEvent.DRAG_OVER, board,
                scene.getCenterX(), scene.getCenterY(), screen.getCenterX(), screen.getCenterY(),
                TransferMode.COPY, null, target, null);
        Event.fireEvent(target, over);
        DragEvent dropped = new DragEvent(target, target, DragEvent.DRAG_DROPPED, board,
                scene.getCenterX(), scene.getCenterY(), screen.getCenterX(), screen.getCenterY(),
                TransferMode.COPY, null, target, null);
        Event.fireEvent(target, dropped);
        return dropped.isDropCompleted();
    }

    /** Writes a PNG of {@code scene} to {@code target/screenshots/<name>.png}; call off the FX thread. */
    static java.awt.image.BufferedImage screenshot(javafx.scene.Scene scene, String name) throws Exception {
        javafx.scene.image.WritableImage shot = FxThread.fx(() -> scene.snapshot(null));
        java.awt.image.BufferedImage image = javafx.embed.swing.SwingFXUtils.fromFXImage(shot, null);
        Path out = java.nio.file.Files.createDirectories(Path.of("target", "screenshots")).resolve(name + ".png");
        javax.imageio.ImageIO.write(image, "png", out.toFile());
        return image;
    }

    /**
     * The labels (and buttons, cells, tabs) on screen whose text is cut short: their skin shows
     * something other than their whole text (an ellipsis), e.g. "Ca…" for Cancel. A label that
     * wraps onto more lines shows its whole text and passes; so does one whose text has no bound
     * (a file name) when its tooltip holds the whole text. Call on the FX thread.
     */
    static List<String> clippedLabels(javafx.scene.Parent root) {
        List<String> clipped = new java.util.ArrayList<>();
        collectClipped(root, clipped);
        return clipped;
    }

    private static void collectClipped(Node node, List<String> clipped) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof javafx.scene.control.Labeled labeled && labeled.getText() != null && !labeled.getText().isEmpty()) {
            javafx.scene.text.Text shown = labeled.getChildrenUnmodifiable().stream()
                    .filter(c -> c.getClass().getSimpleName().equals("LabeledText")).map(c -> (javafx.scene.text.Text) c)
                    .findFirst().orElse(null);
            boolean tooltipHasAll = labeled.getTooltip() != null && labeled.getText().equals(labeled.getTooltip().getText());
            if (shown != null && !labeled.getText().equals(shown.getText()) && !tooltipHasAll) {
                clipped.add((labeled.getId() == null ? labeled.getClass().getSimpleName() : "#" + labeled.getId())
                        + " shows \"" + shown.getText() + "\" of \"" + labeled.getText() + "\"");
            }
        }
        if (node instanceof javafx.scene.Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                collectClipped(child, clipped);
            }
        }
    }

    /** A file chooser that answers with whatever the test put in. */
    static final class ScriptedChooser implements FileChooserPort {
        final AtomicReference<Path> nextImage = new AtomicReference<>();
        final AtomicReference<Path> nextFolder = new AtomicReference<>();

        @Override
        public Optional<Path> chooseImage(Window owner) {
            return Optional.ofNullable(nextImage.getAndSet(null));
        }

        @Override
        public Optional<Path> chooseFolder(Window owner, String title) {
            return Optional.ofNullable(nextFolder.getAndSet(null));
        }
    }

    static List<File> files(Path... paths) {
        return List.of(paths).stream().map(Path::toFile).toList();
    }

    /** The data of a drag from a file manager: what the OS hands to JavaFX, minus the OS. */
    private static final class DragClipboard implements TKClipboard {
        private final Map<DataFormat, Object> content = new HashMap<>();

        @Override
        public void setSecurityContext(AccessControlContext context) {
        }

        @Override
        public Set<DataFormat> getContentTypes() {
            return content.keySet();
        }

        @Override
        @SafeVarargs
        public final boolean putContent(Pair<DataFormat, Object>... entries) {
            content.clear();
            for (Pair<DataFormat, Object> entry : entries) {
                content.put(entry.getKey(), entry.getValue());
            }
            return true;
        }

        @Override
        public Object getContent(DataFormat format) {
            return content.get(format);
        }

        @Override
        public boolean hasContent(DataFormat format) {
            return content.containsKey(format);
        }

        @Override
        public Set<TransferMode> getTransferModes() {
            return EnumSet.of(TransferMode.COPY, TransferMode.MOVE, TransferMode.LINK);
        }

        @Override
        public void setDragView(Image image) {
        }

        @Override
        public void setDragViewOffsetX(double offsetX) {
        }

        @Override
        public void setDragViewOffsetY(double offsetY) {
        }

        @Override
        public Image getDragView() {
            return null;
        }

        @Override
        public double getDragViewOffsetX() {
            return 0;
        }

        @Override
        public double getDragViewOffsetY() {
            return 0;
        }
    }
}
