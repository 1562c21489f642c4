package org.visualsearch;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Child processes for tests that must run code in another JVM (kills, no network, fewer rights). */
public final class ChildJvm {
    private ChildJvm() {
    }

    /** {@code java OPTIONS -cp <the tests' class path> MAIN}; append the program's arguments. */
    public static List<String> command(Class<?> main, String... jvmOptions) {
        // Surefire runs tests from a manifest-only jar; its property holds the real class path.
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-cp", classPath, main.getName()));
        return command;
    }

    /** Whether {@code command} runs and exits 0 within 20 s (its output is discarded). */
    public static boolean succeeds(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
