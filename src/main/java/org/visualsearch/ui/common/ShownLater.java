package org.visualsearch.ui.common;

import java.util.function.Supplier;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.layout.Pane;

/**
 * An overlay that is hidden at start (the help, the heatmap) joins its pane the first time it is
 * to be shown, not before: hidden nodes still cost their CSS and layout in the window's first
 * frame, which is on the start-up's critical path.
 */
public final class ShownLater {
    private ShownLater() {
    }

    /**
     * Adds {@code build}'s node on top of {@code pane}'s children once {@code shown} is true (at
     * once if it already is); the node binds its own visibility to {@code shown}. Call on the FX thread.
     */
    public static void addWhenShown(Pane pane, ObservableBooleanValue shown, Supplier<? extends Node> build) {
        if (shown.get()) {
            pane.getChildren().add(build.get());
            return;
        }
        shown.addListener(new ChangeListener<Boolean>() {
            @Override
            public void changed(ObservableValue<? extends Boolean> obs, Boolean was, Boolean now) {
                if (now) {
                    obs.removeListener(this);
                    pane.getChildren().add(build.get());
                }
            }
        });
    }
}
