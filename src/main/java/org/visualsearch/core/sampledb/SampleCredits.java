package org.visualsearch.core.sampledb;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.visualsearch.core.sampledb.PhotoCredit.Kind;
import org.visualsearch.core.sampledb.PhotoCredit.Licence;

/**
 * The sample photos' credits: a summary (photos per licence, what sharing the gallery asks), then
 * per photo its author, licence and source. {@link #markdown} is the committed
 * {@code sample-db/CREDITS.md} (a test keeps them equal) and what {@code sample-db credits}
 * prints; the credits window shows the same facts from {@link #credits} and {@link #summaryLines}.
 */
public final class SampleCredits {

    public static final String INTRO = "The sample photos are not part of this program: each is a file from a "
            + "public GitHub repository, pinned to a commit, under the licence that repository states. They serve "
            + "as a small labelled gallery for teaching and demonstrating image retrieval.";

    private SampleCredits() {
    }

    /** Every photo's credit, in manifest order. */
    public static List<PhotoCredit> credits(SampleManifest manifest) {
        return manifest.entries().stream().map(PhotoCredit::of).toList();
    }

    /** Photos per licence (a choice of licences counts as its own line), most photos first. */
    public static Map<String, Integer> photosPerLicence(List<PhotoCredit> credits) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (PhotoCredit c : credits) {
            counts.merge(c.licenceIds(), 1, Integer::sum);
        }
        Map<String, Integer> sorted = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    /** Photos per condition of sharing (with a choice of licences, the easiest one). */
    public static Map<Kind, Integer> photosPerObligation(List<PhotoCredit> credits) {
        Map<Kind, Integer> counts = new EnumMap<>(Kind.class);
        for (PhotoCredit c : credits) {
            counts.merge(c.obligation(), 1, Integer::sum);
        }
        return counts;
    }

    /** What sharing the gallery asks, one plain-text line per condition that applies to some photo. */
    public static List<String> sharingRules(List<PhotoCredit> credits) {
        Map<Kind, Integer> n = photosPerObligation(credits);
        List<String> lines = new ArrayList<>();
        add(lines, n, Kind.ATTRIBUTION, "under CC BY (Attribution): credit the author, name the licence with a link "
                + "to it, link the source, and say if you changed the photo.");
        add(lines, n, Kind.SHARE_ALIKE, "under CC BY-SA (Attribution-ShareAlike), the GFDL or the Free Art License: "
                + "credit them the same way, and share anything you make from them (an edited photo, a collage) "
                + "under the same licence.");
        add(lines, n, Kind.NOTICE, "under MIT, Apache 2.0 or OSL/AFL 3.0: keep the repository's copyright and "
                + "licence notice with the photos.");
        add(lines, n, Kind.PLATFORM, "under the Unsplash, Pexels or Pixabay licence: free to use and share; "
                + "crediting is appreciated; do not sell them unaltered.");
        add(lines, n, Kind.PUBLIC_DOMAIN, "under CC0 or in the public domain: no conditions.");
        return lines;
    }

    private static void add(List<String> lines, Map<Kind, Integer> counts, Kind kind, String rule) {
        Integer count = counts.get(kind);
        if (count != null) {
            lines.add(count + (count == 1 ? " photo " : " photos ") + rule);
        }
    }

    /** Every distinct licence used, by short name, for linking its text. */
    public static Map<String, Licence> licencesUsed(List<PhotoCredit> credits) {
        Map<String, Licence> used = new LinkedHashMap<>();
        credits.stream().flatMap(c -> c.licences().stream())
                .sorted(java.util.Comparator.comparing(Licence::id))
                .forEach(l -> used.putIfAbsent(l.id(), l));
        return used;
    }

    public static String markdown(SampleManifest manifest) {
        List<PhotoCredit> credits = credits(manifest);
        Map<String, Licence> licences = licencesUsed(credits);
        StringBuilder sb = new StringBuilder();
        sb.append("# Sample gallery: credits and licences\n\n")
                .append("The ").append(manifest.size()).append(" sample photos are not part of this repository. ")
                .append("Each is a file from a public GitHub repository, pinned to a commit, under the licence ")
                .append("that repository states. They serve as a small labelled gallery for teaching and ")
                .append("demonstrating image retrieval. Generated from `manifest.tsv` ")
                .append("(`java -jar target/visual-search.jar sample-db credits` prints the same).\n\n")
                .append("## Summary\n\n| licence | photos |\n|---|---|\n");
        for (Map.Entry<String, Integer> e : photosPerLicence(credits).entrySet()) {
            sb.append("| ").append(cell(e.getKey())).append(" | ").append(e.getValue()).append(" |\n");
        }
        sb.append("\nSharing the gallery (for example, handing it to a class):\n\n");
        for (String rule : sharingRules(credits)) {
            sb.append("- ").append(rule).append('\n');
        }
        sb.append("\nThe licences' texts (linked, not copied):\n\n");
        for (Licence l : licences.values()) {
            sb.append("- ").append(l.id()).append(": [").append(l.name()).append("](").append(l.url()).append(")\n");
        }
        for (Map.Entry<String, List<SampleManifest.Entry>> category : manifest.byCategory().entrySet()) {
            sb.append("\n## ").append(category.getKey()).append("\n\n")
                    .append("| photo | author | licence | source | where the licence is stated |\n|---|---|---|---|---|\n");
            for (SampleManifest.Entry entry : category.getValue()) {
                PhotoCredit c = PhotoCredit.of(entry);
                sb.append("| ").append(cell(c.file()))
                        .append(" | ").append(cell(c.authorOrNote()))
                        .append(" | ").append(cell(c.licenceNames()))
                        .append(" | [").append(cell(source(entry))).append("](").append(c.source()).append(")")
                        .append(" | ").append(cell(c.provenance())).append(" |\n");
            }
        }
        return sb.toString();
    }

    /** {@code owner/repo@commit7:path}, or the download URL when the manifest lacks the repository. */
    public static String source(SampleManifest.Entry e) {
        if (e.sourceRepo().isEmpty()) {
            return e.url().toString();
        }
        String commit = e.commit().length() > 7 ? e.commit().substring(0, 7) : e.commit();
        return e.sourceRepo() + (commit.isEmpty() ? "" : "@" + commit) + (e.sourcePath().isEmpty() ? "" : ":" + e.sourcePath());
    }

    private static String cell(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }
}
