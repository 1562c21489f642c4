package org.visualsearch.ui.credits;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The texts of the credits view: where the sample photos come from, their licences, the model notices. */
@FunctionalInterface
public interface CreditsSource {

    /** One tab of the credits view. */
    record Section(String title, String text) {
    }

    List<Section> sections();

    /**
     * Reads {@code sample-db/CREDITS.md} and every {@code models/<name>/NOTICE} under {@code root};
     * missing files become a sentence saying what is missing, so the view is never blank.
     */
    static CreditsSource fromFolder(Path root) {
        Path credits = root.resolve("sample-db").resolve("CREDITS.md");
        return of(credits, "The sample gallery's credits are not here yet.\nThey appear once the sample gallery is in place ("
                + credits + ").", root.resolve("models"));
    }

    /**
     * The sample photos' credits from {@code sampleCredits} ({@code fallback} when it cannot be
     * read) and the {@code NOTICE} of every model folder under {@code models}.
     */
    static CreditsSource of(Path sampleCredits, String fallback, Path models) {
        return () -> {
            List<Section> sections = new ArrayList<>();
            sections.add(new Section("Sample photos", readOr(sampleCredits, fallback)));
            List<Path> notices = new ArrayList<>();
            if (Files.isDirectory(models)) {
                try (Stream<Path> dirs = Files.list(models)) {
                    dirs.map(d -> d.resolve("NOTICE")).filter(Files::isRegularFile).sorted().forEach(notices::add);
                } catch (IOException e) {
                    sections.add(new Section("Models", "Cannot list " + models + ": " + e.getMessage()));
                }
            }
            if (notices.isEmpty()) {
                sections.add(new Section("Models", "No model notice found under " + models + ".\n"
                        + "The colour-histogram baseline is part of this program and needs none."));
            }
            for (Path notice : notices) {
                sections.add(new Section("Model: " + notice.getParent().getFileName(), readOr(notice, "")));
            }
            return sections;
        };
    }

    static CreditsSource fromWorkingDirectory() {
        return fromFolder(Path.of("").toAbsolutePath());
    }

    private static String readOr(Path file, String fallback) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return fallback;
        }
    }
}
