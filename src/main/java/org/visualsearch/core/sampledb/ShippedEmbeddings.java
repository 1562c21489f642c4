package org.visualsearch.core.sampledb;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The sample gallery's embeddings by one model, shipped in {@code sample-db/embeddings.tsv} (and
 * in the jar), so that getting the sample gallery embeds nothing: the indexer stores these
 * vectors for a photo whose SHA-256 is listed, when its model is the one that made them.
 * Written and checked by {@code sample-db embeddings --write|--check}.
 *
 * <p>Format (UTF-8 text): comment lines start with {@code #}; then {@code model<TAB>ID},
 * {@code dimension<TAB>D} and optionally {@code name<TAB>NAME}; then {@code sha256<TAB>vector},
 * then one line per photo: its content SHA-256 (64 lower-case hex digits), a tab, and its D
 * values separated by spaces, each written so that it reads back as the same float.
 *
 * @param modelId   the id of the model that computed them (it covers its weights and preprocessing)
 * @param name      that model's display name, for messages
 * @param dimension the vectors' length
 * @param byHash    content SHA-256 to vector, in file order
 */
public record ShippedEmbeddings(String modelId, String name, int dimension, Map<String, float[]> byHash) {

    /** Classpath location of the file packaged with the app (copied from sample-db/embeddings.tsv). */
    public static final String BUNDLED_RESOURCE = "/org/visualsearch/core/sampledb/embeddings.tsv";
    /** The file's name in the sample gallery's source folder. */
    public static final String FILE_NAME = "embeddings.tsv";
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static volatile Optional<ShippedEmbeddings> bundled;

    public ShippedEmbeddings {
        Objects.requireNonNull(modelId);
        Objects.requireNonNull(name);
        if (dimension <= 0) {
            throw new IllegalArgumentException("dimension must be positive: " + dimension);
        }
        for (float[] v : byHash.values()) {
            if (v.length != dimension) {
                throw new IllegalArgumentException("a vector of " + v.length + " values, expected " + dimension);
            }
        }
        byHash = Collections.unmodifiableMap(new LinkedHashMap<>(byHash));
    }

    /** The embeddings packaged with the app, if the build has them (read once). */
    public static Optional<ShippedEmbeddings> bundled() {
        Optional<ShippedEmbeddings> b = bundled;
        if (b == null) {
            try (InputStream in = ShippedEmbeddings.class.getResourceAsStream(BUNDLED_RESOURCE)) {
                b = in == null ? Optional.empty()
                        : Optional.of(parse(new InputStreamReader(in, StandardCharsets.UTF_8), "bundled " + FILE_NAME));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            bundled = b;
        }
        return b;
    }

    /** Reads a file written by {@link #write}. */
    public static ShippedEmbeddings read(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(in, file.toString());
        }
    }

    static ShippedEmbeddings parse(Reader reader, String source) throws IOException {
        BufferedReader in = new BufferedReader(reader);
        String modelId = null;
        String name = "";
        int dimension = 0;
        boolean rows = false;
        Map<String, float[]> byHash = new LinkedHashMap<>();
        String line;
        int number = 0;
        while ((line = in.readLine()) != null) {
            number++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split("\t", -1);
            if (cells.length != 2) {
                throw problem(source, number, "expected two tab-separated columns");
            }
            if (!rows) {
                switch (cells[0]) {
                    case "model" -> modelId = cells[1].strip();
                    case "name" -> name = cells[1].strip();
                    case "dimension" -> dimension = parseDimension(cells[1], source, number);
                    case "sha256" -> rows = true;
                    default -> throw problem(source, number, "unknown header '" + cells[0] + "'");
                }
                continue;
            }
            if (modelId == null || modelId.isEmpty() || dimension <= 0) {
                throw problem(source, number, "the header needs 'model' and 'dimension' before the rows");
            }
            String hash = cells[0].strip();
            if (!SHA256.matcher(hash).matches()) {
                throw problem(source, number, "not a SHA-256: '" + hash + "'");
            }
            String[] values = cells[1].strip().split(" ");
            if (values.length != dimension) {
                throw problem(source, number, values.length + " values, expected " + dimension);
            }
            float[] v = new float[dimension];
            for (int i = 0; i < dimension; i++) {
                try {
                    v[i] = Float.parseFloat(values[i]);
                } catch (NumberFormatException e) {
                    throw problem(source, number, "not a number: '" + values[i] + "'");
                }
                if (!Float.isFinite(v[i])) {
                    throw problem(source, number, "a value is not finite");
                }
            }
            if (byHash.put(hash, v) != null) {
                throw problem(source, number, "SHA-256 " + hash + " is listed twice");
            }
        }
        if (modelId == null || dimension <= 0 || !rows) {
            throw new IOException(source + ": no 'model', 'dimension' and 'sha256' header");
        }
        return new ShippedEmbeddings(modelId, name, dimension, byHash);
    }

    private static int parseDimension(String text, String source, int line) throws IOException {
        try {
            int d = Integer.parseInt(text.strip());
            if (d > 0) {
                return d;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw problem(source, line, "dimension is not a positive whole number: '" + text + "'");
    }

    private static IOException problem(String source, int line, String what) {
        return new IOException(source + ", line " + line + ": " + what);
    }

    /** Writes the file atomically (a temporary file beside it, then a move). */
    public void write(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempFile(parent, FILE_NAME, ".tmp");
        try {
            try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                out.write("# The sample gallery's vectors under one model, keyed by each photo's SHA-256.\n");
                out.write("# Getting the sample gallery stores them instead of embedding the photos again, for this\n");
                out.write("# model id only. Made by: java -jar target/visual-search.jar sample-db embeddings --write\n");
                out.write("# (checked by --check, which CI runs). Do not edit by hand.\n");
                out.write("model\t" + modelId + "\n");
                out.write("name\t" + name + "\n");
                out.write("dimension\t" + dimension + "\n");
                out.write("sha256\tvector\n");
                StringBuilder row = new StringBuilder();
                for (Map.Entry<String, float[]> e : byHash.entrySet()) {
                    row.setLength(0);
                    row.append(e.getKey()).append('\t');
                    float[] v = e.getValue();
                    for (int i = 0; i < v.length; i++) {
                        if (i > 0) {
                            row.append(' ');
                        }
                        row.append(Float.toString(v[i])); // shortest text that reads back as the same float
                    }
                    out.write(row.append('\n').toString());
                }
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The largest absolute difference between {@code vector} and the shipped vector of {@code sha256}, or NaN when it has none. */
    public double maxDifference(String sha256, float[] vector) {
        float[] shipped = byHash.get(sha256);
        if (shipped == null || shipped.length != vector.length) {
            return Double.NaN;
        }
        double max = 0;
        for (int i = 0; i < vector.length; i++) {
            max = Math.max(max, Math.abs((double) shipped[i] - vector[i]));
        }
        return max;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%d vectors of %s (%d-d, model id %s)", byHash.size(),
                name.isEmpty() ? "a model" : name, dimension, modelId);
    }
}
