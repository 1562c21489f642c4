package org.visualsearch.core.sampledb;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;

/**
 * Receives one photo's response body into its {@code .part} file under the download's limits: a
 * server silent for {@link SampleDownloader.Timeouts#read()} or slower than its minimum rate
 * fails (and its host is skipped), more bytes than the manifest's size are refused, and a cancel
 * is noticed between chunks (the {@code .part} stays for resuming).
 */
final class BodyReceiver {
    /** Longest single wait for the body, so cancelling is noticed promptly. */
    private static final long POLL_NANOS = Duration.ofMillis(200).toNanos();

    private final SampleDownloader.Timeouts timeouts;
    private final BooleanSupplier cancelled;

    BodyReceiver(SampleDownloader.Timeouts timeouts, BooleanSupplier cancelled) {
        this.timeouts = timeouts;
        this.cancelled = cancelled;
    }

    /**
     * Writes {@code body} to {@code part}, after its first {@code have} bytes when {@code append},
     * else from the start. {@code written} gets the bytes received so far (with the resumed ones).
     *
     * @param prefix starts every failure message ("cannot download X from host: ")
     * @return {@link FetchOutcome#OK} when the .part now holds exactly {@code expected} bytes
     *         (not yet checked against its SHA-256), else why it stopped
     */
    FetchOutcome receive(TimedBody body, Path part, boolean append, long have, long expected, String prefix,
                         LongConsumer written) throws IOException {
        long done = append ? have : 0;
        try (FileChannel file = FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING)) {
            written.accept(done);
            long readNanos = timeouts.read().toNanos();
            long windowNanos = timeouts.rateWindow().toNanos();
            long lastData = System.nanoTime();
            long windowStart = lastData;
            long windowBytes = 0;
            while (true) {
                if (cancelled.getAsBoolean() || Thread.currentThread().isInterrupted()) {
                    body.cancel();
                    return FetchOutcome.CANCELLED; // the .part stays for the next run
                }
                long now = System.nanoTime();
                if (now - lastData >= readNanos) {
                    body.cancel();
                    String reason = "the server stopped sending (nothing for " + NetworkFailures.seconds(timeouts.read()) + ")";
                    return FetchOutcome.failure(prefix + reason + " after " + done + " of " + expected
                            + " bytes; run again to resume", true, reason);
                }
                if (now - windowStart >= windowNanos) {
                    double rate = windowBytes / (timeouts.rateWindow().toMillis() / 1000.0);
                    if (rate < timeouts.minBytesPerSecond()) {
                        body.cancel();
                        String reason = String.format(Locale.ROOT,
                                "the server sends too slowly (%.0f bytes/s over %s, below the minimum of %d bytes/s)",
                                rate, NetworkFailures.seconds(timeouts.rateWindow()), timeouts.minBytesPerSecond());
                        return FetchOutcome.failure(prefix + reason + " after " + done + " of " + expected
                                + " bytes; run again to resume", true, reason);
                    }
                    windowStart = now;
                    windowBytes = 0;
                }
                long wait = Math.min(POLL_NANOS, Math.min(readNanos - (now - lastData), windowNanos - (now - windowStart)));
                List<ByteBuffer> chunk;
                try {
                    chunk = body.poll(Math.max(1, wait));
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    body.cancel();
                    return FetchOutcome.CANCELLED;
                } catch (IOException ex) {
                    return FetchOutcome.failure(prefix + "the connection broke after " + done + " of " + expected
                            + " bytes (" + NetworkFailures.describe(ex, timeouts) + "); run again to resume", false);
                }
                if (chunk == null) {
                    continue; // nothing yet: the checks above decide how long that may go on
                }
                if (chunk == TimedBody.END) {
                    break;
                }
                long n = 0;
                for (ByteBuffer b : chunk) {
                    n += b.remaining();
                }
                if (done + n > expected) {
                    body.cancel();
                    file.close();
                    Files.deleteIfExists(part);
                    return FetchOutcome.failure(prefix + "the server sent more than the expected " + expected
                            + " bytes; not the manifest's file", false);
                }
                for (ByteBuffer b : chunk) {
                    while (b.hasRemaining()) {
                        file.write(b);
                    }
                }
                done += n;
                if (n > 0) {
                    lastData = System.nanoTime();
                    windowBytes += n;
                }
                written.accept(done);
            }
        }
        if (done != expected) {
            return FetchOutcome.failure(prefix + "the download ended after " + done + " of " + expected
                    + " bytes; run again to resume", false);
        }
        return FetchOutcome.OK;
    }
}
