package org.visualsearch.core.sampledb;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.visualsearch.core.sampledb.SampleStatus.State;

class SampleStatusTest {

    @TempDir
    Path tmp;

    @Test
    void classifiesPresentMissingAndCorrupt() throws Exception {
        TestPhotos photos = TestPhotos.small();
        SampleManifest manifest = photos.manifest("https://example.invalid/");
        photos.writeTo(tmp);
        Files.delete(tmp.resolve("cat/cat-02.jpg"));
        byte[] flipped = photos.files.get("cup/cup-01.jpg").clone();
        flipped[0] ^= 1;
        Files.write(tmp.resolve("cup/cup-01.jpg"), flipped);

        SampleStatus status = SampleStatus.check(manifest, tmp);

        assertThat(status.count(State.PRESENT)).isEqualTo(1);
        assertThat(status.inState(State.MISSING)).extracting(f -> f.entry().file()).containsExactly("cat/cat-02.jpg");
        assertThat(status.inState(State.CORRUPT)).singleElement().satisfies(f -> {
            assertThat(f.entry().file()).isEqualTo("cup/cup-01.jpg");
            assertThat(f.detail()).startsWith("sha256 mismatch");
        });
        assertThat(status.complete()).isFalse();

        Files.write(tmp.resolve("cup/cup-01.jpg"), new byte[5]);
        assertThat(SampleStatus.check(manifest, tmp).inState(State.CORRUPT).get(0).detail())
                .isEqualTo("size 5 bytes, expected 70001");
    }

    @Test
    void emptyFolderHasEverythingMissing() {
        SampleStatus status = SampleStatus.check(TestPhotos.small().manifest("https://e.invalid/"), tmp.resolve("none"));
        assertThat(status.count(State.MISSING)).isEqualTo(3);
    }
}
