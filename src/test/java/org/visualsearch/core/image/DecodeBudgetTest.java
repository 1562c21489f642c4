package org.visualsearch.core.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Big decodes take their share of the budget and wait for it; small ones never do. */
class DecodeBudgetTest {
    private static final long MB = 1L << 20;

    @Test
    void smallDecodesTakeNothing() throws Exception {
        DecodeBudget budget = new DecodeBudget(64 * MB);
        try (DecodeBudget.Lease a = budget.acquire(8 * MB); DecodeBudget.Lease b = budget.acquire(1)) {
            assertThat(budget.availableMegabytes()).isEqualTo(64);
        }
    }

    @Test
    void aDecodeLargerThanTheBudgetTakesAllOfItAndGivesItBackOnce() throws Exception {
        DecodeBudget budget = new DecodeBudget(64 * MB);
        DecodeBudget.Lease lease = budget.acquire(500 * MB);
        assertThat(budget.availableMegabytes()).isZero();
        lease.close();
        lease.close();
        assertThat(budget.availableMegabytes()).isEqualTo(64);
    }

    @Test
    void aSecondBigDecodeWaitsUntilTheFirstEnds() throws Exception {
        DecodeBudget budget = new DecodeBudget(64 * MB);
        DecodeBudget.Lease first = budget.acquire(40 * MB);
        assertThat(budget.availableMegabytes()).isEqualTo(24);
        CountDownLatch acquired = new CountDownLatch(1);
        Thread second = new Thread(() -> {
            try (DecodeBudget.Lease lease = budget.acquire(40 * MB)) {
                acquired.countDown();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        second.start();
        while (budget.waiting() == 0) { // until the second one is queued for its share
            Thread.onSpinWait();
        }
        assertThat(acquired.getCount()).as("still waiting while the first decode holds its share").isEqualTo(1);
        first.close();
        assertThat(acquired.await(10, TimeUnit.SECONDS)).isTrue();
        second.join();
        assertThat(budget.availableMegabytes()).isEqualTo(64);
    }

    @Test
    void progressiveJpegsCountTheirWholeCoefficientBuffer() {
        assertThat(ImageLoader.transientBytes(6000, 4000, 5, true)).isEqualTo(72_000_000L);
        assertThat(ImageLoader.transientBytes(6000, 4000, 5, false)).isEqualTo(6000L * 4000 / 25 * 4);
    }
}
