package org.visualsearch.core.model;

import com.sun.jna.Function;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ends a finished command-line run. Once libtorch is loaded, the C library's {@code exit} runs its
 * static destructors, which deregister every operator kernel one by one: 76 ms of a 4.2 s {@code
 * index} run, measured with perf, for memory the kernel frees anyway. So on Linux with glibc, when
 * libtorch is in the process and the JVM was not asked to do anything at exit (a class-data
 * archive to write, a flight recording, an agent, exit logging), this does what the JVM's exit
 * would still do for the app (flush the standard streams; remove the JVM's performance-data file
 * and sqlite-jdbc's unpacked library, the only files left for deletion at exit) and then ends the
 * process with {@code _exit}. Otherwise, and whenever anything here fails, it is {@link
 * System#exit}. The caller must have closed everything of its own first; shutdown hooks do not run.
 */
public final class ProcessExit {
    /** JVM options and agents that do work when the JVM exits. */
    private static final List<String> EXIT_WORK = List.of(
            "ArchiveClassesAtExit", "DumpLoadedClassList", "FlightRecord", "-Xlog", "-agent", "-javaagent", "-Xrun",
            "NativeMemoryTracking", "PrintCompilation", "jacoco");
    private static final Pattern SQLITE_LIBRARY = Pattern.compile("\\s(/\\S*/sqlite-[^/\\s]+-libsqlitejdbc\\.[a-z]+)$");

    private ProcessExit() {
    }

    public static void exit(int status) {
        if (Boolean.parseBoolean(System.getProperty("vss.quickExit", "true"))) {
            try {
                String maps = Files.readString(Path.of("/proc/self/maps"), StandardCharsets.ISO_8859_1);
                if (maps.contains("libtorch_cpu") && noExitWorkRequested()) {
                    Function quickExit = org.visualsearch.core.common.Glibc.function("_exit");
                    if (quickExit != null) {
                        for (Path file : leftAtExit(maps)) {
                            Files.deleteIfExists(file);
                        }
                        org.visualsearch.core.common.StartupTrace.mark("exit without libtorch's destructors, pid " + ProcessHandle.current().pid());
                        System.out.flush();
                        System.err.flush();
                        quickExit.invokeVoid(new Object[] {status});
                    }
                }
            } catch (IOException | RuntimeException | LinkageError e) {
                // fall through to the JVM's own exit
            }
        }
        System.exit(status);
    }

    private static boolean noExitWorkRequested() throws IOException {
        String command = Files.readString(Path.of("/proc/self/cmdline"), StandardCharsets.UTF_8);
        String options = command + " " + System.getenv().getOrDefault("JAVA_TOOL_OPTIONS", "")
                + " " + System.getenv().getOrDefault("JDK_JAVA_OPTIONS", "");
        return exitWorkIn(options) == null;
    }

    /** The first option in {@code options} that does work at exit, or null. */
    static String exitWorkIn(String options) {
        for (String work : EXIT_WORK) {
            if (options.contains(work)) {
                return work;
            }
        }
        return null;
    }

    /** The files a JVM exit would delete: its performance-data file and sqlite-jdbc's unpacked library and lock. */
    static List<Path> leftAtExit(String maps) {
        List<Path> files = new ArrayList<>();
        for (String line : maps.split("\n")) {
            Matcher m = SQLITE_LIBRARY.matcher(line);
            if (m.find()) {
                Path library = Path.of(m.group(1));
                if (!files.contains(library)) {
                    files.add(library);
                    files.add(Path.of(m.group(1) + ".lck"));
                }
            }
        }
        // HotSpot on Linux keeps it in /tmp whatever java.io.tmpdir says
        files.add(Path.of("/tmp", "hsperfdata_" + System.getProperty("user.name"),
                Long.toString(ProcessHandle.current().pid())));
        return files;
    }
}
