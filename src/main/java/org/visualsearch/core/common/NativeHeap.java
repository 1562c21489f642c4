package org.visualsearch.core.common;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;

/**
 * Gives the memory that glibc's allocator keeps after a big native step back to the system
 * ({@code malloc_trim}). A big photo's decode (libjpeg, in JavaFX's loader) frees tens of
 * megabytes at its end, and glibc keeps them in that thread's arena for later; with one arena per
 * indexing thread, two such photos decoded on two threads left both arenas full, about 20 MiB of
 * the sample gallery's peak. Trimming after each big decode ({@link MemoryBudget}) costs a few
 * milliseconds a time. Linux with glibc only; {@code -Dvss.mallocTrim=false} turns it off.
 */
public final class NativeHeap {
    private static final Function TRIM = lookUp();

    private NativeHeap() {
    }

    /** Hands free memory back to the system now; false where there is no glibc to ask. */
    public static boolean release() {
        if (TRIM == null) {
            return false;
        }
        TRIM.invokeInt(new Object[] {0L});
        return true;
    }

    private static Function lookUp() {
        if (!System.getProperty("os.name", "").startsWith("Linux")
                || !Boolean.parseBoolean(System.getProperty("vss.mallocTrim", "true"))) {
            return null;
        }
        try {
            NativeLibrary libc = NativeLibrary.getInstance("c");
            libc.getFunction("gnu_get_libc_version"); // glibc, not musl
            return libc.getFunction("malloc_trim");
        } catch (RuntimeException | LinkageError e) {
            return null;
        }
    }
}
