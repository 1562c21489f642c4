package org.visualsearch.core.sampledb;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class SampleDownloaderTest {

    @TempDir
    Path dest;

    private final TestPhotos photos = TestPhotos.small();

    private static DownloadReport run(SampleDownloader d, Path dest) throws Exception {
        return d.download(dest, SampleDownloader.Listener.NONE, () -> false);
    }

    @Test
    void downloadsVerifiesAndReportsProgress() throws Exception {
        try (TestPhotos.Server server = photos.serve()) {
            // The manifest's own URLs point at the local server.
            SampleManifest manifest = photos.manifest(server.baseUrl());
            List<SampleDownloader.Progress> progress = new ArrayList<>();
            DownloadReport report = new SampleDownloader(manifest, SampleDownloader.defaultClient(), null)
                    .download(dest, progress::add, () -> false);

            assertThat(report.complete()).isTrue();
            assertThat(report.downloaded()).containsExactlyElementsOf(photos.fileNames());
            for (String file : photos.fileNames()) {
                assertThat(dest.resolve(file)).hasBinaryContent(photos.files.get(file));
                assertThat(dest.resolve(file + ".part")).doesNotExist();
            }
            SampleDownloader.Progress last = progress.get(progress.size() - 1);
            assertThat(last.filesDone()).isEqualTo(3);
            assertThat(last.filesTotal()).isEqualTo(3);
            assertThat(last.bytesDone()).isEqualTo(manifest.totalBytes()).isEqualTo(last.bytesTotal());
            assertThat(progress).extracting(SampleDownloader.Progress::bytesDone).isSorted();
            // Per-photo byte progress: each photo's own count climbs to its size.
            for (String file : photos.fileNames()) {
                List<SampleDownloader.Progress> own = progress.stream().filter(p -> file.equals(p.currentFile())).toList();
                assertThat(own).isNotEmpty().allSatisfy(p -> assertThat(p.fileBytesTotal()).isEqualTo(photos.files.get(file).length));
                assertThat(own).extracting(SampleDownloader.Progress::fileBytesDone).isSorted();
                assertThat(own.get(own.size() - 1).fileBytesDone()).isEqualTo(photos.files.get(file).length);
            }

            // Second run: everything present, nothing fetched.
            int before = server.requested.size();
            DownloadReport again = run(new SampleDownloader(manifest, SampleDownloader.defaultClient(), null), dest);
            assertThat(again.alreadyPresent()).hasSize(3);
            assertThat(server.requested).hasSize(before);
        }
    }

    @Test
    void progressDescribesTheCurrentPhotosOwnBytes() {
        assertThat(new SampleDownloader.Progress(2, 100, 500_000, 9_000_000, "dog/dog-03.jpg", 49_152, 147_456)
                .describe()).isEqualTo("photo 3 of 100 (48 of 144 KB)");
        assertThat(new SampleDownloader.Progress(100, 100, 9_000_000, 9_000_000, null, 0, 0).describe())
                .isEqualTo("photo 100 of 100");
    }

    @Test
    void baseUrlOverridesTheManifestUrls() throws Exception {
        try (TestPhotos.Server server = photos.serve()) {
            SampleManifest manifest = photos.manifest("https://unreachable.invalid/photos/");
            SampleDownloader d = new SampleDownloader(manifest, SampleDownloader.defaultClient(),
                    URI.create(server.baseUrl().replaceAll("/$", ""))); // no trailing slash on purpose
            assertThat(d.urlOf(manifest.entries().get(0)).toString()).isEqualTo(server.baseUrl() + "cat/cat-01.jpg");
            assertThat(run(d, dest).complete()).isTrue();
        }
    }

    @Test
    void resumesAPartialDownloadWithARangeRequest() throws Exception {
        try (TestPhotos.Server server = photos.serve()) {
            SampleManifest manifest = photos.manifest(server.baseUrl());
            byte[] full = photos.files.get("cat/cat-01.jpg");
            Path part = dest.resolve("cat/cat-01.jpg.part");
            Files.createDirectories(part.getParent());
            Files.write(part, Arrays.copyOf(full, 100_000));

            DownloadReport report = run(new SampleDownloader(manifest, SampleDownloader.defaultClient(), null), dest);

            assertThat(report.complete()).isTrue();
            assertThat(server.rangeHeaders).containsExactly("cat/cat-01.jpg bytes=100000-");
            assertThat(dest.resolve("cat/cat-01.jpg")).hasBinaryContent(full);
            assertThat(part).doesNotExist();
            // Only the missing 50,000 bytes of that photo crossed the wire.
            assertThat(server.bodyBytesSent.get()).isEqualTo(manifest.totalBytes() - 100_000);
        }
    }

    @Test
    void serverIgnoringRangeStillGivesTheRightFile() throws Exception {
        try (TestPhotos.Server server = photos.serve()) {
            server.honourRange = false;
            SampleManifest manifest = photos.manifest(server.baseUrl());
            byte[] full = photos.files.get("cat/cat-01.jpg");
            Path part = dest.resolve("cat/cat-01.jpg.part");
            Files.createDirectories(part.getParent());
            Files.write(part, Arrays.copyOf(full, 100_000));

            assertThat(run(new SampleDownloader(manifest, SampleDownloader.defaultClient(), null), dest).complete()).isTrue();
            assertThat(dest.resolve("cat/cat-01.jpg")).hasBinaryContent(full);
        }
    }

    @Test
    void wrongContentIsRejectedAndTheRestIsKept() throws Exception {
        try (TestPhotos.Server server = photos.serve()) {
            byte[] wrong = photos.files.get("cat/cat-02.jpg").clone();
            wrong[7] ^= 1;
            server.overrides.put("cat/cat-02.jpg", wrong);
            SampleManifest manifest = photos.manifest(server.baseUrl());

            DownloadReport report = run(new SampleDownloader(manifest, SampleDownloader.defaultClient(), null), dest);

            assertThat(report.downloaded()).containsExactly("cat/cat-01.jpg", "cup/cup-01.jpg");
            assertThat(report.failed()).singleElement().satisfies(f -> {
                assertThat(f.file()).isEqualTo("cat/cat-02.jpg");
                assertThat(f.message()).startsWith("cannot download cat-02.jpg from 127.0.0.1: sha256 mismatch");
            });
            assertThat(dest.resolve("cat/cat-02.jpg")).doesNotExist();
            assertThat(dest.resolve("cat/cat-02.jpg.part")).doesNotExist();
        }
    }

    @Test
    void missingFileOnServerIsReportedWithTheStatus() throws Exception {
        try (TestPhotos.Server server = photos.serve()) {
            SampleManifest manifest = photos.manifest(server.baseUrl() + "elsewhere/");
            DownloadReport report = run(new SampleDownloader(manifest, SampleDownloader.defaultClient(), null), dest);
            assertThat(report.failed()).hasSize(3)
                    .first().extracting(DownloadReport.Failure::message)
                    .isEqualTo("cannot download cat-01.jpg from 127.0.0.1: the server answered HTTP 404");
        }
    }

    @Test
    void serverDownGivesAClearMessageAndSkipsTheRestOfThatHost() throws Exception {
        TestPhotos.Server server = photos.serve();
        String url = server.baseUrl();
        server.close(); // nothing listens on that port any more
        SampleManifest manifest = photos.manifest(url);

        DownloadReport report = run(new SampleDownloader(manifest, SampleDownloader.defaultClient(), null), dest);

        assertThat(report.complete()).isFalse();
        assertThat(report.cancelled()).isFalse();
        // JDK 17 cannot tell "refused" from "offline"; a JDK that says "refused" gets the sharper text.
        String reason = "(cannot connect \\(no network connection, or the server is down\\)"
                + "|connection refused \\(is the server down\\?\\))";
        assertThat(report.failed()).extracting(DownloadReport.Failure::message).satisfiesExactly(
                m -> assertThat(m).matches("cannot download cat-01\\.jpg from 127\\.0\\.0\\.1: " + reason),
                m -> assertThat(m).matches("skipped cat-02\\.jpg: 127\\.0\\.0\\.1 already failed: " + reason),
                m -> assertThat(m).matches("skipped cup-01\\.jpg: 127\\.0\\.0\\.1 already failed: " + reason));
        assertThat(dest.resolve("cat")).doesNotExist();
    }

    /** Time-outs short enough for a test; the rate is measured over 400 ms. */
    private static final SampleDownloader.Timeouts QUICK = new SampleDownloader.Timeouts(
            Duration.ofMillis(300), Duration.ofMillis(300), Duration.ofMillis(300), 5000, Duration.ofMillis(400));

    private static SampleDownloader quick(SampleManifest manifest) {
        return new SampleDownloader(manifest, SampleDownloader.client(QUICK), null, QUICK);
    }

    @Test
    void aServerThatNeverAnswersTimesOutOnceAndItsHostIsSkipped() throws Exception {
        try (TestPhotos.Server server = photos.serve()) {
            server.stall = TestPhotos.Server.Stall.NO_ANSWER;
            DownloadReport report = run(quick(photos.manifest(server.baseUrl())), dest);

            assertThat(report.failed()).extracting(DownloadReport.Failure::message).containsExactly(
                    "cannot download cat-01.jpg from 127.0.0.1: the server did not answer within 300 ms",
                    "skipped cat-02.jpg: 127.0.0.1 already failed: the server did not answer within 300 ms",
                    "skipped cup-01.jpg: 127.0.0.1 already failed: the server did not answer within 300 ms");
            assertThat(server.requested).containsExactly("cat/cat-01.jpg");
        }
    }

    @Test
    void aServerThatStopsSendingTimesOutAndThePartialFileIsKeptForResuming() throws Exception {
        try (TestPhotos.Server server = photos.serve()) {
            server.stall = TestPhotos.Server.Stall.MID_BODY;
            SampleManifest manifest = photos.manifest(server.baseUrl());
            List<SampleDownloader.Progress> progress = new java.util.concurrent.CopyOnWriteArrayList<>();
            DownloadReport report = quick(manifest).download(dest, progress::add, () -> false);

            assertThat(report.failed()).extracting(DownloadReport.Failure::message).containsExactly(
                    "cannot download cat-01.jpg from 127.0.0.1: the server stopped sending (nothing for 300 ms) "
                            + "after 1000 of 150000 bytes; run again to resume",
                    "skipped cat-02.jpg: 127.0.0.1 already failed: the server stopped sending (nothing for 300 ms)",
                    "skipped cup-01.jpg: 127.0.0.1 already failed: the server stopped sending (nothing for 300 ms)");
            assertThat(server.requested).containsExactly("cat/cat-01.jpg");
            assertThat(progress).anySatisfy(p -> {
                assertThat(p.currentFile()).isEqualTo("cat/cat-01.jpg");
                assertThat(p.fileBytesDone()).isEqualTo(1000);
                assertThat(p.fileBytesTotal()).isEqualTo(150_000);
            });
            assertThat(dest.resolve("cat/cat-01.jpg.part")).hasSize(TestPhotos.Server.STALL_AFTER_BYTES);

            // The mirror recovers: the next run resumes from byte 1000.
            server.stall = TestPhotos.Server.Stall.NONE;
            assertThat(run(quick(manifest), dest).complete()).isTrue();
            assertThat(server.rangeHeaders).containsExactly("cat/cat-01.jpg bytes=1000-");
            assertThat(dest.resolve("cat/cat-01.jpg")).hasBinaryContent(photos.files.get("cat/cat-01.jpg"));
        }
    }

    @Test
    void aServerThatDripFeedsBytesFailsTheMinimumRate() throws Exception {
        try (TestPhotos.Server server = photos.serve()) {
            server.stall = TestPhotos.Server.Stall.DRIP; // 16 bytes every 20 ms: never idle for 300 ms
            DownloadReport report = run(quick(photos.manifest(server.baseUrl())), dest);

            assertThat(report.failed()).hasSize(3);
            assertThat(report.failed().get(0).message())
                    .matches("cannot download cat-01\\.jpg from 127\\.0\\.0\\.1: the server sends too slowly "
                            + "\\(\\d+ bytes/s over 400 ms, below the minimum of 5000 bytes/s\\) after \\d+ of 150000 bytes; "
                            + "run again to resume");
            assertThat(report.failed().get(1).message()).startsWith("skipped cat-02.jpg: 127.0.0.1 already failed: "
                    + "the server sends too slowly");
            assertThat(server.requested).containsExactly("cat/cat-01.jpg");
        }
    }

    @Test
    void aHostThatCannotBeConnectedToTimesOut() throws Exception {
        // A listening socket that never accepts, its backlog full: the next connection attempt hangs
        // in the handshake, as with a host that drops packets.
        try (java.net.ServerSocket listener = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            List<java.net.Socket> filling = new ArrayList<>();
            try {
                boolean full = false;
                for (int i = 0; i < 20 && !full; i++) {
                    java.net.Socket socket = new java.net.Socket();
                    filling.add(socket);
                    try {
                        socket.connect(listener.getLocalSocketAddress(), 200);
                    } catch (java.net.SocketTimeoutException e) {
                        full = true;
                    }
                }
                org.junit.jupiter.api.Assumptions.assumeTrue(full, "this OS accepts connections beyond the backlog");
                SampleManifest manifest = photos.manifest("http://127.0.0.1:" + listener.getLocalPort() + "/");
                DownloadReport report = run(quick(manifest), dest);
                assertThat(report.failed()).extracting(DownloadReport.Failure::message).containsExactly(
                        "cannot download cat-01.jpg from 127.0.0.1: connecting timed out after 300 ms "
                                + "(no network connection, or the host is down)",
                        "skipped cat-02.jpg: 127.0.0.1 already failed: connecting timed out after 300 ms "
                                + "(no network connection, or the host is down)",
                        "skipped cup-01.jpg: 127.0.0.1 already failed: connecting timed out after 300 ms "
                                + "(no network connection, or the host is down)");
            } finally {
                for (java.net.Socket socket : filling) {
                    socket.close();
                }
            }
        }
    }

    @Test
    @Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // opening a FIFO is not interruptible
    void aFifoWhereThePartialFileBelongsIsReplacedNotOpened() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Fifo.supported(), "no mkfifo on this system");
        try (TestPhotos.Server server = photos.serve()) {
            Path part = dest.resolve("cat/cat-01.jpg.part");
            Files.createDirectories(part.getParent());
            Fifo.make(part);
            assertThat(run(new SampleDownloader(photos.manifest(server.baseUrl()), SampleDownloader.defaultClient(), null),
                    dest).complete()).isTrue();
            assertThat(dest.resolve("cat/cat-01.jpg")).hasBinaryContent(photos.files.get("cat/cat-01.jpg"));
        }
    }

    @Test
    void unknownHostSaysThereIsNoNetwork() throws Exception {
        SampleManifest manifest = photos.manifest("http://no-such-host.invalid/");
        DownloadReport report = run(new SampleDownloader(manifest, SampleDownloader.defaultClient(), null), dest);
        assertThat(report.failed().get(0).message())
                .isEqualTo("cannot download cat-01.jpg from no-such-host.invalid: no network connection (cannot resolve the host name)");
    }

    @Test
    void cancellingKeepsWhatIsDoneAndTheNextRunResumes() throws Exception {
        try (TestPhotos.Server server = photos.serve()) {
            SampleManifest manifest = photos.manifest(server.baseUrl());
            AtomicInteger calls = new AtomicInteger();
            // Cancel once the first photo is in and the second has started.
            SampleDownloader d = new SampleDownloader(manifest, SampleDownloader.defaultClient(), null);
            DownloadReport first = d.download(dest, p -> calls.incrementAndGet(),
                    () -> Files.exists(dest.resolve("cat/cat-01.jpg")) && Files.exists(dest.resolve("cat/cat-02.jpg.part")));

            assertThat(first.cancelled()).isTrue();
            assertThat(first.downloaded()).containsExactly("cat/cat-01.jpg");
            assertThat(dest.resolve("cat/cat-02.jpg.part")).exists();

            DownloadReport second = run(d, dest);
            assertThat(second.complete()).isTrue();
            assertThat(second.alreadyPresent()).containsExactly("cat/cat-01.jpg");
            assertThat(SampleStatus.check(manifest, dest).complete()).isTrue();
        }
    }
}
