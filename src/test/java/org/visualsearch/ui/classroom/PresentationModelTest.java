package org.visualsearch.ui.classroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.visualsearch.core.lesson.RevealOrder;
import org.visualsearch.core.search.GalleryEntry;
import org.visualsearch.core.search.IndexedGallery;

/** The classroom view state without a window: reveal order, the tally, scale, and what is remembered. */
class PresentationModelTest {
    private final ObservableList<IndexedGallery.Hit> hits = FXCollections.observableArrayList();
    private final ObservableList<String> categories = FXCollections.observableArrayList("dog", "food");
    private final PresentationModel model = new PresentationModel(hits, categories);

    @Test
    void worstFirstUncoversFiveToOneThenTheGalleryAndANewQueryCoversAllAgain() {
        model.guessFirstProperty().set(true);
        hits.setAll(hits("dog", "dog", "food", "dog", "food"));
        List<Integer> order = new ArrayList<>();
        while (model.nextRank() > 0) {
            order.add(model.nextRank());
            assertThat(model.rankShown(model.nextRank()).get()).isFalse();
            assertThat(model.revealNext()).isTrue();
        }
        assertThat(order).containsExactly(5, 4, 3, 2, 1);
        assertThat(model.galleryShown().get()).isFalse();
        assertThat(model.revealNext()).isTrue();
        assertThat(model.galleryShown().get()).isTrue();
        assertThat(model.revealNext()).as("nothing left to uncover").isFalse();
        hits.setAll(hits("food", "food", "food", "food", "food"));
        assertThat(model.rankShown(5).get()).isFalse();
        assertThat(model.galleryShown().get()).isFalse();
    }

    @Test
    void bestFirstAndTheTallyCountRightGuessesPerReveal() {
        model.guessFirstProperty().set(true);
        model.tallyProperty().set(true);
        model.revealOrderProperty().set(RevealOrder.BEST_FIRST);
        hits.setAll(hits("food", "dog", "dog", "dog", "dog"));
        model.vote("food");
        model.vote("food");
        model.vote("dog");
        assertThat(model.revealNext()).isTrue();
        assertThat(model.rankShown(1).get()).isTrue();
        assertThat(model.rankShown(2).get()).isFalse();
        assertThat(model.tallySummaryProperty().get()).isEqualTo("#1: 2 of 3 guessed right (food)");
        assertThat(model.votes("food")).as("a new round of hands").isZero();
        model.revealNext();
        assertThat(model.tallySummaryProperty().get()).isEqualTo("#2 is dog");
    }

    @Test
    void withoutGuessFirstEverythingShows() {
        hits.setAll(hits("dog", "dog", "dog", "dog", "dog"));
        assertThat(model.rankShown(1).get()).isTrue();
        assertThat(model.galleryShown().get()).isTrue();
        assertThat(model.revealNext()).isFalse();
    }

    @Test
    void theScaleSnapsToOneOfThreeSizes() {
        model.setScale(1.9);
        assertThat(model.scaleProperty().get()).isEqualTo(2.0);
        model.setScale(7);
        assertThat(model.scaleProperty().get()).isEqualTo(2.0);
        model.cycleScale();
        assertThat(model.scaleProperty().get()).isEqualTo(1.0);
    }

    @Test
    void themeScaleAndGuessFirstAreRememberedInTheDataFolder(@TempDir Path data) throws Exception {
        ClassroomSettings settings = new ClassroomSettings(data);
        settings.keepSaved(model);
        model.themeProperty().set(ClassroomTheme.NORD_DARK);
        model.setScale(2.0);
        model.guessFirstProperty().set(true);
        assertThat(Files.readString(data.resolve(ClassroomSettings.FILE_NAME))).contains("theme=NORD_DARK");

        PresentationModel next = new PresentationModel(FXCollections.observableArrayList(), FXCollections.observableArrayList());
        new ClassroomSettings(data).load(next);
        assertThat(next.themeProperty().get()).isEqualTo(ClassroomTheme.NORD_DARK);
        assertThat(next.scaleProperty().get()).isEqualTo(2.0);
        assertThat(next.guessFirstProperty().get()).isTrue();
    }

    @Test
    void aBrokenSettingsFileLeavesTheDefaults(@TempDir Path data) throws Exception {
        Files.writeString(data.resolve(ClassroomSettings.FILE_NAME), "theme=PURPLE\nscale=big\n");
        new ClassroomSettings(data).load(model);
        assertThat(model.themeProperty().get()).isEqualTo(ClassroomTheme.LIGHT);
        assertThat(model.scaleProperty().get()).isEqualTo(1.5);
    }

    private static List<IndexedGallery.Hit> hits(String... labels) {
        List<IndexedGallery.Hit> out = new ArrayList<>();
        for (int i = 0; i < labels.length; i++) {
            out.add(new IndexedGallery.Hit(i + 1, new GalleryEntry(Path.of(labels[i] + i + ".jpg"), labels[i], "h" + i), i, i * 0.1f));
        }
        return out;
    }
}
