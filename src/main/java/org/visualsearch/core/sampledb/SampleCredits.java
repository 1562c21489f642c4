package org.visualsearch.core.sampledb;

import java.util.List;
import java.util.Map;

/**
 * The sample photos' credits and licences as Markdown, generated from the manifest. The committed
 * {@code sample-db/CREDITS.md} is this text (a test keeps them equal), and {@code sample-db
 * credits} prints it.
 */
public final class SampleCredits {

    private SampleCredits() {
    }

    public static String markdown(SampleManifest manifest) {
        StringBuilder sb = new StringBuilder();
        sb.append("# Sample gallery: credits and licences\n\n")
                .append("The ").append(manifest.size()).append(" sample photos are not part of this repository. ")
                .append("Each is a file from a public GitHub repository, pinned to a commit; its licence is as ")
                .append("stated by that repository (\"origin not stated\" means the repository does not say where ")
                .append("the photo itself comes from). They are used here only as a small labelled gallery ")
                .append("for teaching and demonstrating image retrieval. Generated from `manifest.tsv`.\n");
        for (Map.Entry<String, List<SampleManifest.Entry>> category : manifest.byCategory().entrySet()) {
            sb.append("\n## ").append(category.getKey()).append("\n\n")
                    .append("| file | source | licence |\n|---|---|---|\n");
            for (SampleManifest.Entry e : category.getValue()) {
                sb.append("| ").append(cell(e.fileName())).append(" | ").append(cell(source(e)))
                        .append(" | ").append(cell(e.licence().isEmpty() ? "not stated" : e.licence())).append(" |\n");
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
