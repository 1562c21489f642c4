package org.visualsearch.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ProcessExitTest {
    @Test
    void exitWorkIsRecognised() {
        assertThat(ProcessExit.exitWorkIn("java\0-XX:ArchiveClassesAtExit=a.jsa\0-jar\0x.jar")).isNotNull();
        assertThat(ProcessExit.exitWorkIn("java -XX:StartFlightRecording=filename=a.jfr -jar x.jar")).isNotNull();
        assertThat(ProcessExit.exitWorkIn("java -javaagent:jacocoagent.jar -jar x.jar")).isNotNull();
        assertThat(ProcessExit.exitWorkIn("java -XX:+UseSerialGC -Xms16m -jar x.jar index g")).isNull();
    }

    @Test
    void sqlitesUnpackedLibraryIsFoundInTheMaps() {
        String maps = "7f00-7f01 r-xp 00000000 08:01 12 /tmp/x/sqlite-3.50.3.0-68be-4d-libsqlitejdbc.so\n"
                + "7f01-7f02 r--p 00001000 08:01 12 /tmp/x/sqlite-3.50.3.0-68be-4d-libsqlitejdbc.so\n"
                + "7f02-7f03 r-xp 00000000 08:01 13 /usr/lib/libc.so.6\n";
        assertThat(ProcessExit.leftAtExit(maps)).startsWith(
                Path.of("/tmp/x/sqlite-3.50.3.0-68be-4d-libsqlitejdbc.so"),
                Path.of("/tmp/x/sqlite-3.50.3.0-68be-4d-libsqlitejdbc.so.lck")).hasSize(3);
    }

}
