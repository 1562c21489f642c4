package org.visualsearch.ui.credits;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.Map;
import org.visualsearch.core.sampledb.PhotoCredit;
import org.visualsearch.core.sampledb.SampleCredits;
import org.visualsearch.core.sampledb.SampleManifest;

/** The content of the credits view: where the sample photos come from, their licences, the model notices. */
@FunctionalInterface
public interface CreditsSource {

    /**
     * One photo's credit: shown as a table row.
     *
     * @param author  who made it, or a note that the source names no one (never "unknown")
     * @param licence the licence(s) spelled out
     * @param source  the link to the photo's page at its pinned commit
     * @param details the licences' short names and links, and where the licence is stated (hover)
     */
    record Credit(String category, String file, String author, String licence, String source, String details) {
    }

    /** One licence of the summary: how many photos use it and where its text is. */
    record LicenceCount(String licence, String name, int photos, String link) {
    }

    /**
     * One tab of the credits view.
     *
     * @param text     free text (an introduction and summary, or a whole NOTICE file)
     * @param licences photos per licence, shown as the summary table; empty for plain text
     * @param credits  per-photo credits shown as a table under the text; empty for plain text
     */
    record Section(String title, String text, List<LicenceCount> licences, List<Credit> credits) {
        public Section {
            licences = List.copyOf(licences);
            credits = List.copyOf(credits);
        }

        public Section(String title, String text) {
            this(title, text, List.of(), List.of());
        }
    }

    String SUMMARY_TITLE = "Sample photos: licences";
    String PHOTOS_TITLE = "Sample photos: each photo";

    List<Section> sections();

    /** The sample photos' credits from the manifest bundled with the app, and the notices of the models under {@code models}. */
    static CreditsSource of(SampleManifest manifest, Path models) {
        return () -> {
            List<Section> sections = new ArrayList<>();
            sections.addAll(sampleSections(manifest));
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
                sections.addAll(sampleSections(manifest));
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

    /** The program's own licence and the notices libraries ask for (bundled from LICENSE and THIRD-PARTY.txt). */
    private static Section programSection() {
        return new Section("This program", PROGRAM_INTRO + "\n\n" + bundled("LICENSE") + "\n\n" + bundled("THIRD-PARTY.txt"));
    }

    private static String bundled(String name) {
        try (var in = CreditsSource.class.getResourceAsStream(name)) {
            return in == null ? "(the " + name + " file is missing from this build)"
                    : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "Cannot read the bundled " + name + ": " + e.getMessage();
        }
    }

    private static List<Section> sampleSections(SampleManifest manifest) {
        List<PhotoCredit> photos = SampleCredits.credits(manifest);
        List<Credit> credits = new ArrayList<>();
        for (PhotoCredit c : photos) {
            StringBuilder details = new StringBuilder();
            for (PhotoCredit.Licence l : c.licences()) {
                details.append(l.id()).append(": ").append(l.url()).append('\n');
            }
            if (!c.provenance().isEmpty()) {
                details.append("Stated in the source: ").append(c.provenance());
            }
            credits.add(new Credit(c.category(), c.file(), c.authorOrNote(), c.licenceNames(),
                    c.source().toString(), details.toString().strip()));
        }
        Map<String, PhotoCredit.Licence> used = SampleCredits.licencesUsed(photos);
        List<LicenceCount> licences = new ArrayList<>();
        for (Map.Entry<String, Integer> e : SampleCredits.photosPerLicence(photos).entrySet()) {
            List<PhotoCredit.Licence> parts = java.util.Arrays.stream(e.getKey().split(" or "))
                    .map(used::get).filter(java.util.Objects::nonNull).toList();
            licences.add(new LicenceCount(e.getKey(),
                    String.join(" or ", parts.stream().map(PhotoCredit.Licence::name).toList()), e.getValue(),
                    String.join("  ", parts.stream().map(l -> l.url().toString()).toList())));
        }
        String summary = SampleCredits.INTRO + "\n\nSharing the gallery (for example, handing it to a class):\n"
                + String.join("\n", SampleCredits.sharingRules(photos).stream().map(r -> "•  " + r).toList());
        return List.of(new Section(SUMMARY_TITLE, summary, licences, List.of()),
                new Section(PHOTOS_TITLE, "Each photo's author, licence and source. Hover over a licence for its "
                        + "links; select rows and press Ctrl+C (or right-click) to copy their credits.", List.of(), credits));
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
