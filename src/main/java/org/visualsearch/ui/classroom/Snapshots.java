package org.visualsearch.ui.classroom;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;
import javafx.scene.transform.Transform;
import javax.imageio.ImageIO;

/**
 * Ctrl+Shift+S: a PNG of the whole window at the screen's resolution (a HiDPI screen's output
 * scale, so the picture is as sharp on a slide as on the screen), into the pictures folder.
 */
public final class Snapshots {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH.mm.ss");
    private final Path folder;

    public Snapshots(Path folder) {
        this.folder = folder;
    }

    /** {@code VSS_PICTURES}, else the user's Pictures folder, else the home folder, in a "Visual Search" folder. */
    public static Path defaultFolder() {
        String override = System.getenv("VSS_PICTURES");
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        Path home = Path.of(System.getProperty("user.home"));
        Path pictures = home.resolve("Pictures");
        return (Files.isDirectory(pictures) ? pictures : home).resolve("Visual Search");
    }

    /** Takes the picture on the FX thread and writes it; returns the file. */
    public Path save(Scene scene) throws IOException {
        double scaleX = scene.getWindow() == null ? 1 : scene.getWindow().getOutputScaleX();
        double scaleY = scene.getWindow() == null ? 1 : scene.getWindow().getOutputScaleY();
        SnapshotParameters params = new SnapshotParameters();
        params.setTransform(Transform.scale(scaleX, scaleY));
        WritableImage shot = new WritableImage((int) Math.ceil(scene.getWidth() * scaleX),
                (int) Math.ceil(scene.getHeight() * scaleY));
        scene.getRoot().snapshot(params, shot);
        BufferedImage image = SwingFXUtils.fromFXImage(shot, null);
        Files.createDirectories(folder);
        Path file = folder.resolve("Visual Search " + LocalDateTime.now().format(STAMP) + ".png");
        for (int n = 2; Files.exists(file); n++) {
            file = folder.resolve("Visual Search " + LocalDateTime.now().format(STAMP) + " (" + n + ").png");
        }
        if (!ImageIO.write(image, "png", file.toFile())) {
            throw new IOException("no PNG writer");
        }
        return file;
    }
}
