package org.visualsearch.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which command lines start the PyTorch engine early. */
class EnginePrestartTest {

    @Test
    void modelCommandsDoUnlessTheyAskForTheHistogramOrHelp() {
        assertThat(EnginePrestart.worthIt(List.of("index", "photos"))).isTrue();
        assertThat(EnginePrestart.worthIt(List.of("eval", "--model", "models/default", "photos"))).isTrue();
        assertThat(EnginePrestart.worthIt(List.of("index", "--model", "histogram", "photos"))).isFalse();
        assertThat(EnginePrestart.worthIt(List.of("query", "--model=histogram", "a.jpg"))).isFalse();
        assertThat(EnginePrestart.worthIt(List.of("index", "--help"))).isFalse();
        assertThat(EnginePrestart.worthIt(List.of("list"))).isFalse();
        assertThat(EnginePrestart.worthIt(List.of("bench", "--sizes", "1000"))).isFalse();
        assertThat(EnginePrestart.worthIt(List.of())).isFalse();
    }
}
