package org.visualsearch.core.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.visualsearch.core.search.GalleryEntry;
import org.visualsearch.core.search.IndexedGallery;
import org.visualsearch.core.model.ModelInfo;
import org.visualsearch.core.search.VectorIndex;

class ProjectionCacheTest {

    static IndexedGallery gallery(String modelId, int n) {
        VectorIndex v = ProjectionTest.threeClusters(9);
        List<GalleryEntry> entries = new ArrayList<>();
        List<float[]> vectors = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            entries.add(new GalleryEntry(Path.of("p" + i + ".jpg"), "c" + (i % 3), "h" + i));
            vectors.add(v.vector(i));
        }
        return new IndexedGallery(new ModelInfo(modelId, modelId, 10), entries, VectorIndex.of(10, vectors));
    }

    @Test
    void aProjectionIsReusedForTheSameModelContentsAndSettingsOnly() {
        ProjectionCache cache = new ProjectionCache(4);
        ProjectionSettings pca = ProjectionSettings.of(ProjectionMethod.PCA);
        Projection first = cache.project(gallery("a", 100), pca, ProjectionProgress.NONE);
        assertThat(cache.project(gallery("a", 100), pca, ProjectionProgress.NONE)).isSameAs(first);
        assertThat(cache.project(gallery("b", 100), pca, ProjectionProgress.NONE)).isNotSameAs(first);
        assertThat(cache.project(gallery("a", 99), pca, ProjectionProgress.NONE)).isNotSameAs(first);
        assertThat(cache.project(gallery("a", 100), pca.withSeed(3), ProjectionProgress.NONE)).isNotSameAs(first);
        assertThat(cache.size()).isEqualTo(4);
        cache.project(gallery("c", 100), pca, ProjectionProgress.NONE); // evicts the eldest: first
        assertThat(cache.get(ProjectionCache.keyOf(gallery("a", 100), pca))).isNull();
    }
}
