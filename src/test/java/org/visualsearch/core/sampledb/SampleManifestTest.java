package org.visualsearch.core.sampledb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SampleManifestTest {

    private static final String HEADER = "file\tcategory\tsha256\tbytes\traw_url\n";
    private static final String HASH = "4ee9ac9455c6760c0629d58a762c590212d69f8b05b40e2b111dd9fae368e0ff";

    @Test
    void bundledManifestHasTheHundredSamplePhotos() {
        SampleManifest m = SampleManifest.bundled();
        assertThat(m.size()).isEqualTo(100);
        assertThat(m.byCategory()).containsOnlyKeys("dog", "vehicle", "food", "landmark", "clothes");
        assertThat(m.byCategory().values()).allSatisfy(list -> assertThat(list).hasSize(20));
        SampleManifest.Entry first = m.entries().get(0);
        assertThat(first.file()).isEqualTo("dog/dog-01.jpg");
        assertThat(first.fileName()).isEqualTo("dog-01.jpg");
        assertThat(first.sha256()).isEqualTo(HASH);
        assertThat(first.bytes()).isEqualTo(144182);
        assertThat(first.url().getHost()).isEqualTo("raw.githubusercontent.com");
        assertThat(first.sourceRepo()).isEqualTo("apple/ml-gbc");
        assertThat(first.licence()).startsWith("CC0-1.0");
        assertThat(first.resolveIn(Path.of("g"))).isEqualTo(Path.of("g", "dog", "dog-01.jpg"));
    }

    @Test
    void columnsAreFoundByNameAndOptionalOnesMayBeMissing() throws Exception {
        String tsv = "raw_url\tbytes\tsha256\tcategory\tfile\n"
                + "https://example.org/a.jpg\t12\t" + HASH.toUpperCase() + "\tcat\tcat/a.jpg\n";
        SampleManifest m = SampleManifest.parse(new StringReader(tsv), "t");
        assertThat(m.entries()).singleElement().satisfies(e -> {
            assertThat(e.file()).isEqualTo("cat/a.jpg");
            assertThat(e.sha256()).isEqualTo(HASH);
            assertThat(e.bytes()).isEqualTo(12);
            assertThat(e.licence()).isEmpty();
        });
    }

    @Test
    void malformedLinesAreRejectedWithTheLineNumber() {
        assertThatThrownBy(() -> parse(HEADER + "cat/a.jpg\tcat\tnothex\t12\thttps://e.org/a\n"))
                .hasMessageContaining("line 2").hasMessageContaining("SHA-256");
        assertThatThrownBy(() -> parse(HEADER + "cat/a.jpg\tcat\t" + HASH + "\t-1\thttps://e.org/a\n"))
                .hasMessageContaining("bytes");
        assertThatThrownBy(() -> parse(HEADER + "cat/a.jpg\tcat\t" + HASH + "\t1\tftp://e.org/a\n"))
                .hasMessageContaining("raw_url");
        assertThatThrownBy(() -> parse("file\tcategory\n")).hasMessageContaining("sha256");
    }

    @Test
    void pathsThatCouldEscapeTheGalleryFolderAreRejected() {
        for (String bad : new String[] {"../evil.jpg", "/etc/passwd", "cat/../../x.jpg", "cat//a.jpg", ".hidden/a.jpg", "c:\\a.jpg"}) {
            assertThatThrownBy(() -> parse(HEADER + bad + "\tcat\t" + HASH + "\t1\thttps://e.org/a\n"))
                    .as(bad).hasMessageContaining("unsafe file path");
        }
    }

    @Test
    void duplicateFilesAreRejected() {
        String line = "cat/a.jpg\tcat\t" + HASH + "\t1\thttps://e.org/a\n";
        assertThatThrownBy(() -> parse(HEADER + line + line)).hasMessageContaining("listed twice");
    }

    private static SampleManifest parse(String tsv) throws Exception {
        return SampleManifest.parse(new StringReader(tsv), "t");
    }
}
