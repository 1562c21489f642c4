package org.visualsearch.core.image;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.visualsearch.testing.SpecialFiles;

/** A query or gallery path that is a FIFO or device is refused without opening it. */
class SpecialFileLoadTest {

    @TempDir
    Path temp;

    @Test
    @Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aFifoIsRefusedWithoutOpeningIt() throws Exception {
        Assumptions.assumeTrue(SpecialFiles.fifosSupported(), "no mkfifo on this system");
        Path fifo = SpecialFiles.fifo(temp.resolve("query.jpg"));
        assertThatThrownBy(() -> new ImageLoader().load(fifo))
                .isInstanceOf(ImageLoadException.class)
                .hasMessageContaining(fifo.toString())
                .hasMessageContaining("not a regular file");
    }
}
