package org.visualsearch.core.training;

import org.visualsearch.core.model.HeadWeights;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.visualsearch.core.model.DjlEnvironment;

class HeadTrainerTest {

    private static final TrainingOptions OPTIONS = TrainingOptions.DEFAULTS.withEpochs(200).withValidationShare(0.3);

    @BeforeAll
    static void djl() {
        DjlEnvironment.configure();
    }

    @Test
    void trainingSeparatesClassesHiddenInFewDirections() {
        LabelledFeatures data = SyntheticFeatures.make(4, 60, 32, 3, 1);
        List<EpochStats> seen = new ArrayList<>();
        Figures[] start = new Figures[2];
        TrainingResult result = HeadTrainer.train(data, OPTIONS, null, new TrainingListener() {
            @Override
            public void onStart(Figures base, Figures untrained) {
                start[0] = base;
                start[1] = untrained;
            }

            @Override
            public void onEpoch(EpochStats stats) {
                seen.add(stats);
            }
        }, () -> false);

        assertThat(seen).hasSize(200);
        assertThat(result.history()).isEqualTo(seen);
        assertThat(start[0].category()).as("plain features").isLessThan(0.7);
        assertThat(start[1].category()).as("untrained head").isLessThan(0.7);
        assertThat(result.trained().category()).as("trained head").isGreaterThanOrEqualTo(0.95);
        assertThat(seen.get(199).loss()).isLessThan(seen.get(0).loss());
        assertThat(result.trained().instance()).isNaN();
        assertThat(result.options().labelMode()).isEqualTo(LabelMode.CATEGORY);
        // validation rows never train
        assertThat(result.split().train()).doesNotContainAnyElementsOf(result.split().validation());
        assertThat(result.split().validation()).hasSize(72); // 30% of each class of 60
    }

    @Test
    void sameSeedSameWeightsOtherSeedOtherWeights() {
        LabelledFeatures data = SyntheticFeatures.make(3, 20, 16, 2, 2);
        TrainingOptions opts = OPTIONS.withEpochs(15);
        HeadWeights a = HeadTrainer.train(data, opts, null, TrainingListener.NONE, () -> false).head();
        HeadWeights b = HeadTrainer.train(data, opts, null, TrainingListener.NONE, () -> false).head();
        HeadWeights c = HeadTrainer.train(data, opts.withSeed(7), null, TrainingListener.NONE, () -> false).head();
        assertThat(b.weight()).containsExactly(a.weight());
        assertThat(b.bias()).containsExactly(a.bias());
        assertThat(c.weight()).isNotEqualTo(a.weight());
    }

    @Test
    void cancelStopsBeforeTheNextEpoch() {
        LabelledFeatures data = SyntheticFeatures.make(3, 20, 16, 2, 3);
        AtomicInteger epochs = new AtomicInteger();
        assertThatThrownBy(() -> HeadTrainer.train(data, OPTIONS, null, new TrainingListener() {
            @Override
            public void onEpoch(EpochStats stats) {
                epochs.incrementAndGet();
            }
        }, () -> epochs.get() >= 3)).isInstanceOf(CancellationException.class);
        assertThat(epochs.get()).isEqualTo(3);
    }

    @Test
    void oneCategoryIsRefused() {
        LabelledFeatures data = SyntheticFeatures.make(1, 10, 8, 2, 4);
        assertThatThrownBy(() -> HeadTrainer.train(data, OPTIONS, null, TrainingListener.NONE, () -> false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least two categories");
    }

    @Test
    void aDivergingRunStopsWithAClearMessageInsteadOfReturningNaNWeights() {
        LabelledFeatures data = SyntheticFeatures.make(3, 20, 16, 2, 5);
        // AdamW with lr 10 and weight decay 10 multiplies the weights by -99 each step: infinity soon
        TrainingOptions wild = new TrainingOptions(8, 0.3f, 30f, 0.3f, 200, 10f, 10f, LabelMode.AUTO, 0.3, 0);
        List<EpochStats> seen = new ArrayList<>();
        assertThatThrownBy(() -> HeadTrainer.train(data, wild, null, new TrainingListener() {
            @Override
            public void onEpoch(EpochStats stats) {
                seen.add(stats);
            }
        }, () -> false)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("training stopped at epoch").hasMessageContaining("nothing was saved");
        assertThat(seen).allSatisfy(s -> assertThat(s.loss()).isFinite()).hasSizeLessThan(200);
    }

    @Test
    void aPhotoWithNonFiniteFeaturesIsNamed() {
        LabelledFeatures ok = SyntheticFeatures.make(3, 10, 8, 2, 6);
        float[] features = ok.features().clone();
        features[7 * 8 + 3] = Float.NaN;
        LabelledFeatures bad = new LabelledFeatures(ok.samples(), features, 8, ok.backboneId());
        assertThatThrownBy(() -> HeadTrainer.train(bad, OPTIONS, null, TrainingListener.NONE, () -> false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(String.valueOf(ok.samples().get(7).path())).hasMessageContaining("not finite");
    }

    @Test
    void trainsOnOneLibtorchThreadAndGivesTheCallersThreadCountBack() {
        LabelledFeatures data = SyntheticFeatures.make(3, 20, 16, 2, 2);
        ai.djl.engine.Engine.getEngine("PyTorch"); // loads the natives JniUtils calls
        int before = ai.djl.pytorch.jni.JniUtils.getNumThreads();
        ai.djl.pytorch.jni.JniUtils.setNumThreads(2);
        try {
            int[] during = new int[1];
            HeadTrainer.train(data, OPTIONS.withEpochs(2), null, new TrainingListener() {
                @Override
                public void onEpoch(EpochStats stats) {
                    during[0] = ai.djl.pytorch.jni.JniUtils.getNumThreads();
                }
            }, () -> false);
            assertThat(during[0]).isEqualTo(1);
            assertThat(ai.djl.pytorch.jni.JniUtils.getNumThreads()).isEqualTo(2);
        } finally {
            ai.djl.pytorch.jni.JniUtils.setNumThreads(before);
        }
    }
}
