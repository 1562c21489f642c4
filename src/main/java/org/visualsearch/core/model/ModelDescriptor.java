package org.visualsearch.core.model;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.visualsearch.core.common.Sha256;

/**
 * Where a model's TorchScript file is and how to feed it, read from a model folder.
 *
 * <p>A model is a folder holding a TorchScript file and optionally a {@code serving.properties}
 * (DJL's convention) with these keys, all optional:
 * <pre>
 * vss.name=My model               # shown in the UI; default: the folder name
 * vss.file=weights.pt             # which file, when the folder holds several (DJL's option.modelName works too)
 * vss.convention=guie             # guie (default) or fixed; fixed when absent and width/height are given
 * vss.maxSide=512                 # long side the Java image loader shrinks photos to (default 512)
 * vss.dimension=64                # informative; checked against the model's real output
 * vss.method=get_image_features   # TorchScript method to call instead of forward
 * # fixed convention only, under DJL's image-translator names:
 * width=224                       # required
 * height=224                      # required
 * centerCrop=true                 # scale to cover width x height, cut the centre (the default), or
 * resize=true                     #   stretch to width x height
 * normalize=true                  # ImageNet mean/std; or six numbers: mean R,G,B then std R,G,B; default none
 * # the same under the older keys, still read:
 * vss.width=224, vss.height=224, vss.resize=shorter-side-then-center-crop (or stretch),
 * vss.mean=0.485,0.456,0.406 (0..1 scale; one value = all channels; default 0), vss.std=... (default 1)
 * </pre>
 *
 * <p>The two conventions are the two kinds of {@link InputSpec}. <b>GUIE</b> (the Kaggle
 * challenge's): the module takes a uint8 tensor [1,3,H,W] (RGB, 0..255, the photo's size after
 * the loader's shrink) and does its own resizing and normalisation. <b>Fixed</b>: the app
 * resizes/crops to width x height, scales to 0..1, normalises with mean/std and passes a float32
 * [1,3,height,width] tensor.
 *
 * <p>Also accepted: a path to a TorchScript file itself (settings from a {@code serving.properties}
 * beside it if that one does not name another file, else GUIE defaults) and a folder with exactly
 * one TorchScript file and no descriptor (GUIE defaults), so that a challenge submission's
 * {@code saved_model.pt} loads as it is.
 */
public final class ModelDescriptor {

    /** File name of the descriptor, DJL's convention. */
    public static final String DESCRIPTOR_FILE = "serving.properties";
    public static final int DEFAULT_MAX_SIDE = 512;

    private final Path modelFile;
    private final Path descriptorFile;
    private final Properties properties;
    private final String name;
    private final InputSpec inputSpec;
    private final String method;
    private final int maxSide;
    private final Integer declaredDimension;
    private final List<String> warnings;

    ModelDescriptor(Path modelFile, Path descriptorFile, Properties properties, String defaultName)
            throws EmbeddingException {
        this.modelFile = modelFile;
        this.descriptorFile = descriptorFile;
        this.properties = properties;
        DescriptorSettings settings = new DescriptorSettings(properties,
                descriptorFile != null ? descriptorFile : modelFile);
        String declaredName = settings.get("vss.name");
        this.name = declaredName != null ? declaredName : defaultName;
        String convention = settings.get("vss.convention");
        if (convention != null && !convention.equalsIgnoreCase("guie") && !convention.equalsIgnoreCase("fixed")) {
            throw settings.bad("vss.convention '" + convention + "' is not one of guie, fixed");
        }
        settings.checkEngine();
        this.maxSide = settings.size("vss.maxSide", DEFAULT_MAX_SIDE);
        this.declaredDimension = settings.get("vss.dimension") == null ? null : settings.size("vss.dimension", 0);
        this.method = settings.method();
        this.inputSpec = settings.inputSpec();
        this.warnings = settings.unknownKeyWarnings();
    }

    /** Things the descriptor says that the app ignores, each a line naming the file (unknown vss.* keys). */
    public List<String> warnings() {
        return warnings;
    }

    /**
     * Resolves a model folder or file to its TorchScript file and settings.
     *
     * @throws EmbeddingException naming the path and the cause when the folder or file is missing,
     *     holds no or several candidate files, or the descriptor has invalid values
     */
    public static ModelDescriptor resolve(Path path) throws EmbeddingException {
        return ModelFolder.resolve(path);
    }

    /** The TorchScript file, absolute. */
    public Path modelFile() {
        return modelFile;
    }

    /** The serving.properties in effect, or null when defaults apply. */
    public Path descriptorFile() {
        return descriptorFile;
    }

    public String name() {
        return name;
    }

    /** How the model wants its input: {@link InputSpec.Guie} or {@link InputSpec.Fixed}. */
    public InputSpec inputSpec() {
        return inputSpec;
    }

    /** TorchScript method to call instead of forward, or null. */
    public String method() {
        return method;
    }

    /** Long side the image loader shrinks photos to before they reach this model. */
    public int maxSide() {
        return maxSide;
    }

    /** vss.dimension when the descriptor declares it, else null. */
    public Integer declaredDimension() {
        return declaredDimension;
    }

    /**
     * Everything that changes what the model computes for a photo, in a stable text form: the
     * effective preprocessing (defaults included, so changing a default in code also changes it)
     * and every descriptor key, sorted (comments and ordering do not count).
     */
    public String canonicalSettings() {
        StringBuilder sb = new StringBuilder();
        sb.append("convention=").append(inputSpec.conventionName()).append('\n');
        sb.append("maxSide=").append(maxSide).append('\n');
        sb.append("method=").append(method).append('\n');
        if (inputSpec instanceof InputSpec.Fixed fixed) {
            float[] mean = fixed.mean();
            float[] std = fixed.std();
            sb.append("size=").append(fixed.width()).append('x').append(fixed.height()).append('\n');
            sb.append("resize=").append(fixed.resize().key()).append('\n');
            sb.append("mean=").append(mean[0]).append(',').append(mean[1]).append(',').append(mean[2]).append('\n');
            sb.append("std=").append(std[0]).append(',').append(std[1]).append(',').append(std[2]).append('\n');
        }
        new TreeMap<>(properties).forEach((k, v) -> sb.append("prop.").append(k).append('=')
                .append(String.valueOf(v).strip()).append('\n'));
        return sb.toString();
    }

    /**
     * The model's identity for cached embeddings: a slug of the name plus the first 12 hex digits
     * of SHA-256 over the model file's bytes and {@link #canonicalSettings()}. Reads the whole
     * model file once per process while its size and modification time stay the same (a command
     * asks twice: for the photos it prepares while the model loads, and for the load).
     */
    public String computeId() throws EmbeddingException {
        String settings = canonicalSettings();
        try {
            BasicFileAttributes attributes = Files.readAttributes(modelFile, BasicFileAttributes.class);
            IdKey key = new IdKey(modelFile.toAbsolutePath().normalize(), attributes.size(),
                    attributes.lastModifiedTime().toMillis(), settings);
            String hash = HASHES.get(key);
            if (hash == null) {
                byte[] bytes = settings.getBytes(StandardCharsets.UTF_8);
                byte[] suffix = new byte[bytes.length + 1]; // a zero byte between the file and its settings
                System.arraycopy(bytes, 0, suffix, 1, bytes.length);
                hash = Sha256.of(modelFile, suffix).substring(0, 12);
                HASHES.put(key, hash);
            }
            return slug(name) + "-" + hash;
        } catch (IOException e) {
            throw new EmbeddingException("Model " + modelFile + " cannot be read (" + e.getMessage() + ")", e);
        }
    }

    /** What a model id's hash depends on, as far as a file's size and time tell. */
    private record IdKey(Path file, long size, long modifiedMillis, String settings) {
    }

    private static final Map<IdKey, String> HASHES = new ConcurrentHashMap<>();

    static String slug(String text) {
        String s = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (s.length() > 40) {
            s = s.substring(0, 40).replaceAll("-+$", "");
        }
        return s.isEmpty() ? "model" : s;
    }

    @Override
    public String toString() {
        return name + " (" + modelFile + ", " + inputSpec.conventionName().toLowerCase(Locale.ROOT) + ")";
    }
}
