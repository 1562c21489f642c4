package org.visualsearch.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AppDirectoriesTest {

    private static final Path HOME = Path.of("/home/ada");

    @Test
    void linuxDefaultsFollowXdgFallbacks() {
        AppDirectories dirs = AppDirectories.of(Map.of(), "Linux", HOME);
        assertThat(dirs.dataDir()).isEqualTo(Path.of("/home/ada/.local/share/visual-search"));
        assertThat(dirs.cacheDir()).isEqualTo(Path.of("/home/ada/.cache/visual-search"));
        assertThat(dirs.djlCacheDir()).isEqualTo(Path.of("/home/ada/.cache/visual-search/djl"));
    }

    @Test
    void linuxHonoursXdgVariablesButNotRelativeOnes() {
        AppDirectories dirs = AppDirectories.of(
                Map.of("XDG_DATA_HOME", "/data/ada", "XDG_CACHE_HOME", "relative/cache"), "Linux", HOME);
        assertThat(dirs.dataDir()).isEqualTo(Path.of("/data/ada/visual-search"));
        assertThat(dirs.cacheDir()).isEqualTo(Path.of("/home/ada/.cache/visual-search"));
    }

    @Test
    void overridesWinEverywhere() {
        AppDirectories dirs = AppDirectories.of(
                Map.of("VSS_DATA", "/srv/vss", "VSS_CACHE", "/tmp/vss-cache", "XDG_DATA_HOME", "/x"), "Linux", HOME);
        assertThat(dirs.dataDir()).isEqualTo(Path.of("/srv/vss"));
        assertThat(dirs.djlCacheDir()).isEqualTo(Path.of("/tmp/vss-cache/djl"));
    }

    @Test
    void macUsesLibraryFolders() {
        AppDirectories dirs = AppDirectories.of(Map.of(), "Mac OS X", HOME);
        assertThat(dirs.dataDir()).isEqualTo(Path.of("/home/ada/Library/Application Support/Visual Search Simulator"));
        assertThat(dirs.cacheDir()).isEqualTo(Path.of("/home/ada/Library/Caches/Visual Search Simulator"));
    }

    @Test
    void windowsUsesAppDataAndLocalAppData() {
        AppDirectories dirs = AppDirectories.of(
                Map.of("APPDATA", "/c/Users/ada/AppData/Roaming", "LOCALAPPDATA", "/c/Users/ada/AppData/Local"),
                "Windows 11", HOME);
        assertThat(dirs.dataDir()).isEqualTo(Path.of("/c/Users/ada/AppData/Roaming/Visual Search Simulator"));
        assertThat(dirs.cacheDir()).isEqualTo(Path.of("/c/Users/ada/AppData/Local/Visual Search Simulator/Cache"));
    }
}
