package org.visualsearch.core.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Finds and opens models by the names users type: {@value #DEFAULT} (the shipped model),
 * {@value #HISTOGRAM} (the colour-histogram baseline), the name of a folder under the models
 * folder or under the user's own models folder (in the data folder, where the window saves
 * trained heads), or a path to a model folder or TorchScript file. A name in both is the
 * models folder's.
 */
public final class ModelCatalog {

    /** The shipped default model: {@code models/default}. */
    public static final String DEFAULT = "default";
    /** The colour-histogram baseline, which needs no model file. */
    public static final String HISTOGRAM = "histogram";

    private final Path modelsDir;
    private final Path userModelsDir;

    /** A catalog of the models folder only. */
    public ModelCatalog(Path modelsDir) {
        this(modelsDir, null);
    }

    /**
     * @param modelsDir     the models folder (shipped models, and heads saved with the train command)
     * @param userModelsDir the user's own models folder (in the data folder), or null for none
     */
    public ModelCatalog(Path modelsDir, Path userModelsDir) {
        this.modelsDir = modelsDir;
        this.userModelsDir = userModelsDir;
    }

    /** The models folder (the train command saves trained heads there by default). */
    public Path modelsDir() {
        return modelsDir;
    }

    /** The user's own models folder in the data folder (the window saves trained heads there by default). */
    public Optional<Path> userModelsDir() {
        return Optional.ofNullable(userModelsDir);
    }

    /**
     * Where a model name points: a folder under the models folder, else under the user's models
     * folder, else the path itself.
     */
    public Path resolve(String name) {
        if (isPlainName(name)) {
            Path underModels = modelsDir.resolve(name);
            if (Files.exists(underModels)) {
                return underModels;
            }
            if (userModelsDir != null && Files.exists(userModelsDir.resolve(name))) {
                return userModelsDir.resolve(name);
            }
        }
        return Path.of(name);
    }

    /** Whether a plain name is taken in either models folder (the chooser lists models by name). */
    public boolean isTaken(String name) {
        return Files.exists(modelsDir.resolve(name)) || userModelsDir != null && Files.exists(userModelsDir.resolve(name));
    }

    /**
     * Opens a model.
     *
     * @throws EmbeddingException naming the model and the cause when it cannot be loaded
     */
    public ImageEmbedder open(String name) throws EmbeddingException {
        if (isHistogram(name)) {
            return new ColorHistogramEmbedder();
        }
        Path path = resolve(name);
        if (!Files.exists(path)) {
            throw new EmbeddingException("model '" + name + "' not found: no " + (isPlainName(name)
                    ? "model folder " + modelsDir.resolve(name) + (userModelsDir == null ? "" : " or "
                    + userModelsDir.resolve(name)) + " and no " : "") + "file or folder "
                    + path.toAbsolutePath());
        }
        if (HeadEmbedder.isHeadModel(path)) {
            return HeadEmbedder.load(path); // a trained head on another model's backbone
        }
        return TorchScriptEmbedder.load(path);
    }

    /**
     * The descriptor of a name that {@link #open} loads as a TorchScript model, read without
     * loading the model; empty for the histogram, a trained head, or a name whose descriptor does
     * not resolve (opening it says why).
     */
    public Optional<ModelDescriptor> torchScriptDescriptor(String name) {
        if (isHistogram(name)) {
            return Optional.empty();
        }
        Path path = resolve(name);
        if (!Files.exists(path) || HeadEmbedder.isHeadModel(path)) {
            return Optional.empty();
        }
        try {
            return Optional.of(ModelDescriptor.resolve(path));
        } catch (EmbeddingException e) {
            return Optional.empty();
        }
    }

    private static boolean isHistogram(String name) {
        return HISTOGRAM.equals(name.toLowerCase(Locale.ROOT));
    }

    /**
     * The model folders (those with a descriptor or a TorchScript file): the models folder's,
     * sorted, then the user's, sorted, but for a name the models folder has already.
     */
    public List<Path> installed() {
        List<Path> found = modelFolders(modelsDir);
        if (userModelsDir != null) {
            Set<String> names = new HashSet<>();
            found.forEach(p -> names.add(p.getFileName().toString()));
            modelFolders(userModelsDir).stream().filter(p -> !names.contains(p.getFileName().toString()))
                    .forEach(found::add);
        }
        return found;
    }

    private static List<Path> modelFolders(Path dir) {
        List<Path> found = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return found;
        }
        try (Stream<Path> children = Files.list(dir)) {
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
