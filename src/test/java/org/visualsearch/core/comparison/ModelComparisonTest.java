package org.visualsearch.core.comparison;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.visualsearch.core.search.GalleryEntry;
import org.visualsearch.core.search.IndexedGallery;
import org.visualsearch.core.metrics.Evaluation;
import org.visualsearch.core.metrics.LeaveOneOutEvaluator;
import org.visualsearch.core.model.ModelInfo;
import org.visualsearch.core.search.VectorIndex;

/** Two tiny hand-made "models" on a toy gallery of 3 categories x 4 photos plus one unlabelled photo. */
class ModelComparisonTest {
    static final String[] CATEGORIES = {"cat", "dog", "fox"};

    static List<GalleryEntry> entries() {
        List<GalleryEntry> entries = new ArrayList<>();
        for (String c : CATEGORIES) {
            for (int i = 0; i < 4; i++) {
                entries.add(new GalleryEntry(Path.of(c, c + i + ".jpg"), c, c + "-hash-" + i));
            }
        }
        entries.add(new GalleryEntry(Path.of("stray.jpg"), null, "stray-hash"));
        return entries;
    }

    /** Model A: each category a tight cluster far from the others. */
    static float[] vectorA(GalleryEntry e) {
        int c = e.category() == null ? 9 : List.of(CATEGORIES).indexOf(e.category());
        int i = e.path().getFileName().toString().charAt(3) - '0';
        return new float[] {10 * c + 0.1f * i, 0};
    }

    /** Model B: cats stay a cluster, dogs and foxes interleave on a line. */
    static float[] vectorB(GalleryEntry e) {
        if (e.category() == null) {
            return new float[] {50, 50};
        }
        int i = e.category().equals("cat") ? 0 : e.path().getFileName().toString().charAt(3) - '0';
        return switch (e.category()) {
            case "cat" -> new float[] {0.1f * (e.path().getFileName().toString().charAt(3) - '0'), 0};
            case "dog" -> new float[] {20 + 2 * i, 0};
            default -> new float[] {21 + 2 * i, 0};
        };
    }

    static IndexedGallery gallery(String model, List<GalleryEntry> entries, boolean b) {
        List<float[]> vectors = new ArrayList<>();
        for (GalleryEntry e : entries) {
            vectors.add(b ? vectorB(e) : vectorA(e));
        }
        return new IndexedGallery(new ModelInfo(model, model, 2), entries, VectorIndex.of(2, vectors));
    }

    @Test
    void bothScoresAndTablesAreTheEvaluatorsAndTheDifferenceIsBMinusA() {
        IndexedGallery a = gallery("A", entries(), false);
        IndexedGallery b = gallery("B", entries(), true);
        ModelComparison c = ModelComparison.of(a, b);
        Evaluation ea = LeaveOneOutEvaluator.evaluate(a);
        Evaluation eb = LeaveOneOutEvaluator.evaluate(b);
        assertThat(c.meanPrecisionA()).isCloseTo(ea.meanPrecision(), within(1e-12)).isEqualTo(1.0);
        assertThat(c.meanPrecisionB()).isCloseTo(eb.meanPrecision(), within(1e-12)).isLessThan(1.0);
        assertThat(c.difference()).isCloseTo(eb.meanPrecision() - ea.meanPrecision(), within(1e-12));
        assertThat(c.queries()).hasSize(12); // the unlabelled photo is no query
        assertThat(c.categories()).extracting(CategoryRow::category).containsExactly("cat", "dog", "fox");
        for (CategoryRow row : c.categories()) {
            assertThat(row.queries()).isEqualTo(4);
            assertThat(row.precisionA()).isCloseTo(ea.perLabel().get(row.category()).meanPrecision(), within(1e-12));
            assertThat(row.precisionB()).isCloseTo(eb.perLabel().get(row.category()).meanPrecision(), within(1e-12));
        }
        assertThat(c.categoriesByName().get("cat").difference()).isZero();
        // dog0 at 20 has neighbours fox0 (21), fox1 (23), dog1 (22): 1 of 3 right
        QueryScore dog0 = c.scoreOf(4);
        assertThat(dog0.precisionA()).isEqualTo(1.0);
        assertThat(dog0.precisionB()).isCloseTo(1.0 / 3, within(1e-12));
    }

    @Test
    void theQueriesThatChangedMostComeFirstAndUnchangedOnesAreLeftOut() {
        ModelComparison c = ModelComparison.of(gallery("A", entries(), false), gallery("B", entries(), true));
        List<QueryScore> changed = c.mostChanged(10);
        assertThat(changed).isNotEmpty().allMatch(q -> q.change() != 0);
        assertThat(changed).extracting(q -> Math.abs(q.change())).isSortedAccordingTo(Collections.reverseOrder());
        assertThat(changed).noneMatch(q -> "cat".equals(q.entry().category()));
        assertThat(c.mostChanged(2)).hasSize(2);
    }

    @Test
    void aQuerysTopFiveUnderEachModelCarriesRanksAndDistancesUnderBoth() {
        ModelComparison c = ModelComparison.of(gallery("A", entries(), false), gallery("B", entries(), true));
        QueryComparison q = c.query(4); // dog0
        assertThat(q.topA()).hasSize(5);
        assertThat(q.topB()).hasSize(5);
        assertThat(q.topA()).extracting(ResultRow::rank).containsExactly(1, 2, 3, 4, 5);
        assertThat(q.topA()).extracting(ResultRow::index).doesNotContain(4);
        // under A its nearest is dog1 (distance 0.1); under B dog1 sits at 22: rank 2 behind fox0 at 21
        ResultRow first = q.topA().get(0);
        assertThat(first.entry().path()).isEqualTo(Path.of("dog", "dog1.jpg"));
        assertThat(first.distance()).isCloseTo(0.1f, within(1e-5f));
        assertThat(first.otherRank()).isEqualTo(2);
        assertThat(first.otherDistance()).isCloseTo(2f, within(1e-5f));
        assertThat(first.movedUp()).isEqualTo(1);
        assertThat(first.relevant()).isTrue();
        ResultRow firstB = q.topB().get(0);
        assertThat(firstB.entry().path()).isEqualTo(Path.of("fox", "fox0.jpg"));
        assertThat(firstB.relevant()).isFalse();
        // under A the fox (at 20) comes after the 3 dogs and the 4 cats (cat0 at 0 ties at distance 10, lower index first)
        assertThat(firstB.otherRank()).isEqualTo(8);
        assertThat(firstB.inBothTopK(5)).isFalse();
        assertThat(q.precisionB()).isCloseTo(1.0 / 3, within(1e-12));
    }

    @Test
    void photosOnlyOneModelHasAreLeftOutAndTheOrderDoesNotMatter() {
        List<GalleryEntry> all = entries();
        List<GalleryEntry> shuffled = new ArrayList<>(all.subList(1, all.size())); // B could not read cat0
        Collections.reverse(shuffled);
        ModelComparison c = ModelComparison.of(gallery("A", all, false), gallery("B", shuffled, true));
        assertThat(c.onlyInOne()).isEqualTo(1);
        assertThat(c.galleryA().entries()).isEqualTo(c.galleryB().entries()).hasSize(all.size() - 1);
        List<GalleryEntry> kept = all.subList(1, all.size());
        ModelComparison same = ModelComparison.of(gallery("A", kept, false), gallery("B", kept, true));
        assertThat(c.meanPrecisionA()).isEqualTo(same.meanPrecisionA());
        assertThat(c.meanPrecisionB()).isEqualTo(same.meanPrecisionB());
        assertThat(c.categories()).isEqualTo(same.categories());
    }
}
