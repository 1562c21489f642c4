package org.visualsearch.ui.classroom;

import atlantafx.base.theme.CupertinoDark;
import atlantafx.base.theme.CupertinoLight;
import atlantafx.base.theme.NordDark;
import atlantafx.base.theme.NordLight;
import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import atlantafx.base.theme.Theme;
import java.util.Optional;

/** The themes a teacher can pick: AtlantaFX's, light and dark; the app's own CSS sits on top of each. */
public enum ClassroomTheme {
    LIGHT("Light", new PrimerLight()),
    DARK("Dark", new PrimerDark()),
    CUPERTINO_LIGHT("Cupertino light", new CupertinoLight()),
    CUPERTINO_DARK("Cupertino dark", new CupertinoDark()),
    NORD_LIGHT("Nord light", new NordLight()),
    NORD_DARK("Nord dark", new NordDark());

    private final String label;
    private final Theme theme;

    ClassroomTheme(String label, Theme theme) {
        this.label = label;
        this.theme = theme;
    }

    public String label() {
        return label;
    }

    public boolean dark() {
        return theme.isDarkMode();
    }

    public String userAgentStylesheet() {
        return theme.getUserAgentStylesheet();
    }

    /** The theme a settings file names (its enum name), if any. */
    public static Optional<ClassroomTheme> named(String name) {
        for (ClassroomTheme t : values()) {
            if (t.name().equalsIgnoreCase(name == null ? "" : name.trim())) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return label;
    }
}
