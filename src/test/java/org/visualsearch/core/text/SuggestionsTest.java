package org.visualsearch.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTest {

    @Test
    void suggestionsNeedToBeClose() {
        assertThat(Suggestions.closest("phot", List.of("photo", "note"))).isEqualTo("photo");
        assertThat(Suggestions.closest("colour", List.of("photo", "note"))).isNull();
        assertThat(Suggestions.distance("kitten", "sitting")).isEqualTo(3);
    }
}
