package org.visualsearch.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.visualsearch.core.common.Glibc;
import org.visualsearch.core.common.LoadedCodePages;

/** libtorch's start-up code is let go after a model's first calls, and the model goes on the same. */
class EngineCodePagesTest {

    @Test
    void theWarmCallLetsGoOfCodeAndTheVectorsStayTheSame() throws Exception {
        assumeTrue(Files.isReadable(Path.of("/proc/self/smaps")) && Glibc.function("madvise") != null, "Linux with glibc");
        assumeTrue(!"false".equals(System.getProperty("vss.releaseLoadPages")), "turned off");
        BufferedImage photo = new BufferedImage(300, 200, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = photo.createGraphics();
        g.setColor(Color.ORANGE);
        g.fillOval(50, 40, 180, 120);
        g.dispose();
        try (ImageEmbedder model = new ModelCatalog(Path.of("models")).open(ModelCatalog.DEFAULT)) {
            float[] first = model.embed(photo);
            for (int call = 2; call < EngineCodePages.WARM_CALLS; call++) {
                model.embed(photo);
            }
            long before = LoadedCodePages.residentKib(EngineCodePages.LIBRARY);
            float[] warm = model.embed(photo); // the 8th call: its end lets go of the code pages
            assertThat(EngineCodePages.lastRelease().get(30, java.util.concurrent.TimeUnit.SECONDS)).isPositive();
            long after = LoadedCodePages.residentKib(EngineCodePages.LIBRARY);
            assertThat(before).as("libtorch's code mapped in before the 8th call, KiB").isGreaterThan(4 * 1024);
            assertThat(after).as("after it, KiB").isLessThan(before / 2);
            assertThat(model.embed(photo)).as("the calls after it").containsExactly(first, org.assertj.core.data.Offset.offset(1e-6f));
            assertThat(warm).containsExactly(first, org.assertj.core.data.Offset.offset(1e-6f));
        }
    }
}
