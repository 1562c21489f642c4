package org.visualsearch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

/** The start's one dropped log record is JavaFX's class-path warning; every other warning stays. */
class LauncherTest {

    @Test
    void onlyTheClassPathWarningIsDropped() {
        assertThat(Launcher.isClassPathWarning(new LogRecord(Level.WARNING,
                "Unsupported JavaFX configuration: classes were loaded from 'unnamed module @69eee410'"))).isTrue();
        assertThat(Launcher.isClassPathWarning(new LogRecord(Level.WARNING, "Loading FXML document failed"))).isFalse();
        assertThat(Launcher.isClassPathWarning(new LogRecord(Level.WARNING, null))).isFalse();
    }
}
