package org.visualsearch.core.common;

import com.sun.jna.Function;
import com.sun.jna.Memory;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HexFormat;

/**
 * SHA-256 of a file through OpenSSL's libcrypto (EVP API, OpenSSL 1.1 and 3), which the JVM's
 * quick compiler cannot match: the JDK's own SHA-256 runs at full speed only once C2 has compiled
 * it with its SHA intrinsic, and {@code index} runs with C1 alone (bin/visual-search). Measured
 * over the 42 MB of the sample gallery: 270 ms with the JDK under C1, 40 ms under C2, 35 ms in
 * libcrypto. Linux only (macOS's unversioned libcrypto aborts the process that loads it); where
 * libcrypto or JNA's native part is missing, {@link #available()} is false and {@link Sha256}
 * uses the JDK.
 */
final class NativeSha256 {
    private static final int CHUNK = 256 * 1024;
    private static final Api API = Api.load();

    private NativeSha256() {
    }

    static boolean available() {
        return API != null;
    }

    /** Lower-case hex SHA-256 of the file's bytes followed by {@code suffix}; only when {@link #available()}. */
    static String of(Path file, byte[] suffix) throws IOException {
        Api api = API;
        if (api == null) {
            throw new IllegalStateException("libcrypto is not available");
        }
        Pointer context = (Pointer) api.newContext.invoke(Pointer.class, new Object[0]);
        if (context == null) {
            throw new IOException("libcrypto could not allocate a digest context");
        }
        try (Memory buffer = new Memory(CHUNK); FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            api.check(api.init.invokeInt(new Object[] {context, api.sha256, null}), "EVP_DigestInit_ex");
            ByteBuffer view = buffer.getByteBuffer(0, CHUNK);
            int n;
            while ((n = channel.read(view.clear())) >= 0) {
                if (n > 0) {
                    api.check(api.update.invokeInt(new Object[] {context, buffer, (long) n}), "EVP_DigestUpdate");
                }
            }
            if (suffix.length > 0) {
                api.check(api.update.invokeInt(new Object[] {context, suffix, (long) suffix.length}), "EVP_DigestUpdate");
            }
            api.check(api.fin.invokeInt(new Object[] {context, buffer, null}), "EVP_DigestFinal_ex");
            return HexFormat.of().formatHex(buffer.getByteArray(0, 32));
        } finally {
            api.freeContext.invokeVoid(new Object[] {context});
        }
    }

    /** The six libcrypto functions used, looked up once. */
    private record Api(Function newContext, Function freeContext, Pointer sha256, Function init, Function update,
                       Function fin) {

        static Api load() {
            if (!System.getProperty("os.name", "").startsWith("Linux") || Boolean.getBoolean("vss.jdkSha256")) {
                return null;
            }
            for (String name : new String[] {"libcrypto.so.3", "libcrypto.so.1.1"}) {
                try {
                    NativeLibrary lib = NativeLibrary.getInstance(name);
                    Pointer sha256 = (Pointer) lib.getFunction("EVP_sha256").invoke(Pointer.class, new Object[0]);
                    if (sha256 == null) {
                        continue;
                    }
                    return new Api(lib.getFunction("EVP_MD_CTX_new"), lib.getFunction("EVP_MD_CTX_free"), sha256,
                            lib.getFunction("EVP_DigestInit_ex"), lib.getFunction("EVP_DigestUpdate"),
                            lib.getFunction("EVP_DigestFinal_ex"));
                } catch (RuntimeException | LinkageError e) {
                    // not this one: try the next, else the JDK's digest
                }
            }
            return null;
        }

        void check(int result, String call) throws IOException {
            if (result != 1) {
                throw new IOException("libcrypto " + call + " failed");
            }
        }
    }
}
