package org.visualsearch.ui.classroom;

import java.util.List;
import java.util.Set;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.ListView;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * The classroom keys, on the whole scene (a presenter clicker sends Page Up/Down or the arrows):
 * F11/Esc, F1/?, the step and reveal keys, H and W (how it works, the heatmap), the tally digits, scale, theme, Ctrl+L and
 * Ctrl+Shift+S. In present mode the step keys always go to the lesson; in the window they leave
 * a focused button, list or text field its own Space and arrows (Page Up/Down still step).
 */
public final class ClassroomKeys {
    private static final Set<KeyCode> FORWARD = Set.of(KeyCode.SPACE, KeyCode.RIGHT, KeyCode.DOWN, KeyCode.PAGE_DOWN);
    private static final Set<KeyCode> BACK = Set.of(KeyCode.LEFT, KeyCode.UP, KeyCode.PAGE_UP);

    /** What the keys do that is not the presentation's own state. */
    public record Actions(Runnable openLesson, Runnable snapshot) {
    }

    private final PresentationModel presentation;
    private final LessonViewModel lesson;
    private final Actions actions;

    public ClassroomKeys(PresentationModel presentation, LessonViewModel lesson, Actions actions) {
        this.presentation = presentation;
        this.lesson = lesson;
        this.actions = actions;
    }

    public void install(Scene scene) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (pressed(event, scene.getFocusOwner())) {
                event.consume();
            }
        });
        scene.addEventFilter(KeyEvent.KEY_TYPED, event -> {
            if (typed(event.getCharacter(), scene.getFocusOwner())) {
                event.consume();
            }
        });
    }

    /** Handles a key press; true when it was a classroom key. */
    boolean pressed(KeyEvent e, Node focus) {
        KeyCode code = e.getCode();
        if (presentation.helpShownProperty().get()) {
            if (!code.isModifierKey()) {
                presentation.helpShownProperty().set(false);
            }
            return true; // the help is modal: no key goes through it
        }
        if (code == KeyCode.F11) {
            presentation.togglePresenting();
            return true;
        }
        if (code == KeyCode.ESCAPE && presentation.presentingProperty().get()) {
            presentation.presentingProperty().set(false);
            return true;
        }
        if (code == KeyCode.F1) {
            presentation.helpShownProperty().set(true);
            return true;
        }
        if (e.isShortcutDown() && e.isShiftDown() && code == KeyCode.S) {
            actions.snapshot().run();
            return true;
        }
        if (e.isShortcutDown() && !e.isShiftDown() && code == KeyCode.L) {
            actions.openLesson().run();
            return true;
        }
        if (e.isShortcutDown() || e.isAltDown()) {
            return false;
        }
        boolean stepping = presentation.presentingProperty().get() || lesson.openProperty().get()
                || presentation.guessFirstProperty().get();
        // While something is covered or a lesson runs, Space and the arrows are the teacher's
        // (a focused button still has Enter); a text field, a list and the gallery keep theirs.
        boolean focusUsesKey = focus instanceof TextInputControl || focus instanceof ComboBoxBase
                || focus instanceof ListView || isGrid(focus)
                || (focus instanceof ButtonBase && !presentation.hasHidden() && !lesson.openProperty().get());
        boolean mine = stepping && (presentation.presentingProperty().get() || !focusUsesKey
                || code == KeyCode.PAGE_DOWN || code == KeyCode.PAGE_UP);
        if (mine && FORWARD.contains(code)) {
            forward();
            return true;
        }
        if (mine && BACK.contains(code)) {
            lesson.previous();
            return true;
        }
        if (focus instanceof TextInputControl) {
            return false;
        }
        switch (code) {
            case G -> presentation.guessFirstProperty().set(!presentation.guessFirstProperty().get());
            case T -> presentation.tallyProperty().set(!presentation.tallyProperty().get());
            case D -> presentation.themeProperty().set(darkOrLight(presentation.themeProperty().get()));
            case H -> presentation.pipelineShownProperty().set(!presentation.pipelineShownProperty().get());
            case W -> presentation.heatmapShownProperty().set(!presentation.heatmapShownProperty().get());
            default -> {
                if (code.isDigitKey() && presentation.tallyProperty().get() && presentation.hasHidden()) {
                    int i = Integer.parseInt(code.getChar()) - 1;
                    List<String> categories = presentation.categories();
                    if (i >= 0 && i < categories.size()) {
                        presentation.vote(categories.get(i));
                        return true;
                    }
                }
                return false;
            }
        }
        return true;
    }

    /** ? opens the help, + and − change the scale (typed characters: they depend on the layout). */
    boolean typed(String character, Node focus) {
        if (focus instanceof TextInputControl || presentation.helpShownProperty().get()) {
            return false;
        }
        switch (character) {
            case "?" -> presentation.helpShownProperty().set(true);
            case "+", "=" -> presentation.setScale(presentation.scaleProperty().get() + 0.5);
            case "-" -> presentation.setScale(presentation.scaleProperty().get() - 0.5);
            default -> {
                return false;
            }
        }
        return true;
    }

    /** Next: the next covered result, else the next step. */
    public void forward() {
        if (!presentation.revealNext()) {
            lesson.next();
        }
    }

    static ClassroomTheme darkOrLight(ClassroomTheme theme) {
        return switch (theme) {
            case LIGHT -> ClassroomTheme.DARK;
            case DARK -> ClassroomTheme.LIGHT;
            case CUPERTINO_LIGHT -> ClassroomTheme.CUPERTINO_DARK;
            case CUPERTINO_DARK -> ClassroomTheme.CUPERTINO_LIGHT;
            case NORD_LIGHT -> ClassroomTheme.NORD_DARK;
            case NORD_DARK -> ClassroomTheme.NORD_LIGHT;
        };
    }

    private static boolean isGrid(Node focus) {
        for (Node n = focus; n != null; n = n.getParent()) {
            if ("galleryGrid".equals(n.getId())) {
                return true;
            }
        }
        return false;
    }
}
