package org.visualsearch.core.lesson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class GuessTallyTest {

    @Test
    void countsHandsAndSaysHowManyWereRight() {
        GuessTally tally = new GuessTally(List.of("dog", "food", "vehicle"));
        tally.add("dog");
        tally.add("dog");
        tally.add("food");
        tally.add("food");
        tally.remove("food"); // a mis-click
        tally.remove("vehicle"); // never below zero

        assertThat(tally.votes("dog")).isEqualTo(2);
        assertThat(tally.total()).isEqualTo(3);
        GuessTally.Round first = tally.reveal("dog");
        assertThat(first.right()).isEqualTo(2);
        assertThat(first.total()).isEqualTo(3);
        assertThat(first.summary()).isEqualTo("2 of 3 guessed right (dog)");
        assertThat(tally.total()).isZero();

        tally.add("vehicle");
        GuessTally.Round second = tally.reveal("food");
        assertThat(second.right()).isZero();
        assertThat(second.rightSoFar()).isEqualTo(2);
        assertThat(second.totalSoFar()).isEqualTo(4);

        assertThat(tally.reveal("food").summary()).isEqualTo("food");
        tally.reset();
        assertThat(tally.reveal("dog").totalSoFar()).isZero();
    }

    @Test
    void refusesACategoryTheGalleryDoesNotHave() {
        GuessTally tally = new GuessTally(List.of("dog"));
        assertThatThrownBy(() -> tally.add("cat")).hasMessageContaining("cat");
    }

    @Test
    void revealOrdersCountDownOrUp() {
        assertThat(List.of(0, 1, 2, 3, 4).stream().map(i -> RevealOrder.WORST_FIRST.rankAt(i, 5)))
                .containsExactly(5, 4, 3, 2, 1);
        assertThat(List.of(0, 1, 2, 3, 4).stream().map(i -> RevealOrder.BEST_FIRST.rankAt(i, 5)))
                .containsExactly(1, 2, 3, 4, 5);
        assertThat(RevealOrder.fromKey(" Best-First ")).contains(RevealOrder.BEST_FIRST);
        assertThat(RevealOrder.fromKey("random")).isEmpty();
    }
}
