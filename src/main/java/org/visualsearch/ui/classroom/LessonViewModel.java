package org.visualsearch.ui.classroom;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import org.visualsearch.core.lesson.Lesson;
import org.visualsearch.core.lesson.LessonReader;
import org.visualsearch.core.lesson.LessonStep;

/**
 * A lesson being taught: its steps, the current one, and what the teacher must know about the
 * file (its problems, by line). Going to a step searches its photo and, when the step names a
 * model, switches to it in the background (the job bar shows progress and Cancel; the lesson
 * never waits for it). Call from the FX thread.
 */
public final class LessonViewModel {
    /** Whether a file name looks like a lesson (for drops and Open lesson…). */
    public static boolean isLessonFile(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json");
    }

    private final PresentationModel presentation;
    private final Supplier<LessonReader> reader;
    private final Consumer<Path> searchPhoto;
    private final Predicate<String> switchModel;
    private final ObservableValue<String> currentModel;
    private final ObjectProperty<Lesson> lesson = new SimpleObjectProperty<>();
    private final ReadOnlyIntegerWrapper stepIndex = new ReadOnlyIntegerWrapper(-1);
    private final ReadOnlyStringWrapper stepTitle = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper stepNote = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper stepLabel = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper problems = new ReadOnlyStringWrapper("");
    private final BooleanBinding open = lesson.isNotNull();
    /** A model switch for the current step is on its way: search again once it is installed. */
    private String awaitedModel;

    /**
     * @param reader       makes the lesson reader (sample gallery folder, installed models) when a lesson opens
     * @param searchPhoto  searches a query photo
     * @param switchModel  starts switching to a model key in the background; false when it cannot start
     * @param currentModel the current model's key (changes when a switch is installed)
     */
    public LessonViewModel(PresentationModel presentation, Supplier<LessonReader> reader, Consumer<Path> searchPhoto,
                           Predicate<String> switchModel, ObservableValue<String> currentModel) {
        this.presentation = Objects.requireNonNull(presentation);
        this.reader = Objects.requireNonNull(reader);
        this.searchPhoto = Objects.requireNonNull(searchPhoto);
        this.switchModel = Objects.requireNonNull(switchModel);
        this.currentModel = Objects.requireNonNull(currentModel);
        currentModel.addListener((obs, old, now) -> {
            LessonStep step = currentStep();
            if (step != null && now != null && now.equals(awaitedModel)) {
                awaitedModel = null;
                searchPhoto.accept(step.photo()); // the switch cleared the query: show it with the new model
            }
        });
    }

    /** Reads {@code file} and shows its first usable step; its problems stay on screen until the next lesson. */
    public Lesson open(Path file) {
        Lesson read = reader.get().read(file);
        lesson.set(read);
        problems.set(read.problems().stream().map(Object::toString).collect(Collectors.joining("\n")));
        stepIndex.set(-1);
        if (!read.steps().isEmpty()) {
            go(0);
        } else {
            stepTitle.set(read.title());
            stepNote.set("");
            stepLabel.set("no usable steps");
        }
        return read;
    }

    public void close() {
        lesson.set(null);
        stepIndex.set(-1);
        stepTitle.set("");
        stepNote.set("");
        stepLabel.set("");
        problems.set("");
        awaitedModel = null;
    }

    /** The next step; false at the last one (or without a lesson). */
    public boolean next() {
        return lesson.get() != null && stepIndex.get() + 1 < lesson.get().steps().size() && go(stepIndex.get() + 1);
    }

    /** The previous step; false at the first one. */
    public boolean previous() {
        return lesson.get() != null && stepIndex.get() > 0 && go(stepIndex.get() - 1);
    }

    private boolean go(int index) {
        LessonStep step = lesson.get().steps().get(index);
        stepIndex.set(index);
        stepTitle.set(step.title() == null ? "" : step.title());
        stepNote.set(step.note() == null ? "" : step.note());
        stepLabel.set(lesson.get().title() + " · step " + (index + 1) + " of " + lesson.get().steps().size());
        presentation.revealOrderProperty().set(step.reveal());
        awaitedModel = null;
        if (step.model() != null && !step.model().equals(currentModel.getValue()) && switchModel.test(step.model())) {
            awaitedModel = step.model(); // searched once the model is in; until then the teacher may move on
        }
        searchPhoto.accept(step.photo());
        return true;
    }

    public LessonStep currentStep() {
        Lesson current = lesson.get();
        int i = stepIndex.get();
        return current == null || i < 0 || i >= current.steps().size() ? null : current.steps().get(i);
    }

    public ReadOnlyObjectProperty<Lesson> lessonProperty() {
        return lesson;
    }

    public BooleanBinding openProperty() {
        return open;
    }

    public ReadOnlyIntegerProperty stepIndexProperty() {
        return stepIndex.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty stepTitleProperty() {
        return stepTitle.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty stepNoteProperty() {
        return stepNote.getReadOnlyProperty();
    }

    /** "Dogs, food and one mistake · step 2 of 3". */
    public ReadOnlyStringProperty stepLabelProperty() {
        return stepLabel.getReadOnlyProperty();
    }

    /** The lesson file's problems, one per line ("lesson.yaml line 7: photo not found: …"), or empty. */
    public ReadOnlyStringProperty problemsProperty() {
        return problems.getReadOnlyProperty();
    }

    public BooleanBinding hasProblemsProperty() {
        return Bindings.createBooleanBinding(() -> !problems.get().isEmpty(), problems);
    }
}
