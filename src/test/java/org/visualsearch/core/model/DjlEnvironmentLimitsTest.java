package org.visualsearch.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Thread counts and the first-start message, without starting an engine. */
class DjlEnvironmentLimitsTest {

    @Test
    void aHugeThreadCountIsClampedToTheCoresWithAWarning() {
        List<String> warnings = new ArrayList<>();
        assertThat(DjlEnvironment.threadCount("100000", 2, warnings::add)).isEqualTo(2);
        assertThat(warnings).singleElement().asString().contains("Using 2 threads, not 100000");
        warnings.clear();
        assertThat(DjlEnvironment.threadCount("2", 4, warnings::add)).isEqualTo(2);
        assertThat(DjlEnvironment.threadCount(null, 4, warnings::add)).isEqualTo(DjlEnvironment.DEFAULT_THREADS);
        assertThat(warnings).isEmpty();
        assertThat(DjlEnvironment.threadCount("lots", 4, warnings::add)).isEqualTo(DjlEnvironment.DEFAULT_THREADS);
        assertThat(warnings).singleElement().asString().contains("Ignoring invalid thread count 'lots'");
    }

    @Test
    void theNativesMessageNamesTheFolderTheSpaceAndVssCache() {
        Path dir = Path.of("cache", "djl");
        assertThat(DjlEnvironment.nativesHint(dir, dir, 10L * 1024 * 1024, true))
                .contains(dir.toString()).contains("about 450 MB").contains("only 10 MB are free").contains("VSS_CACHE");
        assertThat(DjlEnvironment.nativesHint(dir, Path.of("cache"), -1, false))
                .contains("; cache cannot be written").contains("VSS_CACHE").doesNotContain("Free some space");
    }
}
