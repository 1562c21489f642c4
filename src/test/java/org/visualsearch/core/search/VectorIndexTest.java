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

        List<Neighbor> ranked = index.rankAll(query);
        assertThat(ranked).hasSize(vectors.size());
        assertThat(ranked).extracting(Neighbor::index).doesNotHaveDuplicates();
        for (int i = 0; i < ranked.size(); i++) {
            Neighbor n = ranked.get(i);
            assertThat(n.distance()).isCloseTo((float) exactDistance(query, vectors.get(n.index())), within(1e-5f));
            if (i > 0) {
                // (ties by index are decided on squared distances, which the square root may merge)
                assertThat(ranked.get(i - 1).distance()).isLessThanOrEqualTo(n.distance());
            }
        }
    }

    @Test
    void splittingTheScanOverThreadsGivesTheSameResultsAsOneThread() {
        int dim = 64;
        int n = (int) (VectorIndex.PARALLEL_THRESHOLD / dim) + 1_000; // just above the split threshold
        Random random = new Random(3);
        float[] data = new float[n * dim];
        for (int i = 0; i < data.length; i++) {
            data[i] = random.nextInt(4) * 0.25f; // coarse: ties across the slices' borders
        }
        VectorIndex one = VectorIndex.wrap(dim, data).withParallelism(1);
        for (int threads : new int[] {2, 3, 8}) {
            VectorIndex many = VectorIndex.wrap(dim, data).withParallelism(threads);
            for (int q = 0; q < 3; q++) {
                float[] query = one.vector(random.nextInt(n));
                assertThat(many.nearest(query, 5)).isEqualTo(one.nearest(query, 5));
                assertThat(many.nearest(query, 40, 17)).isEqualTo(one.nearest(query, 40, 17));
                assertThat(many.rankAll(query).subList(0, 1_000)).isEqualTo(one.rankAll(query).subList(0, 1_000));
            }
        }
    }

    @Test
    void topKAgreesWithTheRankingForDimensionsThatAreNoMultipleOfTheUnrolling() {
        Random random = new Random(11);
        for (int dim : new int[] {1, 3, 7, 17, 67}) {
            List<float[]> vectors = new ArrayList<>();
            for (int i = 0; i < 3_000; i++) {
                float[] v = new float[dim];
                for (int j = 0; j < dim; j++) {
                    v[j] = (float) random.nextGaussian();
                }
                vectors.add(v);
            }
            VectorIndex index = VectorIndex.of(dim, vectors);
            float[] query = vectors.get(5);
            List<Neighbor> ranking = index.rankAll(query);
            assertThat(index.nearest(query, 10)).as("dim %d", dim).isEqualTo(ranking.subList(0, 10));
            Neighbor tenth = ranking.get(9);
            assertThat(tenth.distance()).as("dim %d", dim)
                    .isCloseTo((float) exactDistance(query, vectors.get(tenth.index())), within(1e-4f));
        }
    }

    private static double exactDistance(float[] a, float[] b) {
        double sum = 0;
        for (int j = 0; j < a.length; j++) {
            double d = (double) a[j] - b[j];
            sum += d * d;
        }
        return Math.sqrt(sum);
    }

    @Test
    void rejectsMismatchedDimensions() {
        assertThatThrownBy(() -> LINE.nearest(new float[] {1, 2, 3}, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dimension 3");
        assertThatThrownBy(() -> VectorIndex.of(2, List.of(new float[] {1})))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("vector 0");
    }
}
