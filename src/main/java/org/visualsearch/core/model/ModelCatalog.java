package org.visualsearch.core.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Finds and opens models by the names users type: {@value #DEFAULT} (the shipped model),
 * {@value #HISTOGRAM} (the colour-histogram baseline), the name of a folder under the models
 * folder, or a path to a model folder or TorchScript file.
 */
public final class ModelCatalog {

    /** The shipped default model: {@code models/default}. */
    public static final String DEFAULT = "default";
    /** The colour-histogram baseline, which needs no model file. */
    public static final String HISTOGRAM = "histogram";

    private final Path modelsDir;

    public ModelCatalog(Path modelsDir) {
        this.modelsDir = modelsDir;
    }

    /** Where a model name points: a folder under the models folder, or the path itself. */
    public Path resolve(String name) {
        Path underModels = modelsDir.resolve(name);
        return isPlainName(name) && Files.exists(underModels) ? underModels : Path.of(name);
    }

    /**
     * Opens a model.
     *
     * @throws EmbeddingException naming the model and the cause when it cannot be loaded
     */
    public ImageEmbedder open(String name) throws EmbeddingException {
        if (HISTOGRAM.equals(name.toLowerCase(Locale.ROOT))) {
            return new ColorHistogramEmbedder();
        }
        Path path = resolve(name);
        if (!Files.exists(path)) {
            throw new EmbeddingException("model '" + name + "' not found: no " + (isPlainName(name)
                    ? "model folder " + modelsDir.resolve(name) + " and no " : "") + "file or folder "
                    + path.toAbsolutePath());
        }
        return TorchScriptEmbedder.load(path);
    }

    /** The model folders under the models folder (those with a descriptor or a TorchScript file), sorted. */
    public List<Path> installed() {
        List<Path> found = new ArrayList<>();
        if (!Files.isDirectory(modelsDir)) {
            return found;
        }
        try (Stream<Path> children = Files.list(modelsDir)) {
            children.filter(Files::isDirectory).filter(ModelCatalog::looksLikeModel).sorted().forEach(found::add);
        } catch (IOException e) {
            // an unreadable models folder simply offers no models; opening one names the cause
        }
        return found;
    }

    /** A folder name under the models folder rather than a path. */
    private static boolean isPlainName(String name) {
        return !name.contains("/") && !name.contains("\\");
    }

    private static boolean looksLikeModel(Path folder) {
        if (Files.exists(folder.resolve(ModelDescriptor.DESCRIPTOR_FILE))) {
            return true;
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.anyMatch(f -> ModelFolder.isTorchScriptName(f.getFileName().toString()));
        } catch (IOException e) {
            return false;
        }
    }
}
