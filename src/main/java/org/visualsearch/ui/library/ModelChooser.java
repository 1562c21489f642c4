package org.visualsearch.ui.library;

import java.util.function.Predicate;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Tooltip;
import org.visualsearch.app.ModelChoice;

/**
 * The models installed plus the baseline; picking one switches (embedding only what is missing).
 * It always shows the model in use: a cancelled or failed switch shows the current one again.
 */
public final class ModelChooser {
    private final ComboBox<ModelChoice> box;
    private boolean syncing;

    /** @param switchTo starts switching to the picked model; false when it did not start */
    public ModelChooser(LibraryViewModel library, Predicate<ModelChoice> switchTo) {
        box = new ComboBox<>(library.models());
        box.setId("modelChooser");
        box.getStyleClass().add("model-chooser");
        Tooltip tip = new Tooltip();
        // a narrow window cuts the name short: the tooltip starts with the whole name
        tip.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() ->
                (box.getValue() == null ? "" : box.getValue().label() + "\n")
                        + "The model that embeds the photos. Switching embeds only what the new "
                        + "model has not embedded yet.", box.valueProperty()));
        box.setTooltip(tip);
        Runnable sync = () -> {
            syncing = true;
            try {
                box.setValue(library.currentModelProperty().get());
            } finally {
                syncing = false;
            }
        };
        library.currentModelProperty().addListener((o, a, b) -> sync.run());
        // later too: the box's own reaction to new items (after this listener) may clear its value,
        // and the header then showed an empty chooser after a trained head was saved
        library.models().addListener((ListChangeListener<ModelChoice>) c -> {
            sync.run();
            Platform.runLater(sync);
        });
        library.jobs().runningProperty().addListener((o, a, running) -> {
            if (!running) {
                sync.run();
            }
        });
        box.valueProperty().addListener((o, a, picked) -> {
            if (!syncing && picked != null && !picked.equals(library.currentModelProperty().get())
                    && !switchTo.test(picked)) {
                Platform.runLater(sync);
            }
        });
        box.disableProperty().bind(library.jobs().runningProperty());
        box.visibleProperty().bind(library.availableProperty());
        box.managedProperty().bind(box.visibleProperty());
    }

    public Node root() {
        return box;
    }
}
