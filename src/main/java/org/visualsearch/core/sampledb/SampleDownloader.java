package org.visualsearch.core.sampledb;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import org.visualsearch.core.common.Sha256;

/**
 * Downloads the sample photos into a gallery folder ({@code <dest>/<category>/<file>}).
 *
 * <ul>
 *   <li>Each file is written to {@code <file>.part} and moved into place atomically only once its
 *       size and SHA-256 match the manifest: a gallery folder never holds a half-written or wrong
 *       photo. A wrong download is deleted and reported.</li>
 *   <li>Resumable: an existing {@code .part} is continued with an HTTP {@code Range} request (a
 *       server that ignores it just sends the whole file again).</li>
 *   <li>Valid photos already present are not downloaded again.</li>
 *   <li>A failure is reported for its file and the run goes on. Once a host could not be reached
 *       at all, the remaining files from that host are reported as skipped instead of each waiting
 *       for its own time-out.</li>
 *   <li>Cancellable between chunks through the {@code cancelled} supplier; what is done is kept.</li>
 * </ul>
 *
 * <p>URLs come from the manifest, or, with a base URL, from {@code <base>/<file>} (a mirror laid
 * out like the gallery; tests use a local server).
 */
public final class SampleDownloader {

    /** Progress of a download run; called from the downloading thread. */
    @FunctionalInterface
    public interface Listener {
        void progress(Progress progress);

        /** A file was obtained (downloaded or already there) or failed. */
        default void fileFinished(String file, boolean ok, String message) {
        }

        Listener NONE = p -> { };
    }

    /**
     * @param filesDone   files finished (obtained or failed)
     * @param filesTotal  files in the manifest
     * @param bytesDone   bytes of the files obtained so far plus what the current file has received
     * @param bytesTotal  total bytes of the manifest's files
     * @param currentFile file being downloaded, or null between files
     */
    public record Progress(int filesDone, int filesTotal, long bytesDone, long bytesTotal, String currentFile) {
    }

    private static final int BUFFER = 64 * 1024;

    private final SampleManifest manifest;
    private final HttpClient client;
    private final URI baseUrl;
    private final Duration responseTimeout;

    /**
     * @param client  the HTTP client ({@link #defaultClient()} normally)
     * @param baseUrl where to fetch {@code <file>} from instead of the manifest's URLs, or null
     */
    public SampleDownloader(SampleManifest manifest, HttpClient client, URI baseUrl) {
        this(manifest, client, baseUrl, Duration.ofSeconds(60));
    }

    SampleDownloader(SampleManifest manifest, HttpClient client, URI baseUrl, Duration responseTimeout) {
        this.manifest = Objects.requireNonNull(manifest);
        this.client = Objects.requireNonNull(client);
        this.baseUrl = baseUrl == null ? null : withTrailingSlash(baseUrl);
        this.responseTimeout = responseTimeout;
    }

    /** An HTTP client that follows redirects and gives up connecting after 15 s. */
    public static HttpClient defaultClient() {
        return HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(15))
                .build();
    }

    /** Where {@code entry} is downloaded from. */
    public URI urlOf(SampleManifest.Entry entry) {
        return baseUrl == null ? entry.url() : baseUrl.resolve(entry.file());
    }

    /**
     * Downloads every manifest photo missing or corrupt in {@code dest}.
     *
     * @param cancelled polled between chunks and files; true stops the run (the current file's
     *                  {@code .part} is kept for resuming)
     * @throws IOException only when {@code dest} cannot be written; network and per-file problems
     *                     are in the report
     */
    public DownloadReport download(Path dest, Listener listener, BooleanSupplier cancelled) throws IOException {
        Listener out = listener == null ? Listener.NONE : listener;
        Files.createDirectories(dest);
        List<String> downloaded = new ArrayList<>();
        List<String> present = new ArrayList<>();
        List<DownloadReport.Failure> failed = new ArrayList<>();
        Map<String, String> unreachableHosts = new HashMap<>();
        Counter counter = new Counter(manifest.size(), manifest.totalBytes());

        for (SampleManifest.Entry e : manifest.entries()) {
            if (cancelled.getAsBoolean() || Thread.currentThread().isInterrupted()) {
                return new DownloadReport(downloaded, present, failed, true);
            }
            Path target = e.resolveIn(dest);
            if (SampleStatus.checkOne(e, target).state() == SampleStatus.State.PRESENT) {
                present.add(e.file());
                counter.finish(e.bytes());
                out.fileFinished(e.file(), true, "already present");
                out.progress(counter.progress(null, 0));
                continue;
            }
            URI url = urlOf(e);
            String host = url.getHost();
            String reason = unreachableHosts.get(host);
            if (reason != null) {
                fail(failed, out, counter, e, "skipped " + e.fileName() + ": " + host + " already failed: " + reason);
                continue;
            }
            Outcome outcome;
            try {
                outcome = fetch(e, url, target, out, counter, cancelled);
            } catch (IOException ex) {
                if (Files.exists(target.getParent()) && !Files.isWritable(target.getParent())) {
                    throw ex;
                }
                outcome = Outcome.failure("cannot download " + e.fileName() + " from " + host + ": " + describe(ex), false);
            }
            if (outcome.cancelled) {
                return new DownloadReport(downloaded, present, failed, true);
            }
            if (outcome.failure == null) {
                downloaded.add(e.file());
                counter.finish(e.bytes());
                out.fileFinished(e.file(), true, "downloaded");
                out.progress(counter.progress(null, 0));
            } else {
                if (outcome.hostUnreachable) {
                    unreachableHosts.put(host, outcome.shortReason);
                }
                fail(failed, out, counter, e, outcome.failure);
            }
        }
        return new DownloadReport(downloaded, present, failed, false);
    }

    private static void fail(List<DownloadReport.Failure> failed, Listener out, Counter counter,
                             SampleManifest.Entry e, String message) {
        failed.add(new DownloadReport.Failure(e.file(), message));
        counter.finish(0);
        out.fileFinished(e.file(), false, message);
        out.progress(counter.progress(null, 0));
    }

    /** Downloads one file into its .part and moves it into place. */
    private Outcome fetch(SampleManifest.Entry e, URI url, Path target, Listener out, Counter counter,
                          BooleanSupplier cancelled) throws IOException {
        Path part = SampleImporter.partFile(target);
        String host = url.getHost();
        String prefix = "cannot download " + e.fileName() + " from " + host + ": ";

        long have = Files.isRegularFile(part) ? Files.size(part) : 0;
        if (have >= e.bytes() && have > 0) {
            // A complete (or overlong) .part from an earlier run: keep it if it is right.
            if (have == e.bytes() && Sha256.of(part).equals(e.sha256())) {
                SampleImporter.moveIntoPlace(part, target);
                return Outcome.OK;
            }
            Files.delete(part);
            have = 0;
        }

        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(responseTimeout).GET();
        if (have > 0) {
            request.header("Range", "bytes=" + have + "-");
        }
        HttpResponse<InputStream> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return Outcome.CANCELLED;
        } catch (IOException ex) {
            String reason = describe(ex);
            return Outcome.failure(prefix + reason, isUnreachable(ex), reason);
        }

        int status = response.statusCode();
        boolean append;
        if (status == 206 && have > 0 && rangeStartsAt(response, have)) {
            append = true;
        } else if (status == 200) {
            append = false; // the server ignored the Range: start over
        } else if (status == 416 && have > 0) {
            // Our .part no longer fits the file on the server: drop it, the next run starts clean.
            response.body().close();
            Files.deleteIfExists(part);
            return Outcome.failure(prefix + "the server refused to resume a partial download (HTTP 416); "
                    + "the partial file was deleted, run again", false);
        } else {
            response.body().close();
            return Outcome.failure(prefix + "the server answered HTTP " + status, false);
        }

        long written = append ? have : 0;
        Files.createDirectories(target.getParent()); // only now: a failed run leaves no empty folders
        try (InputStream in = response.body();
             OutputStream file = Files.newOutputStream(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                     append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING)) {
            byte[] buffer = new byte[BUFFER];
            out.progress(counter.progress(e.file(), written));
            while (true) {
                if (cancelled.getAsBoolean() || Thread.currentThread().isInterrupted()) {
                    return Outcome.CANCELLED; // the .part stays for the next run
                }
                int n;
                try {
                    n = in.read(buffer);
                } catch (IOException ex) {
                    return Outcome.failure(prefix + "the connection broke after " + written + " of " + e.bytes()
                            + " bytes (" + describe(ex) + "); run again to resume", false);
                }
                if (n < 0) {
                    break;
                }
                if (written + n > e.bytes()) {
                    file.close();
                    Files.deleteIfExists(part);
                    return Outcome.failure(prefix + "the server sent more than the expected " + e.bytes()
                            + " bytes; not the manifest's file", false);
                }
                file.write(buffer, 0, n);
                written += n;
                out.progress(counter.progress(e.file(), written));
            }
        }

        if (written != e.bytes()) {
            return Outcome.failure(prefix + "the download ended after " + written + " of " + e.bytes()
                    + " bytes; run again to resume", false);
        }
        String hash = Sha256.of(part);
        if (!hash.equals(e.sha256())) {
            Files.deleteIfExists(part);
            return Outcome.failure(prefix + "sha256 mismatch (got " + hash.substring(0, 12) + "…, expected "
                    + e.sha256().substring(0, 12) + "…); the download was discarded", false);
        }
        SampleImporter.moveIntoPlace(part, target);
        return Outcome.OK;
    }

    /** A 206 must continue exactly where our .part ends; an absent Content-Range is taken on trust. */
    private static boolean rangeStartsAt(HttpResponse<?> response, long start) {
        return response.headers().firstValue("Content-Range")
                .map(v -> v.trim().startsWith("bytes " + start + "-"))
                .orElse(true);
    }

    /** True when the failure means the host could not be reached at all (no response). */
    static boolean isUnreachable(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof UnresolvedAddressException
                    || t instanceof UnknownHostException || t instanceof NoRouteToHostException
                    || t instanceof HttpConnectTimeoutException) {
                return true;
            }
        }
        return false;
    }

    /** One-line human reason for a network exception. */
    static String describe(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof UnresolvedAddressException || t instanceof UnknownHostException) {
                return "no network connection (cannot resolve the host name)";
            }
            if (t instanceof NoRouteToHostException) {
                return "no network connection (no route to host)";
            }
            if (t instanceof HttpConnectTimeoutException) {
                return "no network connection (connecting timed out)";
            }
        }
        for (Throwable t = ex; t != null; t = t.getCause()) {
            String m = t.getMessage();
            if (m != null && m.toLowerCase(java.util.Locale.ROOT).contains("connection refused")) {
                return "connection refused (is the server down?)";
            }
        }
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof ConnectException) {
                String m = t.getMessage();
                // JDK 17's HttpClient says neither "refused" nor why: both cases are possible.
                return m == null || m.isBlank()
                        ? "cannot connect (no network connection, or the server is down)"
                        : "no network connection (" + m + ")";
            }
            if (t instanceof HttpTimeoutException) {
                return "the server did not answer in time";
            }
        }
        String m = ex.getMessage();
        return ex.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : ": " + m.lines().findFirst().orElse(""));
    }

    private static URI withTrailingSlash(URI base) {
        String s = base.toString();
        return s.endsWith("/") ? base : URI.create(s + "/");
    }

    private static final class Counter {
        final int filesTotal;
        final long bytesTotal;
        int filesDone;
        long bytesDone;

        Counter(int filesTotal, long bytesTotal) {
            this.filesTotal = filesTotal;
            this.bytesTotal = bytesTotal;
        }

        void finish(long bytes) {
            filesDone++;
            bytesDone += bytes;
        }

        Progress progress(String current, long currentBytes) {
            return new Progress(filesDone, filesTotal, bytesDone + currentBytes, bytesTotal, current);
        }
    }

    private record Outcome(String failure, boolean hostUnreachable, String shortReason, boolean cancelled) {
        static final Outcome OK = new Outcome(null, false, null, false);
        static final Outcome CANCELLED = new Outcome(null, false, null, true);

        static Outcome failure(String message, boolean hostUnreachable) {
            return new Outcome(message, hostUnreachable, null, false);
        }

        static Outcome failure(String message, boolean hostUnreachable, String shortReason) {
            return new Outcome(message, hostUnreachable, shortReason, false);
        }
    }
}
