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
        /** How the server misbehaves, as a stalling mirror would. */
        public enum Stall {
            /** Serves normally. */
            NONE,
            /** Accepts the request and never answers. */
            NO_ANSWER,
            /** Sends the headers and {@link #STALL_AFTER_BYTES} bytes, then nothing. */
            MID_BODY,
            /** Sends 16 bytes every 20 ms: never idle for long, but far too slow. */
            DRIP
        }

        public static final int STALL_AFTER_BYTES = 1000;

        public final HttpServer http;
        public volatile Stall stall = Stall.NONE;
        /** Released on close: a held response ends then. */
        private final java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        private final java.util.concurrent.ExecutorService executor = java.util.concurrent.Executors.newCachedThreadPool();
        public final Map<String, byte[]> overrides = new ConcurrentHashMap<>();
        public final List<String> rangeHeaders = new CopyOnWriteArrayList<>();
        public final List<String> requested = new CopyOnWriteArrayList<>();
        public final AtomicLong bodyBytesSent = new AtomicLong();
        public volatile boolean honourRange = true;

        Server() throws IOException {
            http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            http.createContext("/", this::handle);
            http.setExecutor(executor); // a held response must not hold up the others
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
                if (stall == Stall.NO_ANSWER) {
                    hold();
                    return;
                }
                ex.sendResponseHeaders(status, length);
                if (stall == Stall.MID_BODY || stall == Stall.DRIP) {
                    misbehave(ex.getResponseBody(), content, start);
                    return;
                }
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(content, start, length);
                }
                bodyBytesSent.addAndGet(length);
            }
        }

        private void hold() {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void misbehave(OutputStream out, byte[] content, int start) {
            try {
                if (stall == Stall.MID_BODY) {
                    out.write(content, start, STALL_AFTER_BYTES);
                    out.flush();
                    bodyBytesSent.addAndGet(STALL_AFTER_BYTES);
                    hold();
                    return;
                }
                // Drip until the client hangs up (the write fails) or the server closes.
                for (int at = start; at < content.length && !release.await(20, java.util.concurrent.TimeUnit.MILLISECONDS); at += 16) {
                    int n = Math.min(16, content.length - at);
                    out.write(content, at, n);
                    out.flush();
                    bodyBytesSent.addAndGet(n);
                }
            } catch (IOException e) {
                // the client gave up: what a stalling mirror sees
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void close() {
            release.countDown();
            http.stop(0);
            executor.shutdownNow();
        }
    }

    public Server serve() throws IOException {
        return new Server();
    }

    public List<String> fileNames() {
        return new ArrayList<>(files.keySet());
    }
}
