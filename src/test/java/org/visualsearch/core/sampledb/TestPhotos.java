package org.visualsearch.core.sampledb;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/** Fake sample photos (random bytes), their manifest, and a local HTTP server that serves them. */
public final class TestPhotos {

    /** file -> content, in manifest order. */
    public final Map<String, byte[]> files = new LinkedHashMap<>();

    public TestPhotos(long seed, String... filesAndSizes) {
        Random random = new Random(seed);
        for (int i = 0; i < filesAndSizes.length; i += 2) {
            byte[] content = new byte[Integer.parseInt(filesAndSizes[i + 1])];
            random.nextBytes(content);
            files.put(filesAndSizes[i], content);
        }
    }

    /** Three small photos in two categories. */
    public static TestPhotos small() {
        return new TestPhotos(42, "cat/cat-01.jpg", "150000", "cat/cat-02.jpg", "2000", "cup/cup-01.jpg", "70001");
    }

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The manifest text; URLs point at {@code urlBase} (which may be unreachable). */
    public String manifestTsv(String urlBase) {
        StringBuilder sb = new StringBuilder(
                "file\tcategory\tsha256\tbytes\twidth\theight\trepo\tcommit\tpath_in_repo\tlicense\traw_url\n");
        files.forEach((file, content) -> sb.append(file).append('\t')
                .append(file.substring(0, file.indexOf('/'))).append('\t')
                .append(sha256(content)).append('\t')
                .append(content.length).append("\t10\t10\towner/repo\tabc123\timages/")
                .append(file.substring(file.indexOf('/') + 1)).append("\tCC0-1.0 (test)\t")
                .append(urlBase).append(file).append('\n'));
        return sb.toString();
    }

    public SampleManifest manifest(String urlBase) {
        try {
            return SampleManifest.parse(new StringReader(manifestTsv(urlBase)), "test manifest");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the photos laid out like the gallery under {@code folder}. */
    public void writeTo(Path folder) throws IOException {
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            Path p = folder.resolve(f.getKey());
            Files.createDirectories(p.getParent());
            Files.write(p, f.getValue());
        }
    }

    /**
     * Serves {@code /<file>} on 127.0.0.1 with HTTP Range support. Content can be overridden per
     * file (to serve a wrong photo) and Range support switched off.
     */
    public final class Server implements AutoCloseable {
        public final HttpServer http;
        public final Map<String, byte[]> overrides = new ConcurrentHashMap<>();
        public final List<String> rangeHeaders = new CopyOnWriteArrayList<>();
        public final List<String> requested = new CopyOnWriteArrayList<>();
        public final AtomicLong bodyBytesSent = new AtomicLong();
        public volatile boolean honourRange = true;

        Server() throws IOException {
            http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            http.createContext("/", this::handle);
            http.start();
        }

        public String baseUrl() {
            return "http://127.0.0.1:" + http.getAddress().getPort() + "/";
        }

        public URI baseUri() {
            return URI.create(baseUrl());
        }

        private void handle(HttpExchange ex) throws IOException {
            try (ex) {
                String file = ex.getRequestURI().getPath().substring(1);
                requested.add(file);
                byte[] content = overrides.getOrDefault(file, files.get(file));
                if (content == null) {
                    ex.sendResponseHeaders(404, -1);
                    return;
                }
                String range = ex.getRequestHeaders().getFirst("Range");
                if (range != null) {
                    rangeHeaders.add(file + " " + range);
                }
                int start = 0;
                int status = 200;
                if (range != null && honourRange && range.startsWith("bytes=") && range.endsWith("-")) {
                    start = Integer.parseInt(range.substring(6, range.length() - 1));
                    if (start >= content.length) {
                        ex.sendResponseHeaders(416, -1);
                        return;
                    }
                    status = 206;
                    ex.getResponseHeaders().add("Content-Range",
                            "bytes " + start + "-" + (content.length - 1) + "/" + content.length);
                }
                int length = content.length - start;
                ex.sendResponseHeaders(status, length);
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(content, start, length);
                }
                bodyBytesSent.addAndGet(length);
            }
        }

        @Override
        public void close() {
            http.stop(0);
        }
    }

    public Server serve() throws IOException {
        return new Server();
    }

    public List<String> fileNames() {
        return new ArrayList<>(files.keySet());
    }
}
