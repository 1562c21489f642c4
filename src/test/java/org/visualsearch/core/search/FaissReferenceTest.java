package org.visualsearch.core.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FaissReferenceTest {

    @Test
    void timesFlatSearchForEachSizeAndThreadCountWhenFaissIsInstalled() throws Exception {
        Optional<FaissReference> faiss = FaissReference.find();
        assumeTrue(faiss.isPresent(), "no python3 with faiss on this machine");

        List<FaissReference.Timing> timings = faiss.get().time(List.of(100, 500), 8, 5, 5, 1, List.of(1, 2), 1);

        assertThat(timings).extracting(FaissReference.Timing::size).containsExactly(100, 100, 500, 500);
        assertThat(timings).extracting(FaissReference.Timing::threads).containsExactly(1, 2, 1, 2);
        assertThat(timings).allSatisfy(t -> assertThat(t.medianMs()).isPositive().isLessThanOrEqualTo(t.p95Ms()));
    }
}
