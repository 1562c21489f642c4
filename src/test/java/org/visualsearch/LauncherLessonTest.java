package org.visualsearch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code --lesson FILE} goes to the window; anything else stays with the command line. */
class LauncherLessonTest {
    @Test
    void lessonArgumentsOpenTheWindowAndOthersGoToTheCommandLine() {
        assertThat(Launcher.lessonArgument(new String[] {"--lesson", "sample-db/lessons/a.yaml"}))
                .isEqualTo(Path.of("sample-db/lessons/a.yaml").toAbsolutePath());
        assertThat(Launcher.lessonArgument(new String[] {"--lesson=b.json"})).isEqualTo(Path.of("b.json").toAbsolutePath());
        assertThat(Launcher.lessonArgument(new String[] {"query", "--lesson", "x"})).isNull();
        assertThat(Launcher.lessonArgument(new String[] {"--lesson"})).isNull();
        assertThat(Launcher.lessonArgument(new String[0])).isNull();
    }
}
