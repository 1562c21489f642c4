package org.visualsearch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.visualsearch.core.sampledb.SampleDownloader;
import org.visualsearch.core.sampledb.SampleDownloader.Progress;

class DownloadLinesTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final AtomicLong now = new AtomicLong();
    private final DownloadLines lines = new DownloadLines(new PrintWriter(out), new PrintWriter(err), 4, now::get);

    private static Progress at(String file, long bytes, long size) {
        return new Progress(0, 4, bytes, 1_000_000, file, bytes, size);
    }

    @Test
    void aSlowPhotoShowsItsBytesEveryFewSecondsAndAFastOneNothing() {
        lines.progress(at("dog/dog-01.jpg", 0, 200_000));
        now.addAndGet(DownloadLines.PROGRESS_EVERY_NANOS / 2);
        lines.progress(at("dog/dog-01.jpg", 10_240, 200_000));
        assertThat(out.toString()).isEmpty(); // under two seconds: the finished line is enough

        now.addAndGet(DownloadLines.PROGRESS_EVERY_NANOS / 2);
        lines.progress(at("dog/dog-01.jpg", 51_200, 200_000));
        now.addAndGet(1);
        lines.progress(at("dog/dog-01.jpg", 52_224, 200_000)); // too soon for another line
        now.addAndGet(DownloadLines.PROGRESS_EVERY_NANOS);
        lines.progress(at("dog/dog-01.jpg", 102_400, 200_000));
        lines.fileFinished("dog/dog-01.jpg", true, "downloaded");

        assertThat(out.toString().lines()).containsExactly(
                "          dog/dog-01.jpg           50 KB of 195 KB",
                "          dog/dog-01.jpg           100 KB of 195 KB",
                "[  1/4] dog/dog-01.jpg           downloaded");
    }

    @Test
    void photosAlreadyPresentGetOneLineNotOneEach() {
        lines.fileFinished("dog/dog-01.jpg", true, SampleDownloader.ALREADY_PRESENT);
        lines.fileFinished("dog/dog-02.jpg", true, SampleDownloader.ALREADY_PRESENT);
        lines.fileFinished("dog/dog-03.jpg", true, "downloaded");
        lines.fileFinished("dog/dog-04.jpg", true, SampleDownloader.ALREADY_PRESENT);
        lines.finish();
        assertThat(out.toString().lines()).containsExactly(
                "[  2/4] 2 photos already present",
                "[  3/4] dog/dog-03.jpg           downloaded",
                "[  4/4] 1 photo already present");
    }

    @Test
    void skippedPhotosAreCountedOnOneLine() {
        lines.fileFinished("dog/dog-01.jpg", false, "cannot download dog-01.jpg from h: the server stopped sending");
        lines.fileFinished("dog/dog-02.jpg", false, "skipped dog-02.jpg: h already failed: x");
        lines.fileFinished("dog/dog-03.jpg", false, "skipped dog-03.jpg: h already failed: x");
        lines.finish();
        assertThat(err.toString().lines()).containsExactly(
                "cannot download dog-01.jpg from h: the server stopped sending",
                "2 more photos skipped: their host could not be reached or timed out");
    }
}
