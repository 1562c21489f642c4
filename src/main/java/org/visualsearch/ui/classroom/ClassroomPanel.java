package org.visualsearch.ui.classroom;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import org.visualsearch.ui.gallery.CategoryColors;

/**
 * Under the query: the lesson step (its place in the lesson, title and note), the lesson file's
 * problems, and in guess first what the next key press uncovers and the show-of-hands tally
 * (click a category once per raised hand; right-click takes one back).
 */
public final class ClassroomPanel {
    private final VBox root = new VBox(6);
    private final FlowPane tallyButtons = new FlowPane(6, 6);
    private final PresentationModel presentation;

    public ClassroomPanel(PresentationModel presentation, LessonViewModel lesson) {
        this.presentation = presentation;
        root.setId("classroomPanel");
        root.getStyleClass().add("classroom-panel");

        Label stepLabel = label("lessonStep", "lesson-step", lesson.stepLabelProperty());
        Label title = label("lessonTitle", "lesson-title", lesson.stepTitleProperty());
        Label note = label("lessonNote", "lesson-note", lesson.stepNoteProperty());
        Label problems = label("lessonProblems", "lesson-problems", lesson.problemsProperty());

        Label hint = new Label();
        hint.setId("revealHint");
        hint.getStyleClass().add("reveal-hint");
        hint.setWrapText(true);
        hint.textProperty().bind(Bindings.createStringBinding(() -> {
            if (!presentation.hasHidden()) {
                return "";
            }
            int rank = presentation.nextRank();
            return rank > 0 ? "Guess the category of #" + rank + ", then press Space" : "Space shows the ranked gallery";
        }, presentation.revealStepProperty(), presentation.guessFirstProperty(), presentation.revealOrderProperty(),
                presentation.categories(), presentation.hits()));
        hint.visibleProperty().bind(hint.textProperty().isNotEmpty());
        hint.managedProperty().bind(hint.visibleProperty());

        Label summary = new Label();
        summary.setId("tallySummary");
        summary.getStyleClass().add("tally-summary");
        summary.setWrapText(true);
        summary.textProperty().bind(presentation.tallySummaryProperty());
        summary.visibleProperty().bind(summary.textProperty().isNotEmpty());
        summary.managedProperty().bind(summary.visibleProperty());

        tallyButtons.setId("tally");
        tallyButtons.visibleProperty().bind(presentation.tallyProperty().and(Bindings.createBooleanBinding(
                presentation::hasHidden, presentation.revealStepProperty(), presentation.guessFirstProperty(),
                presentation.hits())));
        tallyButtons.managedProperty().bind(tallyButtons.visibleProperty());
        presentation.categories().addListener((ListChangeListener<String>) c -> rebuildTally());
        presentation.onVotesChanged(this::refreshTally);
        rebuildTally();

        Label message = new Label();
        message.setId("classroomMessage");
        message.getStyleClass().add("classroom-message");
        message.setWrapText(true);
        message.textProperty().bind(presentation.messageProperty());
        message.visibleProperty().bind(presentation.messageProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());

        javafx.scene.layout.HBox tallyRow = new javafx.scene.layout.HBox(16, hint, summary);
        tallyRow.setAlignment(Pos.CENTER_LEFT);
        tallyRow.visibleProperty().bind(hint.visibleProperty().or(summary.visibleProperty()));
        tallyRow.managedProperty().bind(tallyRow.visibleProperty());
        root.getChildren().addAll(stepLabel, title, note, problems, tallyRow, tallyButtons, message);
        root.setMinWidth(0);
    }

    private static Label label(String id, String style, javafx.beans.value.ObservableStringValue text) {
        Label label = new Label() {
            // all its lines, always: the gallery below gives way instead (a teacher must read every
            // problem). A VBox asks a wrapping label's minimum for the width it will get; a bound
            // minHeight went stale and let a third line run into the gallery's title in a real window.
            @Override
            protected double computeMinHeight(double width) {
                return computePrefHeight(width);
            }
        };
        label.setId(id);
        label.getStyleClass().add(style);
        label.setWrapText(true);
        label.textProperty().bind(text);
        label.visibleProperty().bind(Bindings.createBooleanBinding(() -> !text.get().isEmpty(), text));
        label.managedProperty().bind(label.visibleProperty());
        return label;
    }

    private void rebuildTally() {
        tallyButtons.getChildren().clear();
        for (String category : presentation.categories()) {
            Button vote = new Button();
            vote.setId("vote-" + category);
            vote.getStyleClass().add("vote-button");
            vote.setGraphic(CategoryColors.chip(category));
            vote.setUserData(category);
            vote.setOnAction(e -> presentation.vote(category));
            vote.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.SECONDARY) {
                    presentation.unvote(category);
                }
            });
            tallyButtons.getChildren().add(vote);
        }
        refreshTally();
    }

    private void refreshTally() {
        for (Node node : tallyButtons.getChildren()) {
            if (node instanceof Button vote && vote.getUserData() instanceof String category) {
                vote.setText(Integer.toString(presentation.votes(category)));
            }
        }
    }

    public Node root() {
        return root;
    }
}
