package org.visualsearch.ui.classroom;

import java.nio.file.Path;

/**
 * Where the classroom mode keeps and finds things.
 *
 * @param settingsDir where the remembered theme and scale go (null: not remembered, e.g. tests)
 * @param sampleGallery the sample gallery folder that a lesson's {@code sample:} names resolve in (may be null)
 * @param pictures    where snapshots go
 * @param lesson      a lesson to open full screen once the window is ready (--lesson), or null
 */
public record ClassroomContext(Path settingsDir, Path sampleGallery, Path pictures, Path lesson) {
    public ClassroomContext withLesson(Path file) {
        return new ClassroomContext(settingsDir, sampleGallery, pictures, file);
    }
}
