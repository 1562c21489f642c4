package org.visualsearch.core.gallery;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.visualsearch.core.image.ImageLoader;
import org.visualsearch.core.model.ColorHistogramEmbedder;
import org.visualsearch.core.model.EmbeddingException;
import org.visualsearch.core.model.ImageEmbedder;
import org.visualsearch.core.model.ModelInfo;
import org.visualsearch.core.store.GalleryDatabase;

/**
 * The process {@link KillTest} kills: adds a folder to a database and indexes it with the
 * colour-histogram model slowed down to a given time per photo, logging each embed (its
 * histogram, one line) to a file so the test can tell what was computed in which run.
 *
 * <p>Arguments: data folder, photos folder, milliseconds per embed, embed log file.
 */
public final class KillTestChild {

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        Path photos = Path.of(args[1]);
        long delayMillis = Long.parseLong(args[2]);
        Path log = Path.of(args[3]);
        try (GalleryDatabase db = GalleryDatabase.open(data);
             ImageEmbedder embedder = new LoggingSlowEmbedder(new ColorHistogramEmbedder(), delayMillis, log)) {
            if (!db.isUserFolder(photos)) {
                db.addFolder(photos);
            }
            System.out.println("INDEXING");
            System.out.flush();
            IndexReport report = new Indexer(db, embedder, new ImageLoader(), 4).indexUserFolders(IndexListener.NONE);
            System.out.println("DONE indexed=" + report.indexed() + " embedded=" + report.embedded());
        }
    }

    private static final class LoggingSlowEmbedder implements ImageEmbedder {
        private final ImageEmbedder delegate;
        private final long delayMillis;
        private final Path log;

        LoggingSlowEmbedder(ImageEmbedder delegate, long delayMillis, Path log) {
            this.delegate = delegate;
            this.delayMillis = delayMillis;
            this.log = log;
        }

        @Override
        public ModelInfo info() {
            return delegate.info();
        }

        @Override
        public float[] embed(BufferedImage image) throws EmbeddingException {
            float[] v = delegate.embed(image);
            try {
                Thread.sleep(delayMillis);
                // One write() per line: the kernel has it even if the process is killed right after.
                Files.write(log, (KillTest.key(v) + "\n").getBytes(StandardCharsets.US_ASCII),
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                throw new EmbeddingException("cannot log", e);
            }
            return v;
        }

        @Override
        public void close() {
            delegate.close();
        }
    }
}
