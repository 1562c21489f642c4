package org.visualsearch.core.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.FileSystemException;
import org.junit.jupiter.api.Test;

class ErrorTextTest {

    @Test
    void oneLineTakesTheFirstLineOfTheFirstMessageAlongTheCauses() {
        Exception wrapped = new RuntimeException(null, new IOException("  disk on fire\n\tat native code\n"));
        assertThat(ErrorText.oneLine(wrapped)).isEqualTo("disk on fire");
        assertThat(ErrorText.oneLine(new IllegalStateException(" "))).isEqualTo("IllegalStateException");
    }

    @Test
    void oneLineCutsAVeryLongMessage() {
        String text = ErrorText.oneLine(new RuntimeException("x".repeat(1000)));
        assertThat(text).hasSize(ErrorText.MAX_LENGTH + 3).endsWith("...");
    }

    @Test
    void withTypeNamesTheExceptionClass() {
        assertThat(ErrorText.withType(new FileSystemException("/a.jpg: Input/output error")))
                .isEqualTo("FileSystemException: /a.jpg: Input/output error");
        assertThat(ErrorText.withType(new IOException())).isEqualTo("IOException");
    }
}
