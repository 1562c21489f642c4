package org.visualsearch.core.model;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.visualsearch.core.common.Sha256;

/**
 * Where a model's TorchScript file is and how to feed it, read from a model folder.
 *
 * <p>A model is a folder holding a TorchScript file and optionally a {@code serving.properties}
 * (DJL's convention) with these keys, all optional:
 * <pre>
 * vss.name=My model               # shown in the UI; default: the folder name
 * vss.file=weights.pt             # which file, when the folder holds several (DJL's option.modelName works too)
 * vss.convention=guie             # guie (default) or fixed
 * vss.maxSide=512                 # long side the Java image loader shrinks photos to (default 512)
 * vss.dimension=64                # informative; checked against the model's real output
 * # fixed convention only:
 * vss.width=224                   # required
 * vss.height=224                  # required
 * vss.resize=shorter-side-then-center-crop   # or stretch
 * vss.mean=0.485,0.456,0.406      # per channel (R,G,B), 0..1 scale; one value = all channels; default 0
 * vss.std=0.229,0.224,0.225       # default 1
 * vss.method=get_image_features   # TorchScript method to call instead of forward
 * </pre>
 *
 * <p><b>GUIE convention</b> (the Kaggle challenge's): the module takes a uint8 tensor [1,3,H,W]
 * (RGB, 0..255, the photo's size after the loader's shrink) and does its own resizing and
 * normalisation. <b>Fixed</b>: the app resizes/crops to width x height, scales to 0..1,
 * normalises with mean/std and passes a float32 [1,3,height,width] tensor.
 *
 * <p>Also accepted: a path to a TorchScript file itself (settings from a {@code serving.properties}
 * beside it if that one does not name another file, else GUIE defaults) and a folder with exactly
 * one {@code .pt} file and no descriptor (GUIE defaults), so that a challenge submission's
 * {@code saved_model.pt} loads as it is.
 */
public final class ModelDescriptor {

    /** File name of the descriptor, DJL's convention. */
    public static final String DESCRIPTOR_FILE = "serving.properties";
    public static final int DEFAULT_MAX_SIDE = 512;
    private static final int MAX_SIZE = 16_384;
    private static final Pattern METHOD_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** How the model expects its input. */
    public enum Convention {
        /** uint8 [1,3,H,W], any size; the model resizes and normalises. */
        GUIE,
        /** float32 [1,3,h,w] of a fixed size, normalised by the app. */
        FIXED
    }

    /** How the fixed convention brings a photo to width x height. */
    public enum Resize {
        /** Scale so the image covers the target, then cut the centre (torchvision Resize+CenterCrop). */
        SHORTER_SIDE_THEN_CENTER_CROP("shorter-side-then-center-crop"),
        /** Scale each axis independently to the target, distorting the aspect ratio. */
        STRETCH("stretch");

        private final String key;

        Resize(String key) {
            this.key = key;
        }
    }

    private final Path modelFile;
    private final Path descriptorFile;
    private final Properties properties;
    private final String name;
    private final Convention convention;
    private final int width;
    private final int height;
    private final Resize resize;
    private final float[] mean;
    private final float[] std;
    private final String method;
    private final int maxSide;
    private final Integer declaredDimension;

    private ModelDescriptor(Path modelFile, Path descriptorFile, Properties properties, String defaultName)
            throws EmbeddingException {
        this.modelFile = modelFile;
        this.descriptorFile = descriptorFile;
        this.properties = properties;
        String declaredName = get("vss.name");
        this.name = declaredName != null ? declaredName : defaultName;

        String conventionValue = get("vss.convention");
        if (conventionValue == null || conventionValue.equalsIgnoreCase("guie")) {
            convention = Convention.GUIE;
        } else if (conventionValue.equalsIgnoreCase("fixed")) {
            convention = Convention.FIXED;
        } else {
            throw bad("vss.convention '" + conventionValue + "' is not one of guie, fixed");
        }
        String engine = get("engine");
        if (engine != null && !engine.equalsIgnoreCase("PyTorch")) {
            throw bad("engine '" + engine + "' is not supported; only PyTorch TorchScript models load");
        }
        maxSide = intValue("vss.maxSide", DEFAULT_MAX_SIDE);
        declaredDimension = get("vss.dimension") == null ? null : intValue("vss.dimension", 0);
        String methodValue = get("vss.method");
        if (methodValue != null && !METHOD_NAME.matcher(methodValue).matches()) {
            throw bad("vss.method '" + methodValue + "' is not a TorchScript method name");
        }
        method = methodValue;

        if (convention == Convention.FIXED) {
            if (get("vss.width") == null || get("vss.height") == null) {
                throw bad("the fixed convention needs vss.width and vss.height");
            }
            width = intValue("vss.width", 0);
            height = intValue("vss.height", 0);
            String resizeValue = get("vss.resize");
            Resize chosen = null;
            if (resizeValue == null) {
                chosen = Resize.SHORTER_SIDE_THEN_CENTER_CROP;
            } else {
                for (Resize r : Resize.values()) {
                    if (r.key.equalsIgnoreCase(resizeValue)) {
                        chosen = r;
                    }
                }
                if (chosen == null) {
                    throw bad("vss.resize '" + resizeValue + "' is not one of "
                            + Resize.SHORTER_SIDE_THEN_CENTER_CROP.key + ", " + Resize.STRETCH.key);
                }
            }
            resize = chosen;
            mean = channels("vss.mean", 0f);
            std = channels("vss.std", 1f);
            for (float s : std) {
                if (!(s > 0)) {
                    throw bad("vss.std values must be positive, got " + get("vss.std"));
                }
            }
        } else {
            for (String key : new String[] {"vss.width", "vss.height", "vss.resize", "vss.mean", "vss.std"}) {
                if (get(key) != null) {
                    throw bad(key + " only applies to vss.convention=fixed (this model is guie)");
                }
            }
            width = 0;
            height = 0;
            resize = null;
            mean = null;
            std = null;
        }
    }

    /**
     * Resolves a model folder or file to its TorchScript file and settings.
     *
     * @throws EmbeddingException naming the path and the cause when the folder or file is missing,
     *     holds no or several candidate files, or the descriptor has invalid values
     */
    public static ModelDescriptor resolve(Path path) throws EmbeddingException {
        Path target = path.toAbsolutePath().normalize();
        if (!Files.exists(target)) {
            throw new EmbeddingException("Model " + target + " not found (no such file or folder)");
        }
        if (Files.isRegularFile(target)) {
            if (target.getFileName().toString().equals(DESCRIPTOR_FILE)) {
                return resolveFolder(target.getParent());
            }
            return resolveFile(target);
        }
        return resolveFolder(target);
    }

    private static ModelDescriptor resolveFile(Path file) throws EmbeddingException {
        Path folder = file.getParent();
        Path sibling = folder.resolve(DESCRIPTOR_FILE);
        if (Files.isRegularFile(sibling)) {
            Properties props = readProperties(sibling);
            Path named = namedFile(folder, sibling, props);
            if (named == null || sameFile(named, file)) {
                return new ModelDescriptor(file, sibling, props, folder.getFileName().toString());
            }
        }
        return new ModelDescriptor(file, null, new Properties(), stripExtension(file.getFileName().toString()));
    }

    private static ModelDescriptor resolveFolder(Path folder) throws EmbeddingException {
        if (!Files.isReadable(folder)) {
            throw new EmbeddingException("Model folder " + folder + " cannot be read (permission denied)");
        }
        Path descriptor = folder.resolve(DESCRIPTOR_FILE);
        Properties props = new Properties();
        if (Files.isRegularFile(descriptor)) {
            props = readProperties(descriptor);
        } else {
            descriptor = null;
        }
        String folderName = folder.getFileName() == null ? folder.toString() : folder.getFileName().toString();
        Path named = descriptor == null ? null : namedFile(folder, descriptor, props);
        if (named != null) {
            if (!Files.isRegularFile(named)) {
                throw new EmbeddingException("Model " + folder + ": " + descriptor.getFileName()
                        + " names " + named.getFileName() + ", which does not exist");
            }
            return new ModelDescriptor(named, descriptor, props, folderName);
        }
        List<Path> candidates = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            files.filter(Files::isRegularFile)
                    .filter(p -> isTorchScriptName(p.getFileName().toString()))
                    .sorted()
                    .forEach(candidates::add);
        } catch (IOException e) {
            throw new EmbeddingException("Model folder " + folder + " cannot be listed (" + e.getMessage() + ")", e);
        }
        if (candidates.isEmpty()) {
            throw new EmbeddingException("Model folder " + folder + " holds no TorchScript file (*.pt)");
        }
        if (candidates.size() > 1) {
            List<String> names = candidates.stream().map(p -> p.getFileName().toString()).toList();
            throw new EmbeddingException("Model folder " + folder + " holds several TorchScript files "
                    + names + "; say which one with vss.file=NAME in " + DESCRIPTOR_FILE);
        }
        return new ModelDescriptor(candidates.get(0), descriptor, props, folderName);
    }

    /** The file a descriptor names with vss.file or DJL's option.modelName, or null. */
    private static Path namedFile(Path folder, Path descriptor, Properties props) throws EmbeddingException {
        String file = trimToNull(props.getProperty("vss.file"));
        if (file != null) {
            Path resolved = folder.resolve(file).normalize();
            if (!resolved.startsWith(folder)) {
                throw new EmbeddingException("Model descriptor " + descriptor + ": vss.file '" + file
                        + "' must be inside the model folder");
            }
            return resolved;
        }
        String modelName = trimToNull(props.getProperty("option.modelName"));
        if (modelName != null) {
            Path asIs = folder.resolve(modelName).normalize();
            Path withPt = folder.resolve(modelName + ".pt").normalize();
            if (!asIs.startsWith(folder) || !withPt.startsWith(folder)) {
                throw new EmbeddingException("Model descriptor " + descriptor + ": option.modelName '"
                        + modelName + "' must be inside the model folder");
            }
            return Files.isRegularFile(asIs) && isTorchScriptName(modelName) ? asIs : withPt;
        }
        return null;
    }

    /** A file name TorchScript models are saved under ({@code .pt}, {@code .pth}, {@code .torchscript}). */
    static boolean isTorchScriptName(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        return lower.endsWith(".pt") || lower.endsWith(".pth") || lower.endsWith(".torchscript");
    }

    private static Properties readProperties(Path file) throws EmbeddingException {
        Properties props = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            props.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw new EmbeddingException("Model descriptor " + file + " cannot be read (" + e.getMessage() + ")", e);
        }
        return props;
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
        }
    }

    private static String stripExtension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }

    private static String trimToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private String get(String key) {
        return trimToNull(properties.getProperty(key));
    }

    private int intValue(String key, int defaultValue) throws EmbeddingException {
        String value = get(key);
        if (value == null) {
            return defaultValue;
        }
        int n;
        try {
            n = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw bad(key + " '" + value + "' is not a whole number");
        }
        if (n < 1 || n > MAX_SIZE) {
            throw bad(key + " " + n + " is out of range 1.." + MAX_SIZE);
        }
        return n;
    }

    private float[] channels(String key, float defaultValue) throws EmbeddingException {
        String value = get(key);
        if (value == null) {
            return new float[] {defaultValue, defaultValue, defaultValue};
        }
        String[] parts = value.split(",", -1);
        if (parts.length != 1 && parts.length != 3) {
            throw bad(key + " '" + value + "' needs 3 comma-separated numbers (R,G,B) or one");
        }
        float[] out = new float[3];
        for (int i = 0; i < 3; i++) {
            String part = parts[parts.length == 1 ? 0 : i].strip();
            try {
                out[i] = Float.parseFloat(part);
            } catch (NumberFormatException e) {
                throw bad(key + " '" + value + "': '" + part + "' is not a number");
            }
            if (!Float.isFinite(out[i])) {
                throw bad(key + " '" + value + "': '" + part + "' is not a finite number");
            }
        }
        return out;
    }

    private EmbeddingException bad(String reason) {
        Path where = descriptorFile != null ? descriptorFile : modelFile;
        return new EmbeddingException("Model descriptor " + where + ": " + reason);
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

    public Convention convention() {
        return convention;
    }

    /** Input width of the fixed convention; 0 for GUIE. */
    public int width() {
        return width;
    }

    /** Input height of the fixed convention; 0 for GUIE. */
    public int height() {
        return height;
    }

    /** Resize mode of the fixed convention; null for GUIE. */
    public Resize resize() {
        return resize;
    }

    /** Per-channel mean (R,G,B, 0..1 scale) of the fixed convention; null for GUIE. */
    public float[] mean() {
        return mean == null ? null : mean.clone();
    }

    /** Per-channel standard deviation of the fixed convention; null for GUIE. */
    public float[] std() {
        return std == null ? null : std.clone();
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
        sb.append("convention=").append(convention).append('\n');
        sb.append("maxSide=").append(maxSide).append('\n');
        sb.append("method=").append(method).append('\n');
        if (convention == Convention.FIXED) {
            sb.append("size=").append(width).append('x').append(height).append('\n');
            sb.append("resize=").append(resize.key).append('\n');
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
     * model file.
     */
    public String computeId() throws EmbeddingException {
        MessageDigest digest = Sha256.newDigest();
        try {
            Sha256.update(digest, modelFile);
        } catch (IOException e) {
            throw new EmbeddingException("Model " + modelFile + " cannot be read (" + e.getMessage() + ")", e);
        }
        digest.update((byte) 0);
        digest.update(canonicalSettings().getBytes(StandardCharsets.UTF_8));
        String hash = Sha256.hex(digest).substring(0, 12);
        return slug(name) + "-" + hash;
    }

    static String slug(String text) {
        String s = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (s.length() > 40) {
            s = s.substring(0, 40).replaceAll("-+$", "");
        }
        return s.isEmpty() ? "model" : s;
    }

    @Override
    public String toString() {
        return name + " (" + modelFile + ", " + convention.name().toLowerCase(Locale.ROOT) + ")";
    }
}
