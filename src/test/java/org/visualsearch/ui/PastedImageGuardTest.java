package org.visualsearch.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.visualsearch.ui.FxThread.fx;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import javafx.scene.input.Clipboard;
import javafx.scene.input.DataFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import org.visualsearch.core.image.ImageLoader;
import org.visualsearch.core.model.ColorHistogramEmbedder;
import org.visualsearch.core.search.IndexedGallery;
import org.visualsearch.ui.search.ClipboardImages;
import org.visualsearch.ui.search.QueryInput;
import org.visualsearch.ui.search.SearchViewModel;

/** A pasted image passes the same size guard as a file: a tiny PNG claiming 50000x50000 is refused, not decoded. */
class PastedImageGuardTest {
    @TempDir
    static Path dir;
    static IndexedGallery gallery;

    private ExecutorService executor;
    private SearchViewModel vm;
    private QueryInput input;

    @BeforeAll
    static void setUpGallery() throws Exception {
        FxToolkit.registerPrimaryStage();
        gallery = TestGalleries.index(TestGalleries.writeGallery(dir.resolve("gallery"), 2), new ColorHistogramEmbedder(), null);
    }

    @BeforeEach
    void setUp() throws Exception {
        executor = Executors.newSingleThreadExecutor();
        vm = fx(() -> {
            SearchViewModel model = new SearchViewModel(executor, new ImageLoader());
            model.setModel(new ColorHistogramEmbedder(), gallery);
            return model;
        });
        input = new QueryInput(vm, () -> false, folders -> false);
    }

    @AfterEach
    void tearDown() {
        executor.shutdownNow();
    }

    /** A valid PNG of a few hundred bytes whose header says 50000 x 50000 (its pixel data is one empty row). */
    static byte[] pngBomb() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(50_000).putInt(50_000).put((byte) 8).put((byte) 2)
                .put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(out, "IHDR", ihdr.array());
        Deflater deflater = new Deflater();
        deflater.setInput(new byte[150_001]);
        deflater.finish();
        byte[] compressed = new byte[1024];
        int n = deflater.deflate(compressed);
        chunk(out, "IDAT", java.util.Arrays.copyOf(compressed, n));
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) throws Exception {
        out.write(ByteBuffer.allocate(4).putInt(data.length).array());
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        out.write(typeBytes);
        out.write(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.write(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    @Test
    @Timeout(60)
    void aPngBombOnTheClipboardIsRefusedByTheSizeGuardWithoutDecodingIt() throws Exception {
        byte[] bomb = pngBomb();
        assertThat(bomb.length).isLessThan(400);
        DataFormat png = fx(() -> {
            DataFormat known = DataFormat.lookupMimeType("image/png");
            return known != null ? known : new DataFormat("image/png");
        });
        AtomicBoolean decodedAsked = new AtomicBoolean();
        fx(() -> {
            Clipboard clipboard = Clipboard.getSystemClipboard();
            clipboard.setContent(Map.of(png, bomb));
            byte[] offered = ClipboardImages.encodedImage(clipboard);
            input.paste(null, offered, () -> {
                decodedAsked.set(true);
                return null;
            });
            return null;
        });

        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> fx(() -> vm.errorProperty().get() != null));
        assertThat(fx(() -> vm.errorProperty().get())).contains("50000x50000").contains("exceeds the limit");
        assertThat(decodedAsked).isFalse();
        assertThat(fx(() -> vm.queryImageProperty().get())).isNull();
    }

    @Test
    void aSmallPastedPngIsSearchedWith() throws Exception {
        java.awt.image.BufferedImage red = new java.awt.image.BufferedImage(8, 8, java.awt.image.BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        javax.imageio.ImageIO.write(red, "png", out);
        fx(() -> {
            input.paste(null, out.toByteArray(), null);
            return null;
        });
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> fx(() -> vm.completedSearchesProperty().get() == 1));
        assertThat(fx(() -> vm.errorProperty().get())).isNull();
        assertThat(fx(() -> vm.topMatches().size())).isGreaterThan(0);
    }
}
