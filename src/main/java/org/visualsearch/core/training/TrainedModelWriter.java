package org.visualsearch.core.training;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.visualsearch.core.model.Backbone;
import org.visualsearch.core.model.EmbeddingException;
import org.visualsearch.core.model.HeadEmbedder;
import org.visualsearch.core.model.ModelDescriptor;

/**
 * Writes a trained head as a model folder ({@link HeadEmbedder} reads it): serving.properties
 * naming the backbone and its feature file's SHA-256, {@code head.npz}, and a MODEL_CARD.md with
 * the data, the options and the validation figures. The folder is built beside the target under a
 * hidden name and moved into place at the end, so a failure or a cancel never leaves a
 * half-written model (or a half-replaced one) where the model chooser looks.
 */
public final class TrainedModelWriter {

    public static final String HEAD_FILE = "head.npz";
    public static final String CARD_FILE = "MODEL_CARD.md";

    private TrainedModelWriter() {
    }

    /**
     * What the card says about the data.
     *
     * @param folders   the labelled folders
     * @param extraction how the features were obtained
     */
    public record Provenance(List<Path> folders, FeatureExtraction.Result extraction) {
    }

    /**
     * Writes the model folder.
     *
     * @param target   the folder to create, e.g. models/my-head
     * @param name     the display name (vss.name)
     * @param backbone the base model whose features the head was trained on
     * @param replace  replace an existing folder (which must itself be a trained head)
     * @throws IOException when the folder exists (and may not be replaced) or cannot be written
     */
    public static Path write(Path target, String name, Backbone backbone, TrainingResult result,
                             Provenance provenance, boolean replace) throws IOException {
        Path folder = target.toAbsolutePath().normalize();
        Path parent = folder.getParent();
        if (Files.exists(folder)) {
            if (!replace) {
                throw new FileAlreadyExistsException(folder + " already exists: choose another name"
                        + " (or replace it)");
            }
            if (!HeadEmbedder.isHeadModel(folder)) {
                throw new IOException(folder + " exists and is not a trained head: refusing to replace it");
            }
        }
        Files.createDirectories(parent);
        String sha;
        try {
            sha = backbone.featuresSha256();
        } catch (EmbeddingException e) {
            throw new IOException(e.getMessage(), e);
        }
        Path temp = Files.createTempDirectory(parent, "." + folder.getFileName() + ".partial-");
        try {
            result.head().writeNpz(temp.resolve(HEAD_FILE));
            Files.writeString(temp.resolve(CARD_FILE), ModelCard.markdown(name, backbone, result, provenance),
                    StandardCharsets.UTF_8);
            Files.writeString(temp.resolve(ModelDescriptor.DESCRIPTOR_FILE),
                    descriptor(name, folder, backbone, sha, result), StandardCharsets.UTF_8);
            if (Files.exists(folder)) {
                Path old = Files.createTempDirectory(parent, "." + folder.getFileName() + ".old-");
                Files.delete(old);
                move(folder, old);
                move(temp, folder);
                deleteTree(old);
            } else {
                move(temp, folder);
            }
        } finally {
            if (Files.exists(temp)) {
                deleteTree(temp);
            }
        }
        return folder;
    }

    static String descriptor(String name, Path folder, Backbone backbone, String sha, TrainingResult result) {
        String ref;
        try {
            ref = folder.relativize(backbone.folder()).toString().replace('\\', '/');
        } catch (IllegalArgumentException e) {
            ref = backbone.folder().toString(); // on another drive: no relative path
        }
        StringBuilder sb = new StringBuilder();
        sb.append("# A head trained by Visual Search Simulator on the features of another model (its backbone).\n");
        sb.append("# embedding = L2(head(features of the backbone)); see MODEL_CARD.md for the data and figures.\n");
        sb.append("vss.name=").append(escape(name)).append('\n');
        sb.append(HeadEmbedder.BACKBONE).append('=').append(escape(ref)).append('\n');
        sb.append(HeadEmbedder.BACKBONE_SHA256).append('=').append(sha).append('\n');
        sb.append(Backbone.HEAD_FILE).append('=').append(HEAD_FILE).append('\n');
        sb.append("vss.dimension=").append(result.head().dimension()).append('\n');
        return sb.toString();
    }

    private static String escape(String value) {
        StringBuilder sb = new StringBuilder();
        for (char c : value.toCharArray()) {
            if (c == '\\' || c == '\n' || c == '\r' || c == '=' || c == ':' || c == '#' || c == '!') {
                sb.append(c == '\n' ? "\\n" : c == '\r' ? "\\r" : "\\" + c);
            } else if (c > 0x7e) {
                sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    static void deleteTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
