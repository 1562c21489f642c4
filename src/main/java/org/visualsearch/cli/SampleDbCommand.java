package org.visualsearch.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.visualsearch.app.SampleGallery;
import org.visualsearch.core.DefaultLocations;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import org.visualsearch.core.sampledb.DownloadReport;
import org.visualsearch.core.sampledb.ImportReport;
import org.visualsearch.core.sampledb.SampleCredits;
import org.visualsearch.core.sampledb.SampleDownloader;
import org.visualsearch.core.sampledb.SampleManifest;
import org.visualsearch.core.sampledb.SampleStatus;
import org.visualsearch.core.sampledb.SampleStatus.State;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code sample-db download|import|status|credits}: the 100-photo sample gallery. */
@Command(name = "sample-db",
        mixinStandardHelpOptions = true,
        description = "Get and check the sample gallery (100 labelled photos; not in the repository).",
        synopsisSubcommandLabel = "COMMAND",
        subcommands = {
            SampleDbCommand.Download.class,
            SampleDbCommand.Import.class,
            SampleDbCommand.Status.class,
            SampleDbCommand.Credits.class,
            SampleEmbeddingsCommand.class,
        })
public final class SampleDbCommand implements Runnable {

    /** Default gallery folder, relative to the working directory. */
    public static final String DEFAULT_DEST = "sample-db";

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing a command: download, import, status or credits");
    }

    /** Options shared by the subcommands. */
    static final class ManifestOption {
        @Option(names = "--manifest", paramLabel = "FILE",
                description = "Use this manifest instead of the one built into the app.")
        Path manifest;

        SampleManifest load() throws IOException {
            return manifest == null ? SampleManifest.bundled() : SampleManifest.load(manifest);
        }
    }

    static final class DestOption {
        @Option(names = "--dest", paramLabel = "DIR",
                description = "Gallery folder (default: ./" + DEFAULT_DEST + " in a source checkout, "
                        + "else " + DEFAULT_DEST + " in the data folder).")
        Path dest = DefaultLocations.current().sampleGalleryDir();
    }

    @Command(name = "download", mixinStandardHelpOptions = true,
            description = {"Download the sample photos from their sources into DIR/<category>/, verifying each "
                    + "SHA-256. Resumes interrupted downloads; skips photos already there."})
    static final class Download implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Mixin DestOption dest;
        @Mixin ManifestOption manifest;

        @Option(names = "--base-url", paramLabel = "URL",
                description = "Fetch URL/<category>/<file> (a mirror) instead of the manifest's URLs.")
        String baseUrl;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            SampleManifest m = manifest.load();
            URI base = baseUrl == null ? null : parseBaseUrl(baseUrl);
            AtomicBoolean cancelled = new AtomicBoolean();
            SampleGallery sample = new SampleGallery(dest.dest, m, base);
            out.printf("Downloading %d sample photos (%s) into %s%n", m.size(), megabytes(m.totalBytes()), dest.dest);
            DownloadLines lines = new DownloadLines(out, err, m.size(), System::nanoTime);
            DownloadReport report = sample.download(lines, cancelled::get);
            lines.finish();
            if (report.complete()) {
                out.printf("All %d sample photos are in %s (%d downloaded, %d already there).%n",
                        m.size(), dest.dest, report.downloaded().size(), report.alreadyPresent().size());
                return ExitCode.OK;
            }
            int have = report.downloaded().size() + report.alreadyPresent().size();
            throw new CliException(String.format(Locale.ROOT,
                    "%s: %d of %d photos are missing from %s; %sa new run resumes "
                            + "(or use 'sample-db import FOLDER' with a local copy)",
                    report.cancelled() ? "cancelled" : "incomplete", m.size() - have, m.size(), dest.dest,
                    have == 0 ? "" : "the " + have + " obtained are kept and "));
        }

        private static URI parseBaseUrl(String s) {
            try {
                URI u = new URI(s);
                if (u.getHost() == null || !List.of("http", "https").contains(String.valueOf(u.getScheme()).toLowerCase(Locale.ROOT))) {
                    throw new URISyntaxException(s, "expected http(s)://host/...");
                }
                return u;
            } catch (URISyntaxException e) {
                throw new CliException(ExitCode.USAGE, "--base-url: not an http(s) URL: " + s);
            }
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Copy the sample photos from a local FOLDER laid out as <category>/<file> "
                    + "(e.g. ../shared/sample-photos-v2), verifying each SHA-256; mismatching files are not imported.")
    static final class Import implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Mixin DestOption dest;
        @Mixin ManifestOption manifest;

        @Parameters(paramLabel = "FOLDER", description = "Folder holding <category>/<file>.")
        Path folder;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            SampleManifest m = manifest.load();
            if (!java.nio.file.Files.isDirectory(folder)) {
                throw new CliException("not a folder: " + folder);
            }
            ImportReport report = new SampleGallery(dest.dest, m, null).importFrom(folder);
            out.printf("Imported %d photos into %s (%d already there).%n",
                    report.imported().size(), dest.dest, report.alreadyPresent().size());
            out.flush();
            report.rejected().forEach(err::println);
            if (!report.notInSource().isEmpty()) {
                err.println(report.notInSource().size() + " photos are not in " + folder + ", e.g. "
                        + report.notInSource().get(0));
            }
            if (report.complete()) {
                return ExitCode.OK;
            }
            throw new CliException(String.format(Locale.ROOT, "%d of %d photos could not be imported "
                    + "(%d rejected, %d not in %s)", report.rejected().size() + report.notInSource().size(),
                    m.size(), report.rejected().size(), report.notInSource().size(), folder));
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Show which sample photos DIR holds (present, missing, corrupt). Exit code 0 when all are there.")
    static final class Status implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Mixin DestOption dest;
        @Mixin ManifestOption manifest;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            SampleManifest m = manifest.load();
            SampleStatus status = SampleStatus.check(m, dest.dest);
            out.printf("Sample gallery in %s:%n", dest.dest);
            for (Map.Entry<String, List<SampleManifest.Entry>> c : m.byCategory().entrySet()) {
                long present = status.files().stream()
                        .filter(f -> f.entry().category().equals(c.getKey()) && f.state() == State.PRESENT).count();
                out.printf("  %-10s %3d/%d%n", c.getKey(), present, c.getValue().size());
            }
            for (SampleStatus.FileStatus f : status.inState(State.CORRUPT)) {
                out.printf("  corrupt: %s (%s)%n", f.entry().file(), f.detail());
            }
            out.printf("%d present, %d missing, %d corrupt%n", status.count(State.PRESENT),
                    status.count(State.MISSING), status.count(State.CORRUPT));
            if (status.complete()) {
                return ExitCode.OK;
            }
            throw new CliException(String.format(Locale.ROOT,
                    "incomplete: %d missing, %d corrupt; run 'sample-db download' or 'sample-db import FOLDER'",
                    status.count(State.MISSING), status.count(State.CORRUPT)));
        }
    }

    @Command(name = "credits", mixinStandardHelpOptions = true,
            description = "Print the sample photos' sources and licences (Markdown).")
    static final class Credits implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Mixin ManifestOption manifest;

        @Override
        public Integer call() throws IOException {
            spec.commandLine().getOut().print(SampleCredits.markdown(manifest.load()));
            return ExitCode.OK;
        }
    }

    static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }
}
