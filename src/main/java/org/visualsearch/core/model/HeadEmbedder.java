package org.visualsearch.core.model;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import org.visualsearch.core.common.Sha256;

/**
 * A trained model folder: a head on another model's backbone. The embedding is the backbone's
 * features ({@link Backbone}), then the head, then L2 normalisation. The folder holds no
 * TorchScript of its own, only:
 * <pre>
 * serving.properties:
 *   vss.name=My head
 *   vss.backbone=../default                     # the base model folder, relative to this one (or absolute)
 *   vss.backbone.features.sha256=HEX            # the base's feature extractor when the head was trained
 *   vss.head.file=head.npz                      # float32 weight [D,F], bias [D]
 *   vss.dimension=64
 * head.npz, MODEL_CARD.md
 * </pre>
 * A backbone whose feature file changed since training is refused, naming both hashes: the head
 * would silently compute nonsense on other features. The model id covers the backbone's id, the
 * head's bytes and the descriptor, so it changes when any of them does.
 */
public final class HeadEmbedder implements ImageEmbedder {

    public static final String BACKBONE = "vss.backbone";
    public static final String BACKBONE_SHA256 = "vss.backbone.features.sha256";

    private final TorchScriptEmbedder features;
    private final HeadWeights head;
    private final ModelInfo info;
    private final Path folder;

    private HeadEmbedder(Path folder, TorchScriptEmbedder features, HeadWeights head, ModelInfo info) {
        this.folder = folder;
        this.features = features;
        this.head = head;
        this.info = info;
    }

    /** True when a folder's descriptor names a backbone, i.e. it is a trained head. */
    public static boolean isHeadModel(Path folder) {
        Path descriptor = folder.resolve(ModelDescriptor.DESCRIPTOR_FILE);
        if (!Files.isDirectory(folder) || !Files.isRegularFile(descriptor)) {
            return false;
        }
        try {
            return Backbone.trim(Backbone.read(descriptor).getProperty(BACKBONE)) != null;
        } catch (EmbeddingException e) {
            return false;
        }
    }

    /**
     * Loads a trained head folder and its backbone.
     *
     * @throws EmbeddingException naming the folder and the cause: no backbone, a changed backbone,
     *     a head that does not fit the backbone's features, an unreadable head file
     */
    public static HeadEmbedder load(Path folderPath) throws EmbeddingException {
        Path folder = folderPath.toAbsolutePath().normalize();
        Path descriptor = folder.resolve(ModelDescriptor.DESCRIPTOR_FILE);
        Properties props = Backbone.read(descriptor);
        String where = "Model " + folder;
        String backboneRef = Backbone.trim(props.getProperty(BACKBONE));
        if (backboneRef == null) {
            throw new EmbeddingException(where + ": " + descriptor.getFileName() + " names no " + BACKBONE);
        }
        Path backboneFolder = folder.resolve(backboneRef).normalize();
        if (!Files.isDirectory(backboneFolder)) {
            throw new EmbeddingException(where + " is a head trained on the backbone of " + backboneFolder
                    + ", which is not there: put that model back, or train the head again on another one");
        }
        Backbone backbone = Backbone.of(backboneFolder).orElseThrow(() -> new EmbeddingException(where
                + " is a head trained on " + backboneFolder + ", which no longer exposes a feature extractor ("
                + Backbone.FEATURES_FILE + ")"));
        String expected = Backbone.trim(props.getProperty(BACKBONE_SHA256));
        String actual = backbone.featuresSha256();
        if (expected == null || !expected.equalsIgnoreCase(actual)) {
            throw new EmbeddingException(where + " was trained on another backbone: " + backbone.featuresFile()
                    + " has SHA-256 " + actual.substring(0, 12) + "…, the head expects "
                    + (expected == null ? "(none recorded)" : expected.substring(0, Math.min(12, expected.length())) + "…")
                    + ". Train the head again on this backbone, or restore the one it was trained on");
        }
        String headName = Backbone.trim(props.getProperty(Backbone.HEAD_FILE));
        if (headName == null) {
            throw new EmbeddingException(where + ": " + descriptor.getFileName() + " names no " + Backbone.HEAD_FILE);
        }
        Path headFile = Backbone.inside(folder, descriptor, headName);
        if (!Files.isRegularFile(headFile)) {
            throw new EmbeddingException(where + ": the head file " + headFile.getFileName() + " is missing");
        }
        HeadWeights head = HeadWeights.readNpz(headFile);
        if (head.featureDimension() != backbone.dimension()) {
            throw new EmbeddingException(where + ": the head takes " + head.featureDimension()
                    + " features, but the backbone " + backboneFolder.getFileName() + " gives " + backbone.dimension());
        }
        TorchScriptEmbedder features = backbone.open();
        try {
            String name = Backbone.trim(props.getProperty("vss.name"));
            name = name != null ? name : String.valueOf(folder.getFileName());
            String id = ModelDescriptor.slug(name) + "-" + hash(features.info().id(), head, props);
            return new HeadEmbedder(folder, features, head, new ModelInfo(id, name, head.dimension()));
        } catch (RuntimeException e) {
            features.close();
            throw e;
        }
    }

    /** The id's hash: the backbone's id, the head's numbers (not its file's bytes) and the descriptor. */
    private static String hash(String backboneId, HeadWeights head, Properties props) {
        MessageDigest digest = Sha256.newDigest();
        digest.update(backboneId.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
        digest.update(head.sha256().getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
        StringBuilder sb = new StringBuilder();
        new TreeMap<>(props).forEach((k, v) -> sb.append(k).append('=').append(String.valueOf(v).strip()).append('\n'));
        digest.update(sb.toString().getBytes(StandardCharsets.UTF_8));
        return Sha256.hex(digest).substring(0, 12);
    }

    @Override
    public ModelInfo info() {
        return info;
    }

    public HeadWeights head() {
        return head;
    }

    public Path folder() {
        return folder;
    }

    /** The backbone's feature extractor (its id keys cached features). */
    public ModelInfo backboneInfo() {
        return features.info();
    }

    @Override
    public int maxSide() {
        return features.maxSide();
    }

    @Override
    public float[] embed(BufferedImage image) throws EmbeddingException {
        return head.embed(features.embed(image));
    }

    /** The same head on a parallel copy of the backbone (the head's weights are only read). */
    @Override
    public Optional<ImageEmbedder> parallelCopy() {
        return Optional.of(new HeadEmbedder(folder, features.copyForThread(), head, info));
    }

    @Override
    public void close() {
        features.close();
    }

    @Override
    public String toString() {
        return "HeadEmbedder[" + info.name() + ", " + folder + "]";
    }
}
