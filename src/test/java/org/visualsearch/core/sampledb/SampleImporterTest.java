package org.visualsearch.core.sampledb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleImporterTest {

    @TempDir
    Path tmp;

    private final TestPhotos photos = TestPhotos.small();
    private final SampleManifest manifest = photos.manifest("https://example.invalid/");

    @Test
    void importsAndVerifiesEveryPhoto() throws Exception {
        Path source = tmp.resolve("source");
        Path dest = tmp.resolve("dest");
        photos.writeTo(source);

        ImportReport report = new SampleImporter(manifest).importFrom(source, dest);

        assertThat(report.imported()).containsExactlyElementsOf(photos.fileNames());
        assertThat(report.complete()).isTrue();
        for (String file : photos.fileNames()) {
            assertThat(dest.resolve(file)).hasBinaryContent(photos.files.get(file));
        }
        assertThat(SampleStatus.check(manifest, dest).complete()).isTrue();
        assertThat(Files.walk(dest)).noneMatch(p -> p.toString().endsWith(".part"));

        ImportReport again = new SampleImporter(manifest).importFrom(source, dest);
        assertThat(again.imported()).isEmpty();
        assertThat(again.alreadyPresent()).hasSize(3);
    }

    @Test
    void fileWithWrongContentIsReportedAndNotImported() throws Exception {
        Path source = tmp.resolve("source");
        Path dest = tmp.resolve("dest");
        photos.writeTo(source);
        byte[] tampered = photos.files.get("cat/cat-02.jpg").clone();
        tampered[100] ^= 1; // same size, different hash
        Files.write(source.resolve("cat/cat-02.jpg"), tampered);
        Files.delete(source.resolve("cup/cup-01.jpg"));

        ImportReport report = new SampleImporter(manifest).importFrom(source, dest);

        assertThat(report.imported()).containsExactly("cat/cat-01.jpg");
        assertThat(report.notInSource()).containsExactly("cup/cup-01.jpg");
        assertThat(report.rejected()).singleElement().asString()
                .startsWith("cat/cat-02.jpg: sha256 mismatch");
        assertThat(report.complete()).isFalse();
        assertThat(dest.resolve("cat/cat-02.jpg")).doesNotExist();
        assertThat(dest.resolve("cat/cat-02.jpg.part")).doesNotExist();
    }

    @Test
    void corruptTargetIsReplacedByAValidSource() throws Exception {
        Path source = tmp.resolve("source");
        Path dest = tmp.resolve("dest");
        photos.writeTo(source);
        Files.createDirectories(dest.resolve("cat"));
        Files.write(dest.resolve("cat/cat-01.jpg"), new byte[] {1, 2, 3});

        ImportReport report = new SampleImporter(manifest).importFrom(source, dest);

        assertThat(report.imported()).contains("cat/cat-01.jpg");
        assertThat(dest.resolve("cat/cat-01.jpg")).hasBinaryContent(photos.files.get("cat/cat-01.jpg"));
    }

    @Test
    void missingSourceFolderIsAnError() {
        assertThatThrownBy(() -> new SampleImporter(manifest).importFrom(tmp.resolve("nope"), tmp.resolve("dest")))
                .hasMessageContaining("not a folder");
    }
}
