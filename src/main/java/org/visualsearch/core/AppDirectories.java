package org.visualsearch.core;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * The per-user folders of the application.
 *
 * <ul>
 *   <li>{@link #dataDir()}: settings, the gallery database, anything the user would back up.
 *       Env {@code VSS_DATA} when set; otherwise Linux {@code $XDG_DATA_HOME/visual-search}
 *       (default {@code ~/.local/share/visual-search}), macOS
 *       {@code ~/Library/Application Support/Visual Search Simulator}, Windows
 *       {@code %APPDATA%\Visual Search Simulator}.</li>
 *   <li>{@link #cacheDir()}: things that can be rebuilt, such as the ~430 MB of libtorch that DJL
 *       unpacks on first use ({@link #djlCacheDir()}). Env {@code VSS_CACHE} when set; otherwise
 *       Linux {@code $XDG_CACHE_HOME/visual-search} (default {@code ~/.cache/visual-search}),
 *       macOS {@code ~/Library/Caches/Visual Search Simulator}, Windows
 *       {@code %LOCALAPPDATA%\Visual Search Simulator\Cache}.</li>
 * </ul>
 *
 * <p>Nothing here creates the folders; callers create what they write into. Pure functions of the
 * environment, so tests can pass their own map.
 */
public final class AppDirectories {

    /** Folder name on Linux (lower case, no spaces, as XDG folders usually are). */
    public static final String LINUX_NAME = "visual-search";
    /** Folder name on macOS and Windows. */
    public static final String DISPLAY_NAME = "Visual Search Simulator";

    private final Map<String, String> env;
    private final String osName;
    private final Path home;

    AppDirectories(Map<String, String> env, String osName, Path home) {
        this.env = env;
        this.osName = osName.toLowerCase(Locale.ROOT);
        this.home = home;
    }

    /** The folders of the current user on the current OS. */
    public static AppDirectories current() {
        return new AppDirectories(System.getenv(), System.getProperty("os.name", ""),
                Path.of(System.getProperty("user.home", ".")));
    }

    /** For tests and tools: the folders that a given environment would give. */
    public static AppDirectories of(Map<String, String> env, String osName, Path home) {
        return new AppDirectories(Map.copyOf(env), osName, home);
    }

    public Path dataDir() {
        String override = get("VSS_DATA");
        if (override != null) {
            return Path.of(override).toAbsolutePath();
        }
        if (isWindows()) {
            String appData = get("APPDATA");
            Path base = appData != null ? Path.of(appData) : home.resolve("AppData").resolve("Roaming");
            return base.resolve(DISPLAY_NAME);
        }
        if (isMac()) {
            return home.resolve("Library").resolve("Application Support").resolve(DISPLAY_NAME);
        }
        String xdg = get("XDG_DATA_HOME");
        Path base = xdg != null && Path.of(xdg).isAbsolute() ? Path.of(xdg) : home.resolve(".local").resolve("share");
        return base.resolve(LINUX_NAME);
    }

    public Path cacheDir() {
        String override = get("VSS_CACHE");
        if (override != null) {
            return Path.of(override).toAbsolutePath();
        }
        if (isWindows()) {
            String local = get("LOCALAPPDATA");
            Path base = local != null ? Path.of(local) : home.resolve("AppData").resolve("Local");
            return base.resolve(DISPLAY_NAME).resolve("Cache");
        }
        if (isMac()) {
            return home.resolve("Library").resolve("Caches").resolve(DISPLAY_NAME);
        }
        String xdg = get("XDG_CACHE_HOME");
        Path base = xdg != null && Path.of(xdg).isAbsolute() ? Path.of(xdg) : home.resolve(".cache");
        return base.resolve(LINUX_NAME);
    }

    /** Where DJL unpacks libtorch and keeps its own files: {@code cacheDir()/djl}. */
    public Path djlCacheDir() {
        return cacheDir().resolve("djl");
    }

    private boolean isWindows() {
        return osName.startsWith("windows");
    }

    private boolean isMac() {
        return osName.startsWith("mac") || osName.startsWith("darwin");
    }

    /** An environment value, or null when unset or blank. */
    private String get(String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }
}
