package org.visualsearch.cli;

import picocli.CommandLine.ExitCode;
import static org.visualsearch.cli.CliFixture.cli;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.visualsearch.core.sampledb.TestPhotos;
import org.visualsearch.cli.CliFixture.Result;

@Timeout(60)
class VisualSearchCliTest {

    @TempDir
    Path tmp;

    private final TestPhotos photos = TestPhotos.small();

    private Path manifestFile(String urlBase) throws Exception {
        Path m = tmp.resolve("manifest.tsv");
        Files.writeString(m, photos.manifestTsv(urlBase));
        return m;
    }

    @Test
    void helpAndVersionSucceed() {
        Result help = cli("--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("Usage: visual-search", "sample-db", "bench");
        Result version = cli("--version");
        assertThat(version.exit()).isZero();
        assertThat(version.out()).startsWith("Visual Search Simulator");
        assertThat(cli("sample-db", "download", "--help").out()).contains("--base-url", "--dest");
    }

    @Test
    void aCommandLineBuildsOnlyTheCommandItNamesAndTheHelpListsThemAll() {
        assertThat(VisualSearchCli.commandLine("index").getSubcommands().keySet()).containsExactly("index");
        assertThat(VisualSearchCli.commandLine("sample-db").getSubcommands().get("sample-db").getSubcommands())
                .containsKeys("import", "status");
        java.util.Set<String> all = VisualSearchCli.commandLine().getSubcommands().keySet();
        assertThat(all).contains("index", "query", "eval", "train", "help").hasSizeGreaterThan(15);
        for (String first : new String[] {"help", "--help", "-V", "indx"}) {
            assertThat(VisualSearchCli.commandLine(first).getSubcommands().keySet()).as(first).isEqualTo(all);
        }
        Result help = cli("--help");
        assertThat(help.out()).contains("sample-db", "index", "bench-embed", "generate-synthetic");
        Result helpIndex = cli("help", "index");
        assertThat(helpIndex.exit()).isZero();
        assertThat(helpIndex.out()).contains("Usage: visual-search index");
    }

    @Test
    void everyCommandHasHelp() {
        for (String command : VisualSearchCli.commandLine().getSubcommands().keySet()) {
            Result r = cli(command, "--help");
            assertThat(r.exit()).as(command + " --help: " + r.err()).isZero();
            assertThat(r.out()).as(command).contains("Usage: visual-search " + command);
        }
    }

    @Test
    void badCommandLinesGiveOneLineReasonAndUsageExitCode() {
        for (String[] args : new String[][] {{"frobnicate"}, {"sample-db"}, {"sample-db", "import"}, {"bench", "--dim", "x"}}) {
            Result r = cli(args);
            assertThat(r.exit()).as(String.join(" ", args)).isEqualTo(ExitCode.USAGE);
            assertThat(r.err().lines()).as(String.join(" ", args)).hasSize(1);
            assertThat(r.err()).contains("--help").doesNotContain("at org.");
        }
    }

    @Test
    void importThenStatus() throws Exception {
        Path source = tmp.resolve("photos");
        photos.writeTo(source);
        Path dest = tmp.resolve("gallery");
        Path manifest = manifestFile("https://example.invalid/");

        Result before = cli("sample-db", "status", "--dest", dest.toString(), "--manifest", manifest.toString());
        assertThat(before.exit()).isEqualTo(1);
        assertThat(before.err()).isEqualTo("visual-search sample-db status: incomplete: 3 missing, 0 corrupt; "
                + "run 'sample-db download' or 'sample-db import FOLDER'" + System.lineSeparator());

        Result imported = cli("sample-db", "import", "--dest", dest.toString(), "--manifest", manifest.toString(), source.toString());
        assertThat(imported.exit()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("Imported 3 photos");

        Result after = cli("sample-db", "status", "--dest", dest.toString(), "--manifest", manifest.toString());
        assertThat(after.exit()).isZero();
        assertThat(after.out()).contains("cat          2/2", "cup          1/1", "3 present, 0 missing, 0 corrupt");
    }

    @Test
    void importReportsAMismatchAndFails() throws Exception {
        Path source = tmp.resolve("photos");
        photos.writeTo(source);
        Files.write(source.resolve("cup/cup-01.jpg"), new byte[] {1, 2, 3});
        Path dest = tmp.resolve("gallery");

        Result r = cli("sample-db", "import", "--dest", dest.toString(), "--manifest",
                manifestFile("https://example.invalid/").toString(), source.toString());

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("cup/cup-01.jpg: sha256 mismatch")
                .contains("1 of 3 photos could not be imported (1 rejected, 0 not in");
        assertThat(dest.resolve("cup/cup-01.jpg")).doesNotExist();
        assertThat(dest.resolve("cat/cat-01.jpg")).exists();
    }

    @Test
    void importFromMissingFolderFailsOnOneLine() throws Exception {
        Result r = cli("sample-db", "import", "--dest", tmp.resolve("g").toString(), tmp.resolve("nope").toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err().lines()).singleElement().asString().contains("not a folder");
    }

    @Test
    void downloadFromLocalMirror() throws Exception {
        try (TestPhotos.Server server = photos.serve()) {
            Path dest = tmp.resolve("gallery");
            Result r = cli("sample-db", "download", "--dest", dest.toString(),
                    "--manifest", manifestFile("https://unreachable.invalid/").toString(),
                    "--base-url", server.baseUrl());
            assertThat(r.exit()).as(r.err()).isZero();
            assertThat(r.out()).contains("[  3/3] cup/cup-01.jpg", "All 3 sample photos are in");
            assertThat(dest.resolve("cat/cat-02.jpg")).hasBinaryContent(photos.files.get("cat/cat-02.jpg"));

            // Everything there: one line says so, not one per photo.
            Result again = cli("sample-db", "download", "--dest", dest.toString(),
                    "--manifest", manifestFile("https://unreachable.invalid/").toString(),
                    "--base-url", server.baseUrl());
            assertThat(again.exit()).as(again.err()).isZero();
            assertThat(again.out().lines()).containsExactly(
                    "Downloading 3 sample photos (0.2 MB) into " + dest,
                    "[  3/3] 3 photos already present",
                    "All 3 sample photos are in " + dest + " (0 downloaded, 3 already there).");
        }
    }

    @Test
    @Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // opening a FIFO is not interruptible
    void aManifestThatIsAFifoIsRefusedWithoutOpeningIt() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                        && Files.isExecutable(Path.of("/usr/bin/mkfifo")), "no mkfifo on this system");
        Path fifo = tmp.resolve("manifest.fifo");
        Process mkfifo = new ProcessBuilder("/usr/bin/mkfifo", fifo.toString()).start();
        assertThat(mkfifo.waitFor()).isZero();
        for (String command : new String[] {"download", "status", "credits"}) {
            Result r = command.equals("credits") ? cli("sample-db", command, "--manifest", fifo.toString())
                    : cli("sample-db", command, "--dest", tmp.resolve("g").toString(), "--manifest", fifo.toString());
            assertThat(r.exit()).as(command).isEqualTo(1);
            assertThat(r.err().lines()).as(command).singleElement().asString()
                    .endsWith(fifo + ": not a regular file (it is a FIFO, socket or device); a manifest is a .tsv file");
        }
        Result folder = cli("sample-db", "status", "--manifest", tmp.toString());
        assertThat(folder.err()).contains("not a regular file (it is a folder)");
    }

    @Test
    void downloadWithoutNetworkFailsClearly() throws Exception {
        Path dest = tmp.resolve("gallery");
        Result r = cli("sample-db", "download", "--dest", dest.toString(),
                "--manifest", manifestFile("http://no-such-host.invalid/").toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err().lines()).containsExactly(
                "cannot download cat-01.jpg from no-such-host.invalid: no network connection (cannot resolve the host name)",
                "2 more photos skipped: their host could not be reached or timed out",
                "visual-search sample-db download: incomplete: 3 of 3 photos are missing from " + dest
                        + "; a new run resumes (or use 'sample-db import FOLDER' with a local copy)");
    }

    @Test
    void badManifestIsAOneLineError() throws Exception {
        Path bad = tmp.resolve("bad.tsv");
        Files.writeString(bad, "file\tcategory\n");
        Result r = cli("sample-db", "status", "--manifest", bad.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err().lines()).singleElement().asString().contains("lacks the column 'sha256'");
        Result missing = cli("sample-db", "credits", "--manifest", tmp.resolve("none.tsv").toString());
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err().lines()).singleElement().asString().endsWith("none.tsv: no such file or folder");
    }

    @Test
    void creditsListsEveryBundledPhoto() {
        Result r = cli("sample-db", "credits");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("## Summary", "| dog-01.jpg | not named | Creative Commons Zero 1.0 Universal",
                "[apple/ml-gbc@b66c03c:data/images/wiki/corgi.jpg](https://github.com/apple/ml-gbc/blob/", "| clothes-20.jpg |");
        assertThat(r.out().toLowerCase(java.util.Locale.ROOT)).doesNotContain("unknown");
    }

    @Test
    void helpOfSizesAndSeedReadsPlainly() {
        Result bench = cli("bench", "--help");
        assertThat(bench.out()).contains("--sizes=N[,N...]").doesNotContain("N[,N...][,N");
        Result synthetic = cli("generate-synthetic", "--help");
        assertThat(synthetic.out().lines().filter(l -> l.contains("--seed=")).reduce((a, b) -> b).orElseThrow())
                .contains("Random seed");
    }

    @Test
    void generateSyntheticReportsTheDatabaseFilesOwnSize(@TempDir Path data) throws Exception {
        Result r = cli("generate-synthetic", "--data", data.toString(), "--count", "3000", "--no-thumbnails");
        assertThat(r.exit()).as(r.err()).isZero();
        String line = r.out().lines().filter(l -> l.startsWith("database ")).findFirst().orElseThrow();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(": ([0-9.]+) MB").matcher(line);
        assertThat(m.find()).as(line).isTrue();
        Path file = data.resolve(org.visualsearch.core.store.GalleryDatabase.FILE_NAME);
        assertThat(Files.exists(Path.of(file + "-wal")) ? Files.size(Path.of(file + "-wal")) : 0L).isZero();
        assertThat(Double.parseDouble(m.group(1))).isCloseTo(Files.size(file) / 1e6, org.assertj.core.data.Offset.offset(0.051));
    }

    @Test
    void benchPrintsTimingsForEachSizeAndMode() {
        Result r = cli("bench", "--sizes", "200,1000", "--queries", "5", "--warmup", "1", "--threads", "1,2", "--no-faiss");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("median ms", "p95 ms", "queries/s", "vector MB", "threads");
        // 2 sizes x 3 modes x 2 thread counts
        assertThat(r.out().lines().filter(l -> l.matches("\\s+[0-9,]+\\s+[0-9.]+ (k=5|rank-200|rank-all)\\s+[12]\\s+.*")))
                .hasSize(12);
        assertThat(r.out()).containsPattern("1,000\\s+0\\.26 k=5\\s+2 ").doesNotContain("FAISS");
        assertThat(cli("bench", "--sizes", "0").exit()).isEqualTo(ExitCode.USAGE);
    }
}
