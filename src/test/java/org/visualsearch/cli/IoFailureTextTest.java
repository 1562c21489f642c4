package org.visualsearch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import org.junit.jupiter.api.Test;

class IoFailureTextTest {

    @Test
    void aPathOnlyMessageGetsItsMeaning() {
        assertThat(VisualSearchCli.describe(new NoSuchFileException("photos/a.jpg")))
                .isEqualTo("photos/a.jpg: no such file or folder");
        assertThat(VisualSearchCli.describe(new AccessDeniedException("photos")))
                .isEqualTo("photos: permission denied");
    }

    @Test
    void otherFailuresAreOneLineFromTheFirstMessageAlongTheCauses() {
        assertThat(VisualSearchCli.describe(new IOException("disk full\nsecond line"))).isEqualTo("disk full");
        assertThat(VisualSearchCli.describe(new IOException(null, new IOException("device gone"))))
                .isEqualTo("device gone");
        assertThat(VisualSearchCli.describe(new IOException())).isEqualTo("IOException");
    }
}
