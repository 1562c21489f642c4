package org.visualsearch.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.visualsearch.ui.FxThread.fx;

import javafx.scene.image.ImageView;
import javafx.scene.image.WritableImage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.visualsearch.ui.common.ImageSmoothing;

/** A 1x1 photo on a 118-pixel tile is one flat colour, not a smoothed gradient. */
class ImageSmoothingTest {

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void tinyImagesBlownUpAreNotSmoothedButPhotosAre() throws Exception {
        fx(() -> {
            ImageView view = new ImageView();
            view.setFitWidth(118);
            view.setFitHeight(118);
            view.setPreserveRatio(true);
            ImageSmoothing.install(view);
            view.setImage(new WritableImage(1, 1));
            assertThat(view.isSmooth()).as("1x1 on a tile").isFalse();
            view.setImage(new WritableImage(240, 180));
            assertThat(view.isSmooth()).as("a thumbnail shrunk").isTrue();
            view.setImage(new WritableImage(80, 60));
            assertThat(view.isSmooth()).as("enlarged 1.5x").isTrue();
            view.setImage(new WritableImage(20, 20));
            assertThat(view.isSmooth()).as("enlarged 5.9x").isFalse();
            return null;
        });
    }
}
