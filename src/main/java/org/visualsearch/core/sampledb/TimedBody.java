package org.visualsearch.core.sampledb;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The response body as the HTTP client delivers it, handed to the downloading thread with a
 * time-out on every wait (a blocking {@code InputStream.read} would wait for ever on a
 * stalled server). One chunk is requested at a time, so a slow disk holds the sender back.
 */
final class TimedBody implements HttpResponse.BodySubscriber<TimedBody> {
    static final List<ByteBuffer> END = new ArrayList<>(0); // compared by identity

    private final BlockingQueue<Object> chunks = new LinkedBlockingQueue<>();
    private volatile Flow.Subscription subscription;
    private volatile boolean cancelled;

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        if (cancelled) {
            s.cancel();
        } else {
            s.request(1);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> item) {
        chunks.add(item);
    }

    @Override
    public void onError(Throwable t) {
        chunks.add(t);
    }

    @Override
    public void onComplete() {
        chunks.add(END);
    }

    @Override
    public CompletionStage<TimedBody> getBody() {
        return CompletableFuture.completedFuture(this);
    }

    /** The next chunk, {@link #END} after the last, or null when nothing came within {@code nanos}. */
    @SuppressWarnings("unchecked")
    List<ByteBuffer> poll(long nanos) throws IOException, InterruptedException {
        Object next = chunks.poll(nanos, TimeUnit.NANOSECONDS);
        if (next instanceof Throwable t) {
            throw t instanceof IOException io ? io : new IOException(t);
        }
        if (next != null && next != END) {
            Flow.Subscription s = subscription;
            if (s != null) {
                s.request(1);
            }
        }
        return (List<ByteBuffer>) next;
    }

    /** Stops the transfer and frees the connection. */
    void cancel() {
        cancelled = true;
        Flow.Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
    }
}
