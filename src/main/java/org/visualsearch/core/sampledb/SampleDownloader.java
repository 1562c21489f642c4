package org.visualsearch.core.sampledb;

import java.io.IOException;
import java.nio.file.LinkOption;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
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
 *       at all or timed out (see {@link Timeouts}: connecting, answering, a stalled or drip-fed
 *       body), the remaining files from that host are reported as skipped instead of each waiting
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
     * @param fileBytesDone  bytes of the current file received so far (with a resumed .part), 0 between files
     * @param fileBytesTotal the current file's size, 0 between files
     */
    public record Progress(int filesDone, int filesTotal, long bytesDone, long bytesTotal, String currentFile,
                           long fileBytesDone, long fileBytesTotal) {

        /** {@code "photo 3 of 100 (48 of 144 KB)"}: the photo's own bytes, so a stalled one shows it. */
        public String describe() {
            String photo = String.format(java.util.Locale.ROOT, "photo %d of %d",
                    Math.min(filesDone + 1, filesTotal), filesTotal);
            return currentFile == null ? photo : String.format(java.util.Locale.ROOT, "%s (%,d of %,d KB)", photo,
                    (fileBytesDone + 512) / 1024, (fileBytesTotal + 512) / 1024);
        }
    }

    /**
     * How long a mirror may keep us waiting. A host that times out once is skipped for the rest
     * of the run (like one that cannot be reached): a stalling mirror costs one time-out, not one
     * per photo.
     *
     * @param connect           connecting to the host
     * @param response          from sending the request to the response's headers
     * @param read              the longest gap between two pieces of the body
     * @param minBytesPerSecond the slowest acceptable transfer, averaged over {@code rateWindow}:
     *                          a server that drip-feeds bytes (never idle for {@code read}) fails too
     * @param rateWindow        how long a transfer is measured before its rate counts
     */
    public record Timeouts(Duration connect, Duration response, Duration read, long minBytesPerSecond,
                           Duration rateWindow) {
        /** 15 s to connect, 30 s to answer, 30 s without a byte, at least 2 KB/s over 30 s. */
        public static final Timeouts DEFAULT = new Timeouts(Duration.ofSeconds(15), Duration.ofSeconds(30),
                Duration.ofSeconds(30), 2048, Duration.ofSeconds(30));

        public Timeouts {
            for (Duration d : List.of(connect, response, read, rateWindow)) {
                if (d.isNegative() || d.isZero()) {
                    throw new IllegalArgumentException("time-outs must be positive: " + d);
                }
            }
            if (minBytesPerSecond < 0) {
                throw new IllegalArgumentException("minBytesPerSecond < 0");
            }
        }
    }

    /** The {@link Listener#fileFinished} message for a valid photo that was already there. */
    public static final String ALREADY_PRESENT = "already present";

    private final SampleManifest manifest;
    private final HttpClient client;
    private final URI baseUrl;
    private final Timeouts timeouts;

    /**
     * @param client  the HTTP client ({@link #defaultClient()} normally)
     * @param baseUrl where to fetch {@code <file>} from instead of the manifest's URLs, or null
     */
    public SampleDownloader(SampleManifest manifest, HttpClient client, URI baseUrl) {
        this(manifest, client, baseUrl, Timeouts.DEFAULT);
    }

    /** @param timeouts the response, read and rate limits (the connect time-out is the client's: {@link #client(Timeouts)}) */
    public SampleDownloader(SampleManifest manifest, HttpClient client, URI baseUrl, Timeouts timeouts) {
        this.manifest = Objects.requireNonNull(manifest);
        this.client = Objects.requireNonNull(client);
        this.baseUrl = baseUrl == null ? null : withTrailingSlash(baseUrl);
        this.timeouts = Objects.requireNonNull(timeouts);
    }

    /** An HTTP client that follows redirects and gives up connecting after {@link Timeouts#DEFAULT}'s 15 s. */
    public static HttpClient defaultClient() {
        return client(Timeouts.DEFAULT);
    }

    /** An HTTP client that follows redirects and gives up connecting after {@code timeouts.connect()}. */
    public static HttpClient client(Timeouts timeouts) {
        return HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(timeouts.connect())
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
        Map<String, String> failedHosts = new HashMap<>(); // unreachable or timed out: skip the rest
        Counter counter = new Counter(manifest.size(), manifest.totalBytes());

        for (SampleManifest.Entry e : manifest.entries()) {
            if (cancelled.getAsBoolean() || Thread.currentThread().isInterrupted()) {
                return new DownloadReport(downloaded, present, failed, true);
            }
            Path target = e.resolveIn(dest);
            if (SampleStatus.checkOne(e, target).state() == SampleStatus.State.PRESENT) {
                present.add(e.file());
                counter.finish(e.bytes());
                out.fileFinished(e.file(), true, ALREADY_PRESENT);
                out.progress(counter.progress(null, 0, 0));
                continue;
            }
            URI url = urlOf(e);
            String host = url.getHost();
            String reason = failedHosts.get(host);
            if (reason != null) {
                fail(failed, out, counter, e, "skipped " + e.fileName() + ": " + host + " already failed: " + reason);
                continue;
            }
            FetchOutcome outcome;
            try {
                outcome = fetch(e, url, target, out, counter, cancelled);
            } catch (IOException ex) {
                if (Files.exists(target.getParent()) && !Files.isWritable(target.getParent())) {
                    throw ex;
                }
                outcome = FetchOutcome.failure("cannot download " + e.fileName() + " from " + host + ": "
                        + NetworkFailures.describe(ex, timeouts), false);
            }
            if (outcome.cancelled()) {
                return new DownloadReport(downloaded, present, failed, true);
            }
            if (outcome.failure() == null) {
                downloaded.add(e.file());
                counter.finish(e.bytes());
                out.fileFinished(e.file(), true, "downloaded");
                out.progress(counter.progress(null, 0, 0));
            } else {
                if (outcome.hostUnreachable()) {
                    failedHosts.put(host, outcome.shortReason());
                }
                fail(failed, out, counter, e, outcome.failure());
            }
        }
        return new DownloadReport(downloaded, present, failed, false);
    }

    private static void fail(List<DownloadReport.Failure> failed, Listener out, Counter counter,
                             SampleManifest.Entry e, String message) {
        failed.add(new DownloadReport.Failure(e.file(), message));
        counter.finish(0);
        out.fileFinished(e.file(), false, message);
        out.progress(counter.progress(null, 0, 0));
    }

    /** Downloads one file into its .part and moves it into place. */
    private FetchOutcome fetch(SampleManifest.Entry e, URI url, Path target, Listener out, Counter counter,
                          BooleanSupplier cancelled) throws IOException {
        Path part = SampleImporter.partFile(target);
        String host = url.getHost();
        String prefix = "cannot download " + e.fileName() + " from " + host + ": ";

        if (Files.exists(part, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(part, LinkOption.NOFOLLOW_LINKS)) {
            Files.delete(part); // a FIFO or link where our .part belongs: opening it could block for ever
        }
        long have = Files.isRegularFile(part) ? Files.size(part) : 0;
        if (have >= e.bytes() && have > 0) {
            // A complete (or overlong) .part from an earlier run: keep it if it is right.
            if (have == e.bytes() && Sha256.of(part).equals(e.sha256())) {
                SampleImporter.moveIntoPlace(part, target);
                return FetchOutcome.OK;
            }
            Files.delete(part);
            have = 0;
        }

        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(timeouts.response()).GET();
        if (have > 0) {
            request.header("Range", "bytes=" + have + "-");
        }
        HttpResponse<TimedBody> response;
        try {
            response = client.send(request.build(), info -> new TimedBody());
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return FetchOutcome.CANCELLED;
        } catch (IOException ex) {
            String reason = NetworkFailures.describe(ex, timeouts);
            // Once a host could not be reached or did not answer in time, the next photo would wait just as long.
            return FetchOutcome.failure(prefix + reason, NetworkFailures.isUnreachable(ex) || NetworkFailures.isTimeout(ex), reason);
        }

        TimedBody body = response.body();
        int status = response.statusCode();
        boolean append;
        if (status == 206 && have > 0 && rangeStartsAt(response, have)) {
            append = true;
        } else if (status == 200) {
            append = false; // the server ignored the Range: start over
        } else if (status == 416 && have > 0) {
            // Our .part no longer fits the file on the server: drop it, the next run starts clean.
            body.cancel();
            Files.deleteIfExists(part);
            return FetchOutcome.failure(prefix + "the server refused to resume a partial download (HTTP 416); "
                    + "the partial file was deleted, run again", false);
        } else {
            body.cancel();
            return FetchOutcome.failure(prefix + "the server answered HTTP " + status, false);
        }

        Files.createDirectories(target.getParent()); // only now: a failed run leaves no empty folders
        FetchOutcome received = new BodyReceiver(timeouts, cancelled).receive(body, part, append, have, e.bytes(), prefix,
                written -> out.progress(counter.progress(e.file(), written, e.bytes())));
        if (received != FetchOutcome.OK) {
            return received;
        }
        String hash = Sha256.of(part);
        if (!hash.equals(e.sha256())) {
            Files.deleteIfExists(part);
            return FetchOutcome.failure(prefix + "sha256 mismatch (got " + hash.substring(0, 12) + "…, expected "
                    + e.sha256().substring(0, 12) + "…); the download was discarded", false);
        }
        SampleImporter.moveIntoPlace(part, target);
        return FetchOutcome.OK;
    }

    /** A 206 must continue exactly where our .part ends; an absent Content-Range is taken on trust. */
    private static boolean rangeStartsAt(HttpResponse<?> response, long start) {
        return response.headers().firstValue("Content-Range")
                .map(v -> v.trim().startsWith("bytes " + start + "-"))
                .orElse(true);
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

        Progress progress(String current, long currentBytes, long currentTotal) {
            return new Progress(filesDone, filesTotal, bytesDone + currentBytes, bytesTotal, current,
                    currentBytes, currentTotal);
        }
    }
}
