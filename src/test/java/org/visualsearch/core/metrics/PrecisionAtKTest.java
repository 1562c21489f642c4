package org.visualsearch.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrecisionAtKTest {

    @Test
    void countsRelevantAmongFirstKWhenLabelHasManyMembers() {
        // n_q = 10 > 5: judged on all five results, three are "a".
        assertThat(PrecisionAtK.precision("a", List.of("a", "b", "a", "a", "b", "a"), 10, 5)).isEqualTo(0.6);
    }

    @Test
    void smallLabelIsJudgedOnItsFirstNqResultsOnly() {
        // n_q = 2: only the first two results count; the "a" in third place does not help.
        assertThat(PrecisionAtK.precision("a", List.of("a", "b", "a", "a", "a"), 2, 5)).isEqualTo(0.5);
        assertThat(PrecisionAtK.precision("a", List.of("a", "a", "b"), 2, 5)).isEqualTo(1.0);
        assertThat(PrecisionAtK.precision("a", List.of("b", "b", "a"), 2, 5)).isEqualTo(0.0);
    }

    @Test
    void unlabelledAndMissingResultsAreNotRelevant() {
        assertThat(PrecisionAtK.precision("a", Arrays.asList(null, "a", null), 5, 5)).isCloseTo(0.2, within(1e-12));
        // n_q = 3 but only one result came back: 1/3.
        assertThat(PrecisionAtK.precision("a", List.of("a"), 3, 5)).isCloseTo(1.0 / 3, within(1e-12));
    }

    @Test
    void queryWithoutOtherMembersHasNoScore() {
        assertThatThrownBy(() -> PrecisionAtK.precision("a", List.of("a"), 0, 5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no other gallery member");
        assertThatThrownBy(() -> PrecisionAtK.precision("a", List.of("a"), 3, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
