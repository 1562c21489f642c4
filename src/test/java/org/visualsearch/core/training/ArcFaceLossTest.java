package org.visualsearch.core.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.visualsearch.core.model.DjlEnvironment;

/** The toy cases of tools/model-export/test_arcface.py, with the same expected values. */
class ArcFaceLossTest {

    private static NDManager manager;

    @BeforeAll
    static void start() {
        DjlEnvironment.configure();
        manager = NDManager.newBaseManager("PyTorch");
    }

    @AfterAll
    static void stop() {
        manager.close();
    }

    private static float loss(float[][] emb, float[][] centres, long label, float s, float m) {
        NDArray cos = ArcFaceLoss.cosines(manager.create(emb), manager.create(centres));
        return ArcFaceLoss.loss(cos, manager.create(new long[] {label}), s, m).getFloat();
    }

    private static double softmaxLoss(double target, double other) {
        return -Math.log(Math.exp(target) / (Math.exp(target) + Math.exp(other)));
    }

    @Test
    void twoClassesByHand() {
        // embedding at 60 degrees from class 0's centre and 30 degrees from class 1's; norms are irrelevant
        float[][] emb = {{(float) (5 * Math.cos(Math.PI / 3)), (float) (5 * Math.sin(Math.PI / 3))}};
        float[][] w = {{1, 0}, {0, 2}};
        float s = 2;
        float m = 0.5f;
        double expected0 = softmaxLoss(s * Math.cos(Math.PI / 3 + m), s * Math.cos(Math.PI / 6));
        assertThat((double) loss(emb, w, 0, s, m)).isCloseTo(expected0, within(1e-5));
        double expected1 = softmaxLoss(s * Math.cos(Math.PI / 6 + m), s * Math.cos(Math.PI / 3));
        assertThat((double) loss(emb, w, 1, s, m)).isCloseTo(expected1, within(1e-5));
    }

    @Test
    void zeroMarginIsScaledSoftmax() {
        // cosines 1 and 0: loss = -log(e^s / (e^s + 1)) = log(1 + e^-s)
        float got = loss(new float[][] {{1, 0}}, new float[][] {{1, 0}, {0, 1}}, 0, 3, 0);
        assertThat((double) got).isCloseTo(Math.log(1 + Math.exp(-3.0)), within(1e-5));
    }

    @Test
    void marginFallsBackBeyondPi() {
        // target at 170 degrees, m = 0.3: theta + m > pi, so the logit is s * (cos(theta) - m * sin(m))
        double a = Math.toRadians(170);
        NDArray cos = ArcFaceLoss.cosines(manager.create(new float[][] {{(float) Math.cos(a), (float) Math.sin(a)}}),
                manager.create(new float[][] {{1, 0}, {0, 1}}));
        float[] logits = ArcFaceLoss.logits(cos, manager.create(new long[] {0}), 1, 0.3f).toFloatArray();
        assertThat((double) logits[0]).isCloseTo(Math.cos(a) - 0.3 * Math.sin(0.3), within(1e-5));
        assertThat((double) logits[1]).isCloseTo(Math.sin(a), within(1e-5));
    }

    @Test
    void marginRaisesLoss() {
        NDArray emb = manager.randomNormal(new ai.djl.ndarray.types.Shape(8, 4));
        NDArray w = manager.randomNormal(new ai.djl.ndarray.types.Shape(3, 4));
        NDArray y = manager.create(new long[] {0, 1, 2, 0, 1, 2, 0, 1});
        NDArray cos = ArcFaceLoss.cosines(emb, w);
        assertThat(ArcFaceLoss.loss(cos, y, 10, 0.3f).getFloat())
                .isGreaterThan(ArcFaceLoss.loss(cos, y, 10, 0).getFloat());
    }

    @Test
    void weightedSumOverLabelSets() {
        NDArray cos = ArcFaceLoss.cosines(manager.create(new float[][] {{1, 0}}), manager.create(new float[][] {{1, 0}, {0, 1}}));
        NDArray y = manager.create(new long[] {0});
        ArcFaceLoss both = new ArcFaceLoss(3, 0, java.util.List.of(1f, 0.5f));
        float got = both.evaluate(new ai.djl.ndarray.NDList(y, y), new ai.djl.ndarray.NDList(cos, cos)).getFloat();
        assertThat((double) got).isCloseTo(1.5 * Math.log(1 + Math.exp(-3.0)), within(1e-5));
    }

    /**
     * The arccos edge: an embedding equal to its class centre (cos 1), opposite to it (cos -1),
     * rounding just past 1, and a zero embedding. The loss and every gradient stay finite (the
     * cosines are clamped inside [-1, 1] before sin(theta) = sqrt(1 - cos^2), whose derivative
     * is infinite at the edge; the fallback beyond pi takes cos = -1).
     */
    @Test
    void lossAndGradientsStayFiniteAtTheArccosEdge() {
        float[][] emb = {{1, 0}, {-1, 0}, {1, 1e-9f}, {0, 0}, {-1, 1e-9f}};
        float[][] centres = {{1, 0}, {0, 1}};
        long[] labels = {0, 0, 0, 1, 0};
        try (NDManager scope = manager.newSubManager()) {
            NDArray e = scope.create(emb);
            NDArray w = scope.create(centres);
            e.setRequiresGradient(true);
            w.setRequiresGradient(true);
            float value;
            try (ai.djl.training.GradientCollector collector =
                         ai.djl.engine.Engine.getEngine("PyTorch").newGradientCollector()) {
                NDArray loss = ArcFaceLoss.loss(ArcFaceLoss.cosines(e, w), scope.create(labels), 64, 0.5f);
                collector.backward(loss);
                value = loss.getFloat();
            }
            assertThat(value).isFinite();
            for (float g : e.getGradient().toFloatArray()) {
                assertThat(g).isFinite();
            }
            for (float g : w.getGradient().toFloatArray()) {
                assertThat(g).isFinite();
            }
            // the centre's own sample (cos 1, logit s cos(m)) and the opposite one (fallback: s (-1 - m sin m))
            float[] logits = ArcFaceLoss.logits(ArcFaceLoss.cosines(scope.create(emb), scope.create(centres)),
                    scope.create(labels), 1, 0.5f).toFloatArray();
            // sin(theta) of the clamped cosine is 5e-4, not 0
            assertThat((double) logits[0]).isCloseTo(Math.cos(0.5), within(1e-3));
            assertThat((double) logits[2]).isCloseTo(-1 - 0.5 * Math.sin(0.5), within(1e-4));
        }
    }
}
