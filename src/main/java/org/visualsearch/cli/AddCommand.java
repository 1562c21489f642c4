package org.visualsearch.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.visualsearch.core.gallery.IndexReport;
import org.visualsearch.core.gallery.Indexer;
import org.visualsearch.core.model.ImageEmbedder;
import org.visualsearch.core.store.GalleryDatabase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code add FOLDER}: adds a folder to the gallery database and indexes it (and brings the other
 * folders up to date) with {@code --model}. Ctrl-C stops after committing what is done; the next
 * {@code add} or app start resumes.
 */
@Command(name = "add", mixinStandardHelpOptions = true, description = "Add a photo folder to the gallery database and index it.")
public final class AddCommand extends DatabaseCommand {

    @Mixin
    ModelOption model = new ModelOption();

    @Parameters(paramLabel = "FOLDER", description = "Folder of photos; first-level subfolders are categories.")
    Path folder;

    @Option(names = "--no-index", description = "Only add the folder; index later.")
    boolean noIndex;

    @Override
    int run(GalleryDatabase db) throws Exception {
        if (!Files.isDirectory(folder)) {
            throw new Failure("not a folder: " + folder);
        }
        if (noIndex) {
            out().println("added " + db.addFolder(folder));
            return 0;
        }
        try (ImageEmbedder embedder = model.open()) {
            Path added = db.addFolder(folder);
            Indexer indexer = new Indexer(db, embedder);
            IndexReport report = runCancellableOnShutdown(indexer, () -> indexer.index(List.of(added), new IndexProgressPrinter(err())));
            out().printf("%s %s: %d photos, %d newly indexed (%d embedded), %d already indexed, %d removed, "
                            + "%d problems%s%n",
                    report.cancelled() ? "interrupted indexing" : "added", added, report.found(), report.indexed(),
                    report.embedded(), report.upToDate(), report.removed(), report.problems().size(),
                    report.problems().isEmpty() ? "" : " (see the problems command)");
            return report.cancelled() ? 130 : 0;
        }
    }

    /** Runs {@code work}; a JVM shutdown (Ctrl-C) meanwhile cancels it and waits for its last commit. */
    static <T> T runCancellableOnShutdown(Indexer indexer, java.util.function.Supplier<T> work) {
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            indexer.cancel();
            try {
                finished.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "cancel-indexing");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return work.get();
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it has seen the latch
            }
        }
    }
}
