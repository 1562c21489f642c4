package org.visualsearch.core.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The tiny models of src/test/resources/models (made by tools/test-models/make_test_models.py). */
final class TestModels {
    private TestModels() {
    }

    static Path folder(String name) {
        try {
            return Path.of(TestModels.class.getResource("/models/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Copies a test model folder into {@code target} (created) so a test can change it. */
    static Path copy(String name, Path target) {
        try {
            Files.createDirectories(target);
            try (Stream<Path> files = Files.list(folder(name))) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    Files.copy(f, target.resolve(f.getFileName()));
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
