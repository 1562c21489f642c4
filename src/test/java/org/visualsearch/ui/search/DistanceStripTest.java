package org.visualsearch.ui.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DistanceStripTest {

    @Test
    void aSmallRankingIsDrawnWhole() {
        assertThat(DistanceStrip.sampledRanks(30)).containsExactly(java.util.stream.IntStream.range(0, 30).toArray());
        assertThat(DistanceStrip.sampledRanks(0)).isEmpty();
    }

    @Test
    void aLargeRankingKeepsTheFirstRanksAndAnEvenSubsampleEndingAtTheLast() {
        int[] ranks = DistanceStrip.sampledRanks(100_000);
        assertThat(ranks).hasSize(DistanceStrip.DENSE + DistanceStrip.SAMPLED);
        assertThat(Arrays.copyOf(ranks, DistanceStrip.DENSE))
                .containsExactly(java.util.stream.IntStream.range(0, DistanceStrip.DENSE).toArray());
        assertThat(ranks).isSorted().doesNotHaveDuplicates();
        assertThat(ranks[ranks.length - 1]).isEqualTo(99_999);
        int step = ranks[DistanceStrip.DENSE + 1] - ranks[DistanceStrip.DENSE];
        assertThat(step).isBetween(331, 333); // (100,000 - 300) / 300
    }
}
