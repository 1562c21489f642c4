package org.visualsearch.core.model;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.visualsearch.core.text.Suggestions;

/**
 * Reads and checks the values of a {@code serving.properties}: every bad value is an
 * {@link EmbeddingException} naming the file, the key and what is wrong with it.
 *
 * <p>The fixed convention's preprocessing is read under DJL's argument names where DJL has one
 * ({@code width}, {@code height}, {@code resize}, {@code centerCrop}, {@code normalize}, as its
 * image translators take them), and under the older {@code vss.*} keys, so existing model folders
 * load unchanged. Giving both forms of one setting is refused rather than guessed.
 */
final class DescriptorSettings {
    private static final int MAX_SIZE = 16_384;
    /**
     * Most pixels of a fixed input (4096 x 4096): its float tensor takes 12 bytes a pixel, so
     * 16384 x 16384 would be 3.2 GB, more than a Java buffer holds (and than a student's laptop has).
     */
    private static final long MAX_INPUT_PIXELS = 4096L * 4096L;
    /** The vss.* keys this app reads, or writes as information for people (input, output, notes). */
    static final List<String> KNOWN_VSS_KEYS = List.of(
            "vss.name", "vss.file", "vss.convention", "vss.maxSide", "vss.dimension", "vss.method", "vss.width",
            "vss.height", "vss.resize", "vss.mean", "vss.std", "vss.input", "vss.output", "vss.notes",
            "vss.description", "vss.license", "vss.source", "vss.features.file", "vss.features.dimension",
            "vss.head.file");
    /** Families of keys written by the training tools; their members are not checked one by one. */
    private static final List<String> KNOWN_VSS_PREFIXES = List.of("vss.backbone", "vss.training.");
    private static final Pattern METHOD_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    /** DJL's {@code normalize=true}: the ImageNet statistics. */
    private static final float[] IMAGENET_MEAN = {0.485f, 0.456f, 0.406f};
    private static final float[] IMAGENET_STD = {0.229f, 0.224f, 0.225f};
    /** Keys that only mean something for the fixed convention. */
    private static final String[] FIXED_ONLY = {
        "vss.width", "vss.height", "vss.resize", "vss.mean", "vss.std", "width", "height", "resize", "centerCrop",
        "normalize",
    };

    private final Properties properties;
    private final Path where;

    /** @param where the descriptor, or the model file when there is none (for messages) */
    DescriptorSettings(Properties properties, Path where) {
        this.properties = properties;
        this.where = where;
    }

    /** The trimmed value, or null when absent or blank. */
    String get(String key) {
        String value = properties.getProperty(key);
        return value == null || value.isBlank() ? null : value.strip();
    }

    void checkEngine() throws EmbeddingException {
        String engine = get("engine");
        if (engine != null && !engine.equalsIgnoreCase("PyTorch")) {
            throw bad("engine '" + engine + "' is not supported; only PyTorch TorchScript models load");
        }
    }

    /** {@code vss.method}, checked to be a method name, or null. */
    String method() throws EmbeddingException {
        String method = get("vss.method");
        if (method != null && !METHOD_NAME.matcher(method).matches()) {
            throw bad("vss.method '" + method + "' is not a TorchScript method name");
        }
        return method;
    }

    /** A whole number in 1..16384, or {@code defaultValue} when absent. */
    int size(String key, int defaultValue) throws EmbeddingException {
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

    /** The input convention and, for the fixed one, its preprocessing. */
    InputSpec inputSpec() throws EmbeddingException {
        String convention = get("vss.convention");
        boolean fixed;
        if (convention == null) {
            fixed = get("width") != null || get("height") != null; // written the DJL way
        } else if (convention.equalsIgnoreCase("guie")) {
            fixed = false;
        } else if (convention.equalsIgnoreCase("fixed")) {
            fixed = true;
        } else {
            throw bad("vss.convention '" + convention + "' is not one of guie, fixed");
        }
        if (!fixed) {
            for (String key : FIXED_ONLY) {
                if (get(key) != null) {
                    throw bad(key + " only applies to vss.convention=fixed (this model is guie)");
                }
            }
            return new InputSpec.Guie();
        }
        Integer width = eitherSize("width", "vss.width");
        Integer height = eitherSize("height", "vss.height");
        if (width == null || height == null) {
            throw bad("the fixed convention needs vss.width and vss.height (or DJL's width and height)");
        }
        if ((long) width * height > MAX_INPUT_PIXELS) {
            throw bad(String.format(Locale.ROOT, "an input of %dx%d is %.0f megapixels, a %.1f GB input tensor; the most"
                    + " is %.1f megapixels (e.g. 4096x4096)", width, height, width * (double) height / 1e6,
                    width * (double) height * 3 * Float.BYTES / 1e9, MAX_INPUT_PIXELS / 1e6));
        }
        float[][] meanStd = normalization();
        return new InputSpec.Fixed(width, height, resize(), meanStd[0], meanStd[1]);
    }

    private Integer eitherSize(String djlKey, String vssKey) throws EmbeddingException {
        Integer djl = get(djlKey) == null ? null : size(djlKey, 0);
        Integer vss = get(vssKey) == null ? null : size(vssKey, 0);
        if (djl != null && vss != null && !djl.equals(vss)) {
            throw bad(djlKey + "=" + djl + " and " + vssKey + "=" + vss + " disagree; keep one");
        }
        return djl != null ? djl : vss;
    }

    private InputSpec.Resize resize() throws EmbeddingException {
        String old = get("vss.resize");
        boolean djl = get("resize") != null || get("centerCrop") != null;
        if (old != null && djl) {
            throw bad("vss.resize and DJL's resize/centerCrop are both given; keep one");
        }
        if (old != null) {
            for (InputSpec.Resize r : InputSpec.Resize.values()) {
                if (r.key().equalsIgnoreCase(old)) {
                    return r;
                }
            }
            throw bad("vss.resize '" + old + "' is not one of " + InputSpec.Resize.SHORTER_SIDE_THEN_CENTER_CROP.key()
                    + ", " + InputSpec.Resize.STRETCH.key());
        }
        if (!djl) {
            return InputSpec.Resize.SHORTER_SIDE_THEN_CENTER_CROP;
        }
        boolean crop = bool("centerCrop", "");
        boolean stretch = bool("resize", "; only resize=true (stretch to width x height) is supported");
        if (crop && stretch) {
            throw bad("resize=true and centerCrop=true: choose one (stretch to width x height, "
                    + "or scale to cover it and cut the centre)");
        }
        if (!crop && !stretch) {
            throw bad("resize and centerCrop are both false: one is needed to bring photos to width x height");
        }
        return crop ? InputSpec.Resize.SHORTER_SIDE_THEN_CENTER_CROP : InputSpec.Resize.STRETCH;
    }

    private boolean bool(String key, String hint) throws EmbeddingException {
        String value = get(key);
        if (value == null) {
            return false;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw bad(key + " '" + value + "' is not true or false" + hint);
        };
    }

    /** {mean, std}: from DJL's normalize, or vss.mean and vss.std (default 0 and 1). */
    private float[][] normalization() throws EmbeddingException {
        String normalize = get("normalize");
        if (normalize != null && (get("vss.mean") != null || get("vss.std") != null)) {
            throw bad("normalize and vss.mean/vss.std are both given; keep one");
        }
        float[] mean;
        float[] std;
        String stdKey;
        if (normalize == null) {
            mean = channels("vss.mean", 0f);
            std = channels("vss.std", 1f);
            stdKey = "vss.std";
        } else if (normalize.equalsIgnoreCase("true")) {
            mean = IMAGENET_MEAN.clone();
            std = IMAGENET_STD.clone();
            stdKey = "normalize";
        } else if (normalize.equalsIgnoreCase("false")) {
            mean = new float[] {0f, 0f, 0f};
            std = new float[] {1f, 1f, 1f};
            stdKey = "normalize";
        } else {
            String[] parts = normalize.split(",", -1);
            if (parts.length != 6) {
                throw bad("normalize '" + normalize + "' is not true, false or six numbers (mean R,G,B then std R,G,B)");
            }
            float[] all = numbers("normalize", normalize, parts);
            mean = new float[] {all[0], all[1], all[2]};
            std = new float[] {all[3], all[4], all[5]};
            stdKey = "normalize";
        }
        for (float s : std) {
            if (!(s > 0)) {
                throw bad((stdKey.equals("vss.std") ? "vss.std" : "normalize's std") + " values must be positive, got "
                        + get(stdKey));
            }
        }
        return new float[][] {mean, std};
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
        float[] given = numbers(key, value, parts);
        return parts.length == 1 ? new float[] {given[0], given[0], given[0]} : given;
    }

    private float[] numbers(String key, String value, String[] parts) throws EmbeddingException {
        float[] out = new float[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i].strip();
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

    /**
     * One warning for each vss.* key the app does not know ("unknown key vss.colour; did you mean
     * ...?"): a misspelt key is otherwise ignored in silence and its default used.
     */
    List<String> unknownKeyWarnings() {
        List<String> warnings = new ArrayList<>();
        for (String key : new TreeSet<>(properties.stringPropertyNames())) {
            if (!key.startsWith("vss.") || KNOWN_VSS_KEYS.contains(key)
                    || KNOWN_VSS_PREFIXES.stream().anyMatch(key::startsWith)) {
                continue;
            }
            String suggestion = Suggestions.closest(key, KNOWN_VSS_KEYS);
            warnings.add(where + ": unknown key " + key + (suggestion == null ? "" : "; did you mean " + suggestion + "?"));
        }
        return warnings;
    }

    EmbeddingException bad(String reason) {
        return new EmbeddingException("Model descriptor " + where + ": " + reason);
    }
}
