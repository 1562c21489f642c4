package org.visualsearch.core.sampledb;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The facts about the sample gallery's photos: where each comes from, its SHA-256, size and
 * licence. The photos themselves are never in the repository; this manifest is
 * ({@code sample-db/manifest.tsv}, also packaged in the jar, see {@link #bundled()}).
 *
 * <p>Format: UTF-8, tab-separated, one header line naming the columns (order free, extra columns
 * ignored), then one line per photo. Required columns: {@code file} (path relative to the gallery
 * folder, {@code /}-separated, e.g. {@code dog/dog-01.jpg}), {@code category}, {@code sha256},
 * {@code bytes}, {@code raw_url}. Optional: {@code width}, {@code height}, {@code repo},
 * {@code commit}, {@code path_in_repo}, {@code license}.
 */
public final class SampleManifest {

    /** Classpath location of the manifest packaged with the app (copied from sample-db/manifest.tsv). */
    public static final String BUNDLED_RESOURCE = "/org/visualsearch/core/sampledb/manifest.tsv";

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern SAFE_SEGMENT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    /**
     * One photo.
     *
     * @param file       relative path inside the gallery folder, e.g. {@code dog/dog-01.jpg}
     * @param category   its label
     * @param sha256     lower-case hex SHA-256 of the file
     * @param bytes      its size
     * @param width      pixel width, 0 if unknown
     * @param height     pixel height, 0 if unknown
     * @param url        where it can be downloaded from
     * @param licence    licence and attribution as stated by the source
     * @param sourceRepo source repository ({@code owner/name}), may be empty
     * @param commit     source commit, may be empty
     * @param sourcePath path of the photo in the source repository, may be empty
     */
    public record Entry(String file, String category, String sha256, long bytes, int width, int height,
                        URI url, String licence, String sourceRepo, String commit, String sourcePath) {

        /** The photo's file name without folders, e.g. {@code dog-01.jpg}. */
        public String fileName() {
            return file.substring(file.lastIndexOf('/') + 1);
        }

        /** Where the photo belongs inside gallery folder {@code root}. */
        public Path resolveIn(Path root) {
            Path p = root;
            for (String segment : file.split("/")) {
                p = p.resolve(segment);
            }
            return p;
        }
    }

    private final List<Entry> entries;

    private SampleManifest(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    public static SampleManifest of(List<Entry> entries) {
        return new SampleManifest(entries);
    }

    public List<Entry> entries() {
        return entries;
    }

    public int size() {
        return entries.size();
    }

    /** Sum of the photos' sizes. */
    public long totalBytes() {
        return entries.stream().mapToLong(Entry::bytes).sum();
    }

    /** Entries grouped by category, categories in order of first appearance. */
    public Map<String, List<Entry>> byCategory() {
        Map<String, List<Entry>> map = new LinkedHashMap<>();
        for (Entry e : entries) {
            map.computeIfAbsent(e.category(), c -> new ArrayList<>()).add(e);
        }
        return map;
    }

    /** The manifest packaged with the app. */
    public static SampleManifest bundled() {
        try (InputStream in = SampleManifest.class.getResourceAsStream(BUNDLED_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the sample manifest " + BUNDLED_RESOURCE + " is missing from the build");
            }
            return parse(new InputStreamReader(in, StandardCharsets.UTF_8), "bundled manifest");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a manifest file.
     *
     * @throws ManifestException when {@code file} is a folder, FIFO, socket or device: opening a
     *                           FIFO would wait for a writer for ever
     */
    public static SampleManifest load(Path file) throws IOException {
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            String kind = Files.isDirectory(file) ? "a folder" : "a FIFO, socket or device";
            throw new ManifestException(file + ": not a regular file (it is " + kind + "); a manifest is a .tsv file");
        }
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(r, file.toString());
        }
    }

    /**
     * Parses a manifest.
     *
     * @param source names the manifest in error messages
     * @throws ManifestException naming the line when the manifest is malformed: a missing column,
     *                           a bad hash, size or URL, an unsafe or duplicated file path
     */
    public static SampleManifest parse(Reader reader, String source) throws IOException {
        BufferedReader in = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        String header = in.readLine();
        if (header == null) {
            throw new ManifestException(source + ": empty manifest");
        }
        if (header.startsWith("\uFEFF")) {
            header = header.substring(1);
        }
        Map<String, Integer> columns = new HashMap<>();
        String[] names = header.split("\t", -1);
        for (int i = 0; i < names.length; i++) {
            columns.put(names[i].trim().toLowerCase(Locale.ROOT), i);
        }
        for (String required : List.of("file", "category", "sha256", "bytes", "raw_url")) {
            if (!columns.containsKey(required)) {
                throw new ManifestException(source + ": the header lacks the column '" + required + "'");
            }
        }
        List<Entry> entries = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String line;
        int lineNo = 1;
        while ((line = in.readLine()) != null) {
            lineNo++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            String where = source + " line " + lineNo;
            Entry e = new Entry(
                    checkFile(get(f, columns, "file"), where),
                    require(get(f, columns, "category"), "category", where),
                    checkHash(get(f, columns, "sha256"), where),
                    parseLong(get(f, columns, "bytes"), "bytes", where),
                    (int) parseOptionalLong(get(f, columns, "width"), "width", where),
                    (int) parseOptionalLong(get(f, columns, "height"), "height", where),
                    parseUrl(get(f, columns, "raw_url"), where),
                    get(f, columns, "license"),
                    get(f, columns, "repo"),
                    get(f, columns, "commit"),
                    get(f, columns, "path_in_repo"));
            if (!seen.add(e.file().toLowerCase(Locale.ROOT))) {
                throw new ManifestException(where + ": file '" + e.file() + "' is listed twice");
            }
            entries.add(e);
        }
        return new SampleManifest(entries);
    }

    private static String get(String[] fields, Map<String, Integer> columns, String name) {
        Integer i = columns.get(name);
        return i == null || i >= fields.length ? "" : fields[i].trim();
    }

    private static String require(String value, String column, String where) throws ManifestException {
        if (value.isEmpty()) {
            throw new ManifestException(where + ": empty '" + column + "'");
        }
        return value;
    }

    /** Relative, forward-slash, no "..", no hidden or odd segments: the manifest cannot write outside the gallery. */
    private static String checkFile(String file, String where) throws ManifestException {
        require(file, "file", where);
        for (String segment : file.split("/", -1)) {
            if (!SAFE_SEGMENT.matcher(segment).matches() || segment.equals("..")) {
                throw new ManifestException(where + ": unsafe file path '" + file + "'");
            }
        }
        return file;
    }

    private static String checkHash(String hash, String where) throws ManifestException {
        String h = hash.toLowerCase(Locale.ROOT);
        if (!SHA256.matcher(h).matches()) {
            throw new ManifestException(where + ": '" + hash + "' is not a SHA-256 hex digest");
        }
        return h;
    }

    private static long parseLong(String value, String column, String where) throws ManifestException {
        try {
            long v = Long.parseLong(value);
            if (v < 0) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new ManifestException(where + ": '" + column + "' is not a non-negative number: '" + value + "'");
        }
    }

    private static long parseOptionalLong(String value, String column, String where) throws ManifestException {
        return value.isEmpty() ? 0 : parseLong(value, column, where);
    }

    private static URI parseUrl(String value, String where) throws ManifestException {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme();
            if (uri.getHost() == null || !("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))) {
                throw new URISyntaxException(value, "not an http(s) URL");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new ManifestException(where + ": bad raw_url '" + value + "'");
        }
    }

    /** A malformed manifest. */
    public static final class ManifestException extends IOException {
        public ManifestException(String message) {
            super(message);
        }
    }
}
