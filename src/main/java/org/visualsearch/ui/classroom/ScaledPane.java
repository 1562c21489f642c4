package org.visualsearch.ui.classroom;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.scene.Parent;
import javafx.scene.layout.Region;
import javafx.scene.transform.Scale;

/**
 * Lays its content out in a space {@code 1/scale} of its own size and draws it {@code scale}
 * times larger: type, thumbnails, padding and lines all grow together, and since the content is
 * laid out for the room it really has, nothing ends up outside the window.
 */
public final class ScaledPane extends Region {
    private final Parent content;
    private final Scale transform = new Scale(1, 1, 0, 0);
    private final DoubleProperty scale = new SimpleDoubleProperty(1);

    public ScaledPane(Parent content) {
        this.content = content;
        getChildren().add(content);
        content.getTransforms().add(transform);
        scale.addListener((obs, old, now) -> {
            transform.setX(now.doubleValue());
            transform.setY(now.doubleValue());
            requestLayout();
        });
    }

    public DoubleProperty scaleProperty() {
        return scale;
    }

    @Override
    protected void layoutChildren() {
        double s = scale.get();
        content.resizeRelocate(0, 0, getWidth() / s, getHeight() / s);
    }

    @Override
    protected double computePrefWidth(double height) {
        return content.prefWidth(height < 0 ? height : height / scale.get()) * scale.get();
    }

    @Override
    protected double computePrefHeight(double width) {
        return content.prefHeight(width < 0 ? width : width / scale.get()) * scale.get();
    }

    @Override
    protected double computeMinWidth(double height) {
        return content.minWidth(height < 0 ? height : height / scale.get()) * scale.get();
    }

    @Override
    protected double computeMinHeight(double width) {
        return content.minHeight(width < 0 ? width : width / scale.get()) * scale.get();
    }
}
