package org.visualsearch.ui.training;

import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.visualsearch.core.training.LabelMode;
import org.visualsearch.core.training.TrainingOptions;

/**
 * The Train view's options as the user types them: one text per number (so a half-typed value is
 * not lost), the label mode, and their parsing into {@link TrainingOptions} with a message that
 * names the field. Starts at the recipe's defaults.
 */
public final class TrainingForm {

    private final StringProperty epochs = text(TrainingOptions.DEFAULTS.epochs());
    private final StringProperty learningRate = text(TrainingOptions.DEFAULTS.learningRate());
    private final StringProperty weightDecay = text(TrainingOptions.DEFAULTS.weightDecay());
    private final StringProperty dropout = text(TrainingOptions.DEFAULTS.dropout());
    private final StringProperty dimension = text(TrainingOptions.DEFAULTS.dimension());
    private final StringProperty scale = text(TrainingOptions.DEFAULTS.scale());
    private final StringProperty margin = text(TrainingOptions.DEFAULTS.margin());
    private final StringProperty validationShare = text(TrainingOptions.DEFAULTS.validationShare());
    private final StringProperty seed = text(TrainingOptions.DEFAULTS.seed());
    private final ObjectProperty<LabelMode> labelMode = new SimpleObjectProperty<>(LabelMode.AUTO);

    /**
     * The options typed.
     *
     * @throws IllegalArgumentException naming the field that is not a number, or the option out of range
     */
    public TrainingOptions parse() {
        return new TrainingOptions(integer("Dimensions", dimension), number("Dropout", dropout),
                number("ArcFace scale", scale), number("ArcFace margin", margin), integer("Epochs", epochs),
                number("Learning rate", learningRate), number("Weight decay", weightDecay), labelMode.get(),
                number("Validation share", validationShare), integer("Seed", seed));
    }

    private static StringProperty text(Number value) {
        String s = value instanceof Float || value instanceof Double
                ? stripZeros(String.format(Locale.ROOT, "%.6f", value.doubleValue())) : value.toString();
        return new SimpleStringProperty(s);
    }

    private static String stripZeros(String s) {
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }

    private static int integer(String label, StringProperty p) {
        try {
            return Integer.parseInt(p.get().strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(label + " must be a whole number, not '" + p.get() + "'");
        }
    }

    private static float number(String label, StringProperty p) {
        try {
            float v = Float.parseFloat(p.get().strip());
            if (!Float.isFinite(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(label + " must be a number, not '" + p.get() + "'");
        }
    }

    public StringProperty epochsProperty() {
        return epochs;
    }

    public StringProperty learningRateProperty() {
        return learningRate;
    }

    public StringProperty weightDecayProperty() {
        return weightDecay;
    }

    public StringProperty dropoutProperty() {
        return dropout;
    }

    public StringProperty dimensionProperty() {
        return dimension;
    }

    public StringProperty scaleProperty() {
        return scale;
    }

    public StringProperty marginProperty() {
        return margin;
    }

    public StringProperty validationShareProperty() {
        return validationShare;
    }

    public StringProperty seedProperty() {
        return seed;
    }

    public ObjectProperty<LabelMode> labelModeProperty() {
        return labelMode;
    }
}
