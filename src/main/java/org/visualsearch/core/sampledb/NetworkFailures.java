package org.visualsearch.core.sampledb;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import org.visualsearch.core.common.ErrorText;

/** What a download's network failure means: whether to skip the host, and one line a user can act on. */
final class NetworkFailures {

    private NetworkFailures() {
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

    /** True when the failure is a time-out (connecting, or waiting for the response). */
    static boolean isTimeout(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof HttpTimeoutException) {
                return true;
            }
        }
        return false;
    }

    static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    /** One-line human reason for a network exception. */
    static String describe(Throwable ex, SampleDownloader.Timeouts timeouts) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof UnresolvedAddressException || t instanceof UnknownHostException) {
                return "no network connection (cannot resolve the host name)";
            }
            if (t instanceof NoRouteToHostException) {
                return "no network connection (no route to host)";
            }
            if (t instanceof HttpConnectTimeoutException) {
                return "connecting timed out after " + seconds(timeouts.connect())
                        + " (no network connection, or the host is down)";
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
                return "the server did not answer within " + seconds(timeouts.response());
            }
        }
        return ErrorText.withType(ex);
    }
}
