package org.visualsearch.ui.credits;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.visualsearch.core.sampledb.SampleCredits;
import org.visualsearch.core.sampledb.SampleManifest;

/** The content of the credits view: where the sample photos come from, their licences, the model notices. */
@FunctionalInterface
public interface CreditsSource {

    /** One photo's credit line: shown as a table row. */
    record Credit(String category, String file, String source, String licence) {
    }

    /**
     * One tab of the credits view.
     *
     * @param text    free text (an introduction, or a whole NOTICE file)
     * @param credits per-photo credits shown as a table under the text; empty for plain text
     */
    record Section(String title, String text, List<Credit> credits) {
        public Section {
            credits = List.copyOf(credits);
        }

        public Section(String title, String text) {
            this(title, text, List.of());
        }
    }

    String SAMPLE_INTRO = "The sample photos are not part of this program: each is a file from a public "
            + "repository, pinned to a commit, under the licence that repository states (\"origin not stated\" "
            + "means it does not say where the photo itself comes from). They serve only as a small labelled "
            + "gallery for teaching and demonstrating image retrieval.";

    List<Section> sections();

    /** The sample photos' credits from the manifest bundled with the app, and the notices of the models under {@code models}. */
    static CreditsSource of(SampleManifest manifest, Path models) {
        return () -> {
            List<Section> sections = new ArrayList<>();
            sections.add(sampleSection(manifest));
            sections.addAll(modelSections(models));
            sections.add(programSection());
            return sections;
        };
    }

    /** Credits for a folder laid out like the project: {@code sample-db/manifest.tsv} (else the bundled one) and {@code models/}. */
    static CreditsSource fromFolder(Path root) {
        Path manifestFile = root.resolve("sample-db").resolve("manifest.tsv");
        return () -> {
            List<Section> sections = new ArrayList<>();
            try {
                SampleManifest manifest = Files.isRegularFile(manifestFile)
                        ? SampleManifest.load(manifestFile) : SampleManifest.bundled();
                sections.add(sampleSection(manifest));
            } catch (IOException | RuntimeException e) {
                sections.add(new Section("Sample photos", "Cannot read the sample gallery's manifest "
                        + manifestFile + ": " + e.getMessage()));
            }
            sections.addAll(modelSections(root.resolve("models")));
            sections.add(programSection());
            return sections;
        };
    }

    static CreditsSource fromWorkingDirectory() {
        return fromFolder(Path.of("").toAbsolutePath());
    }

    String PROGRAM_INTRO = "Visual Search Simulator is free software under the Apache License, Version 2.0 "
            + "(the LICENSE file, below). The libraries it uses keep their own licences (Apache-2.0, MIT, BSD, "
            + "EPL and the like; none is GPL); the models' notices are in their own tabs.";

    /** The program's own licence (bundled from the LICENSE file at the project root). */
    private static Section programSection() {
        String licence;
        try (var in = CreditsSource.class.getResourceAsStream("LICENSE")) {
            licence = in == null ? "(the LICENSE file is missing from this build)"
                    : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            licence = "Cannot read the bundled LICENSE: " + e.getMessage();
        }
        return new Section("This program", PROGRAM_INTRO + "\n\n" + licence);
    }

    private static Section sampleSection(SampleManifest manifest) {
        List<Credit> credits = new ArrayList<>();
        for (SampleManifest.Entry e : manifest.entries()) {
            credits.add(new Credit(e.category(), e.fileName(), SampleCredits.source(e), e.licence()));
        }
        return new Section("Sample photos", SAMPLE_INTRO, credits);
    }

    private static List<Section> modelSections(Path models) {
        List<Section> sections = new ArrayList<>();
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
            String text;
            try {
                text = Files.readString(notice, StandardCharsets.UTF_8);
            } catch (IOException e) {
                text = "Cannot read " + notice + ": " + e.getMessage();
            }
            sections.add(new Section("Model: " + notice.getParent().getFileName(), text));
        }
        return sections;
    }
}
