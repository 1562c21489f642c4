package org.visualsearch.core.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class VectorIndexTest {

    private static final VectorIndex LINE = VectorIndex.of(2, List.of(
            new float[] {0, 0}, new float[] {3, 4}, new float[] {1, 0}, new float[] {0, 2}, new float[] {-1, 0}));

    @Test
    void nearestReturnsClosestFirstWithEuclideanDistances() {
        List<Neighbor> hits = LINE.nearest(new float[] {0, 0}, 3);

        assertThat(hits).extracting(Neighbor::index).containsExactly(0, 2, 4);
        assertThat(hits.get(0).distance()).isEqualTo(0f);
        assertThat(hits.get(1).distance()).isEqualTo(1f);
    }

    @Test
    void tiesAreBrokenByIndex() {
        // indices 2 and 4 are both at distance 1 from the origin; 0 is excluded
        assertThat(LINE.nearest(new float[] {0, 0}, 2, 0)).extracting(Neighbor::index).containsExactly(2, 4);
        assertThat(LINE.rankAll(new float[] {0, 0})).extracting(Neighbor::index).containsExactly(0, 2, 4, 3, 1);
    }

    @Test
    void excludeLeavesTheQueryOut() {
        List<Neighbor> hits = LINE.nearest(new float[] {3, 4}, 10, 1);

        assertThat(hits).hasSize(4).extracting(Neighbor::index).doesNotContain(1);
        assertThat(hits.get(0).index()).isEqualTo(3); // (0,2) is sqrt(9+4) from (3,4)
        assertThat(hits.get(0).distance()).isCloseTo((float) Math.sqrt(13), within(1e-6f));
    }

    @Test
    void kLargerThanTheIndexReturnsEverything() {
        assertThat(LINE.nearest(new float[] {0, 0}, 99)).hasSize(5);
    }

    @Test
    void nearestAgreesWithFullRankingOnRandomData() {
        Random random = new Random(42);
        List<float[]> vectors = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            float[] v = new float[16];
            for (int j = 0; j < v.length; j++) {
                v[j] = random.nextInt(3); // coarse values force many exact ties
            }
            vectors.add(v);
        }
        VectorIndex index = VectorIndex.of(16, vectors);
        float[] query = vectors.get(17);

        assertThat(index.nearest(query, 25)).isEqualTo(index.rankAll(query).subList(0, 25));
    }

    @Test
    void rankAllOrdersByDistanceThenIndexLikeASortOfAllNeighbours() {
        Random random = new Random(7);
        List<float[]> vectors = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            float[] v = new float[8];
            for (int j = 0; j < v.length; j++) {
                v[j] = random.nextInt(3) * 0.5f - 0.5f; // many exact ties
            }
            vectors.add(v);
        }
        VectorIndex index = VectorIndex.of(8, vectors);
        float[] query = {0.1f, -0.2f, 0.3f, 0f, 0.5f, -0.5f, 0.25f, 0f};

        List<Neighbor> expected = new ArrayList<>();
        for (int i = 0; i < vectors.size(); i++) {
            float sum = 0f; // in float, as the index sums
            for (int j = 0; j < 8; j++) {
                float d = query[j] - vectors.get(i)[j];
                sum += d * d;
            }
            expected.add(new Neighbor(i, sum));
        }
        expected.sort(java.util.Comparator.comparingDouble(Neighbor::distance).thenComparingInt(Neighbor::index));

        List<Neighbor> ranked = index.rankAll(query);
        assertThat(ranked).extracting(Neighbor::index)
                .containsExactlyElementsOf(expected.stream().map(Neighbor::index).toList());
        for (int i = 0; i < ranked.size(); i++) {
            assertThat(ranked.get(i).distance())
                    .isCloseTo((float) Math.sqrt(expected.get(i).distance()), within(1e-5f));
        }
    }

    @Test
    void rejectsMismatchedDimensions() {
        assertThatThrownBy(() -> LINE.nearest(new float[] {1, 2, 3}, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dimension 3");
        assertThatThrownBy(() -> VectorIndex.of(2, List.of(new float[] {1})))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("vector 0");
    }
}
