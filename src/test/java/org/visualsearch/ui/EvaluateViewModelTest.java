package org.visualsearch.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.visualsearch.ui.FxThread.fx;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.visualsearch.core.evaluation.EvaluationBenchmark;
import org.visualsearch.core.evaluation.EvaluationCache;
import org.visualsearch.core.evaluation.GalleryEvaluation;
import org.visualsearch.core.evaluation.GalleryEvaluator;
import org.visualsearch.core.evaluation.PhotoCredits;
import org.visualsearch.core.search.IndexedGallery;
import org.visualsearch.ui.evaluate.EvaluateViewModel;

/** The Evaluate view-model without a window: background run, progress, cancel, cache, gallery changes. */
class EvaluateViewModelTest {
    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    private final SimpleObjectProperty<IndexedGallery> gallery = new SimpleObjectProperty<>();
    private final AtomicInteger baselineCalls = new AtomicInteger();
    private EvaluateViewModel vm;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    private EvaluateViewModel viewModel(EvaluationCache cache) throws Exception {
        return fx(() -> new EvaluateViewModel(gallery, executor, cache, entry -> java.util.Optional.empty(), PhotoCredits.none(),
                g -> {
                    baselineCalls.incrementAndGet();
                    return OptionalDouble.of(0.5);
                }));
    }

    /** Waits until the view-model is idle with an evaluation or a message, via a latch on its running flag. */
    private void awaitIdle() throws Exception {
        CountDownLatch idle = new CountDownLatch(1);
        fx(() -> {
            if (!vm.runningProperty().get()) {
                idle.countDown();
            }
            vm.runningProperty().addListener((o, was, now) -> {
                if (!now) {
                    idle.countDown();
                }
            });
        });
        assertThat(idle.await(60, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void evaluatesOffTheFxThreadWithProgressThenSelectsTheWorstQuery() throws Exception {
        IndexedGallery g = EvaluationBenchmark.syntheticGallery(3_000, 16, 3);
        GalleryEvaluation expected = GalleryEvaluator.evaluate(g);
        vm = viewModel(new EvaluationCache(2));
        List<Double> progress = new ArrayList<>();
        fx(() -> {
            vm.progressProperty().addListener((o, a, b) -> progress.add(b.doubleValue()));
            gallery.set(g);
            assertThat(vm.evaluate()).isTrue();
            assertThat(vm.runningProperty().get()).isTrue();
        });
        awaitIdle();
        fx(() -> {
            GalleryEvaluation e = vm.evaluationProperty().get();
            assertThat(e.meanPrecision()).isEqualTo(expected.meanPrecision());
            assertThat(vm.categories()).hasSize(expected.categories().size());
            assertThat(vm.worstFirstProperty().get()).hasSize(expected.queryCount());
            assertThat(vm.selectedQueryProperty().get()).isEqualTo(expected.worstFirst().get(0));
            assertThat(vm.baselineProperty().get()).isEqualTo(0.5);
            assertThat(vm.messageProperty().get()).contains("3,000 photos, 3,000 queries scored");
        });
        assertThat(progress).isNotEmpty().isSorted();
        assertThat(progress.get(progress.size() - 1)).isEqualTo(1.0);
    }

    @Test
    void cancelStopsTheRunAndSaysSo() throws Exception {
        gallery.set(EvaluationBenchmark.syntheticGallery(20_000, 64, 4));
        vm = viewModel(new EvaluationCache(2));
        fx(() -> {
            vm.evaluate();
            vm.cancel();
        });
        awaitIdle();
        fx(() -> {
            assertThat(vm.evaluationProperty().get()).isNull();
            assertThat(vm.messageProperty().get()).isEqualTo("Evaluation cancelled.");
        });
    }

    @Test
    void theSameGalleryAgainComesFromTheCacheAndAnotherOneClearsTheShownResult() throws Exception {
        IndexedGallery a = EvaluationBenchmark.syntheticGallery(500, 8, 5);
        IndexedGallery b = EvaluationBenchmark.syntheticGallery(600, 8, 6);
        EvaluationCache cache = new EvaluationCache(4);
        vm = viewModel(cache);
        fx(() -> {
            gallery.set(a);
            vm.evaluate();
        });
        awaitIdle();
        GalleryEvaluation first = fx(() -> vm.evaluationProperty().get());
        // Showing the view on another gallery evaluates it; the old result is not shown meanwhile.
        fx(() -> {
            vm.activeProperty().set(true);
            gallery.set(b);
            assertThat(vm.evaluationProperty().get()).isNull();
        });
        awaitIdle();
        assertThat(fx(() -> vm.evaluationProperty().get().gallerySize())).isEqualTo(600);
        // Back to the first (e.g. a model switched back): the very same evaluation, from the cache.
        fx(() -> gallery.set(EvaluationBenchmark.syntheticGallery(500, 8, 5)));
        awaitIdle();
        assertThat(fx(() -> vm.evaluationProperty().get())).isSameAs(first);
        assertThat(cache.size()).isEqualTo(2);
    }

    @Test
    void anEmptyGalleryIsNotEvaluated() throws Exception {
        vm = viewModel(new EvaluationCache(1));
        assertThat(fx(() -> vm.evaluate())).isFalse();
        assertThat(fx(() -> vm.messageProperty().get())).contains("No gallery");
        assertThat(baselineCalls.get()).isZero();
    }
}
