package org.visualsearch.core.model;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import org.visualsearch.core.common.Sha256;

/**
 * The optional feature extractor of a model folder: a TorchScript in the GUIE convention (uint8
 * [1,3,H,W] in) that returns the pooled backbone features [1,F] the model's head consumes,
 * declared in {@code serving.properties}:
 * <pre>
 * vss.features.file=features.pt
 * vss.features.dimension=768
 * vss.head.file=head.npz          # optional: the model's own head, embedding = L2(head(features))
 * </pre>
 * Heads are trained on these features ({@code core.training}); a trained model folder then names
 * this folder as its backbone ({@link HeadEmbedder}).
 *
 * @param folder        the model folder
 * @param name          the model's display name (vss.name, else the folder name)
 * @param featuresFile  the feature TorchScript, absolute
 * @param dimension     declared feature length F
 * @param headFile      the model's own head, or null
 */
public record Backbone(Path folder, String name, Path featuresFile, int dimension, Path headFile) {

    public static final String FEATURES_FILE = "vss.features.file";
    public static final String FEATURES_DIMENSION = "vss.features.dimension";
    public static final String HEAD_FILE = "vss.head.file";

    /**
     * The backbone a model folder exposes, if it declares one.
     *
     * @throws EmbeddingException when it declares one that is missing or malformed
     */
    public static Optional<Backbone> of(Path modelFolder) throws EmbeddingException {
        Path folder = modelFolder.toAbsolutePath().normalize();
        Path descriptor = folder.resolve(ModelDescriptor.DESCRIPTOR_FILE);
        if (!Files.isRegularFile(descriptor)) {
            return Optional.empty();
        }
        Properties props = read(descriptor);
        String file = trim(props.getProperty(FEATURES_FILE));
        if (file == null) {
            return Optional.empty();
        }
        Path features = inside(folder, descriptor, file);
        if (!Files.isRegularFile(features)) {
            throw new EmbeddingException("Model " + folder + ": " + FEATURES_FILE + " names " + file
                    + ", which does not exist");
        }
        String dim = trim(props.getProperty(FEATURES_DIMENSION));
        int dimension;
        try {
            dimension = dim == null ? 0 : Integer.parseInt(dim);
        } catch (NumberFormatException e) {
            throw new EmbeddingException("Model descriptor " + descriptor + ": " + FEATURES_DIMENSION + " '" + dim
                    + "' is not a whole number");
        }
        if (dimension <= 0) {
            throw new EmbeddingException("Model descriptor " + descriptor + ": " + FEATURES_FILE
                    + " needs a positive " + FEATURES_DIMENSION);
        }
        String head = trim(props.getProperty(HEAD_FILE));
        Path headFile = head == null ? null : inside(folder, descriptor, head);
        if (headFile != null && !Files.isRegularFile(headFile)) {
            throw new EmbeddingException("Model " + folder + ": " + HEAD_FILE + " names " + head
                    + ", which does not exist");
        }
        String name = trim(props.getProperty("vss.name"));
        return Optional.of(new Backbone(folder, name != null ? name : String.valueOf(folder.getFileName()),
                features, dimension, headFile));
    }

    /**
     * Opens the feature extractor (a GUIE TorchScript; its model id keys the cached features).
     *
     * @throws EmbeddingException when it does not load or returns another dimension than declared
     */
    public TorchScriptEmbedder open() throws EmbeddingException {
        TorchScriptEmbedder embedder = TorchScriptEmbedder.load(featuresFile);
        if (embedder.info().dimension() != dimension) {
            embedder.close();
            throw new EmbeddingException("Feature extractor " + featuresFile + " returns "
                    + embedder.info().dimension() + "-d features, but " + FEATURES_DIMENSION + "=" + dimension);
        }
        return embedder;
    }

    /** The model's own head, or empty. */
    public Optional<HeadWeights> head() throws EmbeddingException {
        return headFile == null ? Optional.empty() : Optional.of(HeadWeights.readNpz(headFile));
    }

    /** Hex SHA-256 of the feature extractor's bytes: what a trained head records of its backbone. */
    public String featuresSha256() throws EmbeddingException {
        return sha256(featuresFile);
    }

    static String sha256(Path file) throws EmbeddingException {
        try {
            return Sha256.of(file);
        } catch (IOException e) {
            throw new EmbeddingException("Cannot read " + file + " (" + e.getMessage() + ")", e);
        }
    }

    static Properties read(Path descriptor) throws EmbeddingException {
        Properties props = new Properties();
        try (Reader reader = Files.newBufferedReader(descriptor, StandardCharsets.UTF_8)) {
            props.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw new EmbeddingException("Model descriptor " + descriptor + " cannot be read (" + e.getMessage() + ")", e);
        }
        return props;
    }

    static Path inside(Path folder, Path descriptor, String file) throws EmbeddingException {
        Path resolved = folder.resolve(file).normalize();
        if (!resolved.startsWith(folder)) {
            throw new EmbeddingException("Model descriptor " + descriptor + ": '" + file
                    + "' must be inside the model folder");
        }
        return resolved;
    }

    static String trim(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
