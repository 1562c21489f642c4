package org.visualsearch.core;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the app finds what it ships and what it downloads, whether it runs from a source
 * checkout ({@code java -jar target/visual-search.jar} in the project folder) or from an
 * installed app image (working directory anywhere, {@code models/} beside the jar).
 *
 * <ul>
 *   <li>models folder: {@code VSS_MODELS}, else {@code ./models}, else {@code models/} beside
 *       the jar or one level up (the jar sits in {@code target/} when built from source);</li>
 *   <li>sample gallery folder: {@code ./sample-db} when it holds the manifest (a checkout),
 *       else {@code sample-db} in the data folder.</li>
 * </ul>
 */
public final class DefaultLocations {

    private final Map<String, String> env;
    private final Path workingDir;
    private final Optional<Path> jarDir;
    private final AppDirectories appDirectories;

    DefaultLocations(Map<String, String> env, Path workingDir, Optional<Path> jarDir, AppDirectories appDirectories) {
        this.env = env;
        this.workingDir = workingDir;
        this.jarDir = jarDir;
        this.appDirectories = appDirectories;
    }

    /** The locations for this process. */
    public static DefaultLocations current() {
        return new DefaultLocations(System.getenv(), Path.of("").toAbsolutePath(), codeLocation(),
                AppDirectories.current());
    }

    /** For tests: the locations a given environment and layout would give. */
    public static DefaultLocations of(Map<String, String> env, Path workingDir, Path jarDir, AppDirectories dirs) {
        return new DefaultLocations(Map.copyOf(env), workingDir, Optional.ofNullable(jarDir), dirs);
    }

    public Path modelsDir() {
        String override = env.get("VSS_MODELS");
        if (override != null && !override.isBlank()) {
            return Path.of(override).toAbsolutePath();
        }
        List<Path> candidates = new ArrayList<>();
        candidates.add(workingDir.resolve("models"));
        jarDir.ifPresent(dir -> {
            candidates.add(dir.resolve("models"));
            if (dir.getParent() != null) {
                candidates.add(dir.getParent().resolve("models"));
            }
        });
        return candidates.stream().filter(Files::isDirectory).findFirst().orElse(candidates.get(0));
    }

    public Path sampleGalleryDir() {
        Path local = workingDir.resolve("sample-db");
        if (Files.exists(local.resolve("manifest.tsv"))) {
            return local;
        }
        return appDirectories.dataDir().resolve("sample-db");
    }

    public Path dataDir() {
        return appDirectories.dataDir();
    }

    /** The user's own models folder, in the data folder: trained heads saved from the window go there. */
    public Path userModelsDir() {
        return dataDir().resolve(USER_MODELS);
    }

    /** Name of the user's models folder inside the data folder. */
    public static final String USER_MODELS = "models";

    private static Optional<Path> codeLocation() {
        try {
            Path code = Path.of(DefaultLocations.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Optional.ofNullable(Files.isDirectory(code) ? code : code.getParent());
        } catch (URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
