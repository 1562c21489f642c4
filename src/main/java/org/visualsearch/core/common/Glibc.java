package org.visualsearch.core.common;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;

/** The C library's functions through JNA, for the few calls the JDK has no API for; glibc on Linux only. */
public final class Glibc {

    private Glibc() {
    }

    /** glibc's function of this name, or null on another system or C library (musl), or when it is missing. */
    public static Function function(String name) {
        if (!System.getProperty("os.name", "").startsWith("Linux")) {
            return null;
        }
        try {
            NativeLibrary libc = NativeLibrary.getInstance("c");
            libc.getFunction("gnu_get_libc_version"); // glibc, not musl
            return libc.getFunction(name);
        } catch (RuntimeException | LinkageError e) {
            return null;
        }
    }
}
