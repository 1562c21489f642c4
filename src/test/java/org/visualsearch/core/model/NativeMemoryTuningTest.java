package org.visualsearch.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class NativeMemoryTuningTest {
    @Test
    void glibcTakesAllThreeSettingsUnlessTheEnvironmentSetsThem() {
        assumeTrue(System.getProperty("os.name").startsWith("Linux"));
        assumeTrue(System.getenv("GLIBC_TUNABLES") == null || !System.getenv("GLIBC_TUNABLES").contains("malloc"));
        Map<String, Integer> applied = NativeMemoryTuning.apply();
        // mallopt returns 1 only for a setting it accepted
        if (System.getenv("MALLOC_ARENA_MAX") == null) {
            assertThat(applied).containsEntry("MALLOC_ARENA_MAX", NativeMemoryTuning.ARENAS);
        }
        if (System.getenv("MALLOC_MMAP_THRESHOLD_") == null) {
            assertThat(applied).containsEntry("MALLOC_MMAP_THRESHOLD_", NativeMemoryTuning.MMAP_THRESHOLD_MIB << 20);
        }
        if (System.getenv("MALLOC_TRIM_THRESHOLD_") == null) {
            assertThat(applied).containsEntry("MALLOC_TRIM_THRESHOLD_", NativeMemoryTuning.TRIM_THRESHOLD_MIB << 20);
        }
        for (String set : new String[] {"MALLOC_ARENA_MAX", "MALLOC_MMAP_THRESHOLD_", "MALLOC_TRIM_THRESHOLD_"}) {
            if (System.getenv(set) != null) {
                assertThat(applied).doesNotContainKey(set);
            }
        }
    }
}
