package org.visualsearch.core.sampledb;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SampleCreditsTest {

    @Test
    void everyPhotoIsCreditedWithSourceAndLicence() {
        SampleManifest m = SampleManifest.bundled();
        String md = SampleCredits.markdown(m);
        for (SampleManifest.Entry e : m.entries()) {
            assertThat(md).contains("| " + e.fileName() + " | " + SampleCredits.source(e) + " | ");
        }
        assertThat(md).contains("| dog-01.jpg | apple/ml-gbc@b66c03c:data/images/wiki/corgi.jpg | CC0-1.0");
    }

    @Test
    void committedCreditsFileIsUpToDate() throws Exception {
        // Regenerate with: java -jar target/visual-search.jar sample-db credits > sample-db/CREDITS.md
        Path committed = Path.of("sample-db", "CREDITS.md");
        assertThat(Files.readString(committed, StandardCharsets.UTF_8))
                .isEqualTo(SampleCredits.markdown(SampleManifest.bundled()));
    }
}
