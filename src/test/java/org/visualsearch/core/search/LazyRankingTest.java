package org.visualsearch.core.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LazyRankingTest {

    private static long[] shuffledKeys(int n, long seed) {
        List<Long> keys = new ArrayList<>();
        Random random = new Random(seed);
        for (int i = 0; i < n; i++) {
            float squared = random.nextInt(50) / 7f; // many equal distances: the index decides
            keys.add(((long) Float.floatToRawIntBits(squared) << 32) | i);
        }
        Collections.shuffle(keys, random);
        return keys.stream().mapToLong(Long::longValue).toArray();
    }

    @Test
    void readingTheFirstEntriesSortsOnlyTheFirstBlock() {
        long[] keys = shuffledKeys(100_000, 1);
        long[] sorted = keys.clone();
        Arrays.sort(sorted);
        LazyRanking ranking = new LazyRanking(keys);

        for (int i = 0; i < 100; i++) {
            assertThat(ranking.get(i)).isEqualTo(LazyRanking.neighbor(sorted[i]));
        }
        assertThat(ranking.sortedPrefix()).isEqualTo(LazyRanking.FIRST_BLOCK);
    }

    @Test
    void readingInAnyOrderGivesTheFullSortedOrder() {
        long[] keys = shuffledKeys(20_000, 2);
        long[] sorted = keys.clone();
        Arrays.sort(sorted);
        LazyRanking ranking = new LazyRanking(keys);
        Random random = new Random(3);

        for (int probe = 0; probe < 200; probe++) {
            int i = random.nextInt(keys.length);
            assertThat(ranking.get(i)).as("entry %d", i).isEqualTo(LazyRanking.neighbor(sorted[i]));
        }
        List<Neighbor> all = new ArrayList<>(ranking); // reads everything in order
        for (int i = 0; i < sorted.length; i++) {
            assertThat(all.get(i)).isEqualTo(LazyRanking.neighbor(sorted[i]));
        }
        assertThat(ranking.sortedPrefix()).isEqualTo(keys.length);
    }

    @Test
    void selectPutsTheNthKeyInPlaceWithSmallerKeysBeforeIt() {
        Random random = new Random(4);
        for (int round = 0; round < 50; round++) {
            long[] keys = shuffledKeys(1 + random.nextInt(3_000), round);
            long[] sorted = keys.clone();
            Arrays.sort(sorted);
            int nth = random.nextInt(keys.length);
            LazyRanking.select(keys, 0, keys.length - 1, nth);
            assertThat(keys[nth]).isEqualTo(sorted[nth]);
            for (int i = 0; i < keys.length; i++) {
                assertThat(i < nth ? keys[i] <= keys[nth] : keys[i] >= keys[nth]).isTrue();
            }
        }
    }

    @Test
    void isUnmodifiableAndChecksBounds() {
        LazyRanking ranking = new LazyRanking(shuffledKeys(10, 5));
        assertThatThrownBy(() -> ranking.get(10)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> ranking.set(0, new Neighbor(0, 0f))).isInstanceOf(UnsupportedOperationException.class);
    }
}
