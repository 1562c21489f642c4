package org.visualsearch.ui.credits;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The credits window carries the program's own licence, as bundled from the LICENSE file,
 * and the notices of the libraries whose licence asks for it (THIRD-PARTY.txt). */
class ProgramLicenceTest {

    @Test
    void creditsEndWithTheProgramsApacheLicence(@TempDir Path root) throws Exception {
        CreditsSource.Section last = CreditsSource.fromFolder(root).sections()
                .get(CreditsSource.fromFolder(root).sections().size() - 1);
        assertThat(last.title()).isEqualTo("This program");
        assertThat(last.text()).contains("Apache License, Version 2.0").contains("END OF TERMS AND CONDITIONS");
        // the bundled text is the project's LICENSE file, unchanged, then the libraries' notices
        assertThat(last.text()).contains(Files.readString(Path.of("LICENSE")))
                .endsWith(Files.readString(Path.of("THIRD-PARTY.txt")));
        assertThat(last.text()).contains("UMAP for Java").contains("Copyright (c) 2019, Tag.bio");
    }
}
