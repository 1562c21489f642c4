package org.visualsearch.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shipped model as the app loads it: GUIE convention, 64-d, unit length, any input size. */
class DefaultModelTest {

    private static ImageEmbedder model;

    @BeforeAll
    static void load() throws EmbeddingException {
        model = new ModelCatalog(Path.of("models")).open(ModelCatalog.DEFAULT);
    }

    @AfterAll
    static void close() {
        model.close();
    }

    @Test
    void isA64dGuieModelWithItsDescriptorName() {
        assertThat(model.info().dimension()).isEqualTo(64);
        assertThat(model.info().name()).isEqualTo("MobileNetV2 + ArcFace head");
        assertThat(((TorchScriptEmbedder) model).descriptor().inputSpec()).isEqualTo(new InputSpec.Guie());
    }

    @Test
    void returnsUnitLengthVectorsForAnyInputSize() throws EmbeddingException {
        for (int[] size : new int[][] {{640, 480}, {37, 211}, {512, 512}, {3, 3}}) {
            float[] v = model.embed(scene(size[0], size[1], Color.ORANGE));
            assertThat(v).hasSize(64);
            assertThat(norm(v)).as("%dx%d", size[0], size[1]).isCloseTo(1.0, within(1e-4));
        }
    }

    @Test
    void isDeterministicAndTellsDifferentPicturesApart() throws EmbeddingException {
        float[] a1 = model.embed(scene(320, 240, Color.ORANGE));
        float[] a2 = model.embed(scene(320, 240, Color.ORANGE));
        float[] b = model.embed(scene(320, 240, Color.BLUE));

        assertThat(distance(a1, a2)).isLessThan(1e-5);
        assertThat(distance(a1, b)).isGreaterThan(0.05);
    }

    /** A background with a disc, so the network sees some structure. */
    private static BufferedImage scene(int w, int h, Color disc) {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(230, 230, 220));
        g.fillRect(0, 0, w, h);
        g.setColor(disc);
        g.fillOval(w / 4, h / 4, Math.max(1, w / 2), Math.max(1, h / 2));
        g.dispose();
        return image;
    }

    private static double norm(float[] v) {
        double sum = 0;
        for (float x : v) {
            sum += x * x;
        }
        return Math.sqrt(sum);
    }

    private static double distance(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return Math.sqrt(sum);
    }
}
