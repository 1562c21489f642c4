package org.visualsearch.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.visualsearch.core.model.ModelInfo;
import org.visualsearch.core.search.GalleryEntry;
import org.visualsearch.core.search.IndexedGallery;
import org.visualsearch.core.search.VectorIndex;

/** A hand-made 1-D gallery: each photo's vector is its position on a line, so rankings are known. */
class QueryInGalleryTest {
    private static final Path ROOT = Path.of("gallery").toAbsolutePath();

    // positions 0..6: a a a b a b c (index = position)
    private static final String[] LABELS = {"a", "a", "a", "b", "a", "b", "c"};

    private static IndexedGallery gallery() {
        List<GalleryEntry> entries = new ArrayList<>();
        List<float[]> vectors = new ArrayList<>();
        for (int i = 0; i < LABELS.length; i++) {
            entries.add(new GalleryEntry(ROOT.resolve(LABELS[i]).resolve("p" + i + ".jpg"), LABELS[i], "hash" + i));
            vectors.add(new float[] {i});
        }
        return new IndexedGallery(new ModelInfo("m", "m", 1), entries, VectorIndex.of(1, vectors));
    }

    @Test
    void aGalleryPhotoIsLeftOutOfItsOwnRankingAndTheRanksCloseUp() {
        IndexedGallery g = gallery();
        QueryInGallery query = QueryInGallery.ofEntry(g, g.entries().get(0));
        assertThat(query.inGallery()).isTrue();
        assertThat(query.category()).isEqualTo("a");

        List<IndexedGallery.Hit> full = g.rankAll(new float[] {0});
        List<IndexedGallery.Hit> without = query.leaveOut(full);
        assertThat(full.get(0).index()).isZero();
        assertThat(without).hasSize(6);
        assertThat(without).extracting(IndexedGallery.Hit::index).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(without).extracting(IndexedGallery.Hit::rank).containsExactly(1, 2, 3, 4, 5, 6);
    }

    @Test
    void precisionAt5IsScoredWithoutTheQueryAsEvalDoes() {
        IndexedGallery g = gallery();
        QueryInGallery query = QueryInGallery.ofEntry(g, g.entries().get(0));
        List<IndexedGallery.Hit> without = query.leaveOut(g.rankAll(new float[] {0}));
        // without the query: a a b a b -> 3 of the n_q = min(3 others, 5) = 3 first results... first 3 are a a b
        assertThat(query.precisionAt5(g, without).getAsDouble()).isCloseTo(2.0 / 3, within(1e-12));
        // left in, the query would have scored itself
        assertThat(query.precisionAt5(g, g.rankAll(new float[] {0})).getAsDouble()).isEqualTo(1.0);
        assertThat(without.subList(0, 5)).filteredOn(query::isWrong).extracting(IndexedGallery.Hit::index)
                .containsExactly(3, 5);
    }

    @Test
    void aFileWithAGalleryPhotosContentIsThatPhoto() {
        IndexedGallery g = gallery();
        QueryInGallery query = QueryInGallery.ofFile(g, Path.of("elsewhere", "copy.jpg"), "HASH3");
        assertThat(query.selfIndex()).isEqualTo(3);
        assertThat(query.category()).isEqualTo("b");
        assertThat(query.isWrong(g.rankAll(new float[] {3}).get(0))).isFalse(); // itself, when shown
    }

    @Test
    void aNewFileUnderALabelledFolderHasThatCategoryAndIsNotLeftOut() {
        IndexedGallery g = gallery();
        QueryInGallery query = QueryInGallery.ofFile(g, ROOT.resolve("c").resolve("sub").resolve("new.jpg"), "other");
        assertThat(query.inGallery()).isFalse();
        assertThat(query.category()).isEqualTo("c");
        List<IndexedGallery.Hit> ranking = g.rankAll(new float[] {6});
        assertThat(query.leaveOut(ranking)).isSameAs(ranking);
        // one other "c" photo: judged on the first result only, which is it
        assertThat(query.precisionAt5(g, ranking).getAsDouble()).isEqualTo(1.0);
    }

    @Test
    void aFileElsewhereHasNoCategoryAndNoScore() {
        IndexedGallery g = gallery();
        QueryInGallery query = QueryInGallery.ofFile(g, Path.of("downloads", "a", "x.jpg").toAbsolutePath(), null);
        assertThat(query).isEqualTo(QueryInGallery.UNKNOWN);
        List<IndexedGallery.Hit> ranking = g.rankAll(new float[] {1});
        assertThat(query.precisionAt5(g, ranking)).isEmpty();
        assertThat(ranking).noneMatch(query::isWrong);
    }

    @Test
    void aCategoryWithNoOtherPhotoHasNoScore() {
        IndexedGallery g = gallery();
        QueryInGallery query = QueryInGallery.ofEntry(g, g.entries().get(6)); // the only "c"
        assertThat(query.precisionAt5(g, query.leaveOut(g.rankAll(new float[] {6})))).isEmpty();
    }
}
