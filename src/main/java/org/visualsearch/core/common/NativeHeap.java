package org.visualsearch.core.common;

import com.sun.jna.Function;

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
        return Boolean.parseBoolean(System.getProperty("vss.mallocTrim", "true")) ? Glibc.function("malloc_trim") : null;
    }
}
