package org.visualsearch.core.common;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 as the app uses it everywhere: photo content hashes (the key of vectors and
 * thumbnails), sample-gallery checks and model ids. Digests are lower-case hex.
 */
public final class Sha256 {
    private static final int BUFFER_SIZE = 64 * 1024;

    private Sha256() {
    }

    /** A fresh digest, for callers that hash while doing something else with the bytes. */
    public static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }

    /** Lower-case hex of the digest (which is then reset). */
    public static String hex(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Feeds a file's bytes to {@code digest}. */
    public static void update(MessageDigest digest, Path file) throws IOException {
        byte[] buffer = new byte[BUFFER_SIZE];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
        }
    }

    /** Lower-case hex SHA-256 of a file's bytes: libcrypto's where there is one ({@link NativeSha256}), else the JDK's. */
    public static String of(Path file) throws IOException {
        return of(file, new byte[0]);
    }

    /**
     * Lower-case hex SHA-256 of a file's bytes followed by {@code suffix} (a model id hashes its
     * file and its settings), libcrypto's where there is one.
     */
    public static String of(Path file, byte[] suffix) throws IOException {
        if (NativeSha256.available()) {
            return NativeSha256.of(file, suffix);
        }
        MessageDigest digest = newDigest();
        update(digest, file);
        digest.update(suffix);
        return hex(digest);
    }

    /** Lower-case hex SHA-256 of some bytes. */
    public static String of(byte[] bytes) {
        MessageDigest digest = newDigest();
        digest.update(bytes);
        return hex(digest);
    }
}
