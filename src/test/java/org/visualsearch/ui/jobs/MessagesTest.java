package org.visualsearch.ui.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.visualsearch.core.image.ImageLoadException;

class MessagesTest {

    @Test
    void aWrapperWithoutMessageShowsItsCauseOnOneLine() {
        Exception wrapped = new ExecutionException(null, new IOException("disk full\n\tat native code"));
        assertThat(Messages.describe(wrapped)).isEqualTo("disk full");
        assertThat(Messages.describe(new IllegalStateException())).isEqualTo("IllegalStateException");
    }

    @Test
    void anUnreadablePhotoIsNamedWithItsReason() {
        assertThat(Messages.describe(new ImageLoadException(Path.of("photos", "cat.heic"), "HEIC is not supported")))
                .isEqualTo("Cannot read “cat.heic”: HEIC is not supported.");
    }
}
