package org.visualsearch.core.occlusion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.visualsearch.core.model.ColorHistogramEmbedder;
import org.visualsearch.core.model.EmbeddingException;
import org.visualsearch.core.model.ImageEmbedder;
import org.visualsearch.core.model.ModelInfo;
import org.visualsearch.core.model.TorchScriptEmbedder;

class OcclusionHeatmapTest {
    static final Path TOP_LEFT_MODEL = Path.of("src", "test", "resources", "models", "top-left-tiny");

    /** 64 x 48: red top-left quadrant, other quadrants green, blue and white. */
    static BufferedImage quadrants() {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, 32, 24);
        g.setColor(Color.GREEN);
        g.fillRect(32, 0, 32, 24);
        g.setColor(Color.BLUE);
        g.fillRect(0, 24, 32, 24);
        g.setColor(Color.WHITE);
        g.fillRect(32, 24, 32, 24);
        g.dispose();
        return image;
    }

    /** The mean colour of the top-left quadrant, in Java: what top-left-tiny computes. */
    static final class TopLeftMean implements ImageEmbedder {
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public ModelInfo info() {
            return new ModelInfo("top-left-mean", "Top-left mean", 3);
        }

        @Override
        public float[] embed(BufferedImage image) {
            calls.incrementAndGet();
            int h = image.getHeight() / 2;
            int w = image.getWidth() / 2;
            double[] sum = new double[3];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int rgb = image.getRGB(x, y);
                    sum[0] += (rgb >> 16) & 0xFF;
                    sum[1] += (rgb >> 8) & 0xFF;
                    sum[2] += rgb & 0xFF;
                }
            }
            return new float[] {(float) (sum[0] / (w * h) / 255), (float) (sum[1] / (w * h) / 255), (float) (sum[2] / (w * h) / 255)};
        }

        @Override
        public void close() {
        }
    }

    @Test
    void onlyTheSquaresTheModelLooksAtMoveThePhotoAwayFromItsMatch() throws Exception {
        TopLeftMean model = new TopLeftMean();
        BufferedImage query = quadrants();
        float[] match = model.embed(query); // the match looks exactly like the query's top-left quadrant
        model.calls.set(0);

        SimilarityHeatmap heatmap = OcclusionHeatmap.compute(model, query, match, OcclusionSettings.DEFAULT, HeatmapProgress.NONE);

        assertThat(model.calls.get()).isEqualTo(65).isEqualTo(heatmap.embeds());
        assertThat(heatmap.baseDistance()).isZero();
        double[] heat = heatmap.normalised();
        for (OcclusionGrid.Cell cell : heatmap.cells()) {
            int i = cell.row() * 8 + cell.column();
            boolean inTopLeft = cell.column() < 4 && cell.row() < 4;
            // hiding one of the 16 red squares turns 1/16 of the quadrant grey: every one moves it the same
            assertThat(heat[i]).as("square %d,%d", cell.column(), cell.row()).isCloseTo(inTopLeft ? 1.0 : 0.0, within(1e-6));
        }
        // red (1,0,0) with one 16th grey (0.502): the mean moves by 1/16 of the way on each channel
        double g = 128 / 255.0;
        double expected = Math.sqrt(Math.pow((1 - g) / 16, 2) + 2 * Math.pow(g / 16, 2));
        assertThat(heatmap.maxIncrease()).isCloseTo(expected, within(1e-5));
        assertThat(heatmap.maxDecrease()).isZero();
        assertThat(heatmap.strongest()).isBetween(0, 27).matches(i -> i % 8 < 4);
    }

    @Test
    void aTorchScriptModelIsABlackBoxToo() throws Exception {
        BufferedImage query = quadrants();
        try (TorchScriptEmbedder model = TorchScriptEmbedder.load(TOP_LEFT_MODEL)) {
            float[] match = model.embed(query);
            assertThat(match).containsExactly(new float[] {1, 0, 0}, within(1e-6f));
            SimilarityHeatmap heatmap = OcclusionHeatmap.compute(model, query, match, OcclusionSettings.grid(4),
                    HeatmapProgress.NONE);
            double[] heat = heatmap.normalised();
            List<Integer> hot = new ArrayList<>();
            for (int i = 0; i < heat.length; i++) {
                if (heat[i] > 0.5) {
                    hot.add(i);
                }
            }
            assertThat(hot).containsExactly(0, 1, 4, 5); // the 2 x 2 squares of the top-left quadrant
            assertThat(heatmap.embeds()).isEqualTo(17);
        }
    }

    @Test
    void hidingWhatDiffersFromTheMatchBringsThePhotoCloser() throws Exception {
        TopLeftMean model = new TopLeftMean();
        BufferedImage query = quadrants();
        float[] grey = {128 / 255f, 128 / 255f, 128 / 255f}; // a match that is mid grey
        SimilarityHeatmap heatmap = OcclusionHeatmap.compute(model, query, grey, OcclusionSettings.grid(2), HeatmapProgress.NONE);
        assertThat(heatmap.increase(0)).isNegative(); // hiding the red quadrant makes it grey: the match
        assertThat(heatmap.distances()[0]).isCloseTo(0, within(1e-6));
        assertThat(heatmap.normalised()).containsExactly(new double[] {-1, 0, 0, 0}, within(1e-9));
        assertThat(heatmap.strongest()).isEqualTo(-1);
    }

    @Test
    void aBlurredPatchKeepsItsColoursAndLosesItsShapes() {
        BufferedImage stripes = new BufferedImage(40, 40, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 40; x++) {
            for (int y = 0; y < 40; y++) {
                stripes.setRGB(x, y, x % 2 == 0 ? 0xFFFFFF : 0x000000);
            }
        }
        Occluder occluder = new Occluder(stripes);
        BufferedImage blurred = occluder.hide(new Rectangle(0, 0, 20, 20), OcclusionSettings.Fill.BLUR);
        int centre = blurred.getRGB(10, 10) & 0xFF;
        assertThat(centre).isBetween(110, 145); // black and white stripes become their mean grey
        assertThat(blurred.getRGB(30, 30) & 0xFFFFFF).isEqualTo(stripes.getRGB(30, 30) & 0xFFFFFF); // outside: untouched
        BufferedImage grey = occluder.hide(new Rectangle(0, 0, 20, 20), OcclusionSettings.Fill.GREY);
        assertThat(grey.getRGB(5, 5) & 0xFFFFFF).isEqualTo(Occluder.GREY);
        assertThat(grey.getRGB(20, 5) & 0xFFFFFF).isEqualTo(stripes.getRGB(20, 5) & 0xFFFFFF);
        assertThat(occluder.original().getRGB(5, 5) & 0xFFFFFF).isEqualTo(stripes.getRGB(5, 5) & 0xFFFFFF);
    }

    @Test
    void theSquaresTileThePictureAndLargerPatchesOverlapWithinIt() {
        List<OcclusionGrid.Cell> cells = OcclusionGrid.cells(100, 70, OcclusionSettings.grid(7));
        assertThat(cells).hasSize(49);
        long area = cells.stream().mapToLong(c -> (long) c.cell().width * c.cell().height).sum();
        assertThat(area).isEqualTo(100 * 70);
        assertThat(cells.get(48).cell().x + cells.get(48).cell().width).isEqualTo(100);
        assertThat(cells.get(48).cell().y + cells.get(48).cell().height).isEqualTo(70);
        List<OcclusionGrid.Cell> wide = OcclusionGrid.cells(80, 80, new OcclusionSettings(4, 4, 2, OcclusionSettings.Fill.GREY));
        assertThat(wide.get(5).patch()).isEqualTo(new Rectangle(10, 10, 40, 40)); // square 20..40 doubled around its centre
        assertThat(wide.get(0).patch()).isEqualTo(new Rectangle(0, 0, 30, 30)); // clipped at the edge
        assertThatThrownBy(() -> OcclusionGrid.cells(5, 5, OcclusionSettings.grid(8))).hasMessageContaining("too small");
        assertThatThrownBy(() -> OcclusionSettings.grid(33)).hasMessageContaining("1 to 32");
    }

    @Test
    void cancellingStopsBetweenEmbedsAndProgressCountsEveryEmbed() {
        TopLeftMean model = new TopLeftMean();
        List<Integer> seen = new ArrayList<>();
        HeatmapProgress stopAtTen = new HeatmapProgress() {
            @Override
            public void progress(int done, int total) {
                assertThat(total).isEqualTo(65);
                seen.add(done);
            }

            @Override
            public boolean isCancelled() {
                return seen.size() > 0 && seen.get(seen.size() - 1) >= 10;
            }
        };
        assertThatThrownBy(() -> OcclusionHeatmap.compute(model, quadrants(), new float[3], OcclusionSettings.DEFAULT, stopAtTen))
                .isInstanceOf(CancellationException.class);
        assertThat(model.calls.get()).isEqualTo(10);
        assertThat(seen).startsWith(0, 1, 2).endsWith(10);
    }

    @Test
    void aMatchFromAnotherModelIsRefused() {
        assertThatThrownBy(() -> OcclusionHeatmap.compute(new ColorHistogramEmbedder(), quadrants(), new float[3],
                OcclusionSettings.grid(2), HeatmapProgress.NONE))
                .isInstanceOf(EmbeddingException.class).hasMessageContaining("3-d");
    }

    @Test
    void theOverlayIsRedWhereHidingMovedThePhotoAwayAndUntouchedElsewhere() throws Exception {
        TopLeftMean model = new TopLeftMean();
        BufferedImage query = quadrants();
        SimilarityHeatmap heatmap = OcclusionHeatmap.compute(model, query, model.embed(query), OcclusionSettings.grid(2),
                HeatmapProgress.NONE);
        BufferedImage painted = HeatmapOverlay.paint(query, heatmap);
        assertThat(painted.getRGB(48, 36) & 0xFFFFFF).isEqualTo(0xFFFFFF); // white quadrant: no heat
        Color hot = new Color(painted.getRGB(16, 24 / 2));
        assertThat(hot.getRed()).isGreaterThan(200);
        assertThat(new Color(painted.getRGB(16, 12)).getRGB()).isNotEqualTo(Color.RED.getRGB()); // tinted, not the photo
        assertThat(painted.getRGB(0, 0) & 0xFFFFFF).isEqualTo(0xFFFFFF); // the strongest square is outlined
        assertThatThrownBy(() -> HeatmapOverlay.paint(new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB), heatmap))
                .hasMessageContaining("64 x 48");
    }
}
