package org.visualsearch.core.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Big steps take their share of the budget and wait for it; small ones never do. */
class MemoryBudgetTest {
    private static final long MB = 1L << 20;

    @Test
    void smallDecodesTakeNothing() throws Exception {
        MemoryBudget budget = new MemoryBudget(64 * MB);
        try (MemoryBudget.Lease a = budget.acquire(8 * MB); MemoryBudget.Lease b = budget.acquire(1)) {
            assertThat(budget.availableMegabytes()).isEqualTo(64);
        }
    }

    @Test
    void theHeapIsTrimmedOnceAfterEachBigStepAndNeverForASmallOne() throws Exception {
        java.util.concurrent.atomic.AtomicInteger trims = new java.util.concurrent.atomic.AtomicInteger();
        MemoryBudget budget = new MemoryBudget(64 * MB, trims::incrementAndGet);
        budget.acquire(8 * MB).close();
        assertThat(trims).hasValue(0);
        MemoryBudget.Lease big = budget.acquire(20 * MB);
        assertThat(trims).hasValue(0);
        big.close();
        big.close();
        assertThat(trims).hasValue(1);
    }

    @Test
    void aDecodeLargerThanTheBudgetTakesAllOfItAndGivesItBackOnce() throws Exception {
        MemoryBudget budget = new MemoryBudget(64 * MB);
        MemoryBudget.Lease lease = budget.acquire(500 * MB);
        assertThat(budget.availableMegabytes()).isZero();
        lease.close();
        lease.close();
        assertThat(budget.availableMegabytes()).isEqualTo(64);
    }

    @Test
    void aSecondBigDecodeWaitsUntilTheFirstEnds() throws Exception {
        MemoryBudget budget = new MemoryBudget(64 * MB);
        MemoryBudget.Lease first = budget.acquire(40 * MB);
        assertThat(budget.availableMegabytes()).isEqualTo(24);
        CountDownLatch acquired = new CountDownLatch(1);
        Thread second = new Thread(() -> {
            try (MemoryBudget.Lease lease = budget.acquire(40 * MB)) {
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
}
