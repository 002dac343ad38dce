package org.latentledger.view;

import org.latentledger.work.Named;

/** The app's two looks (the UI maps each to its base stylesheet and a root style class). */
public enum Theme implements Named {
    LIGHT, DARK;

    /** The style class the scene's root carries in this theme. */
    public String styleClass() {
        return "ll-" + cliName();
    }

    public static Theme parse(String name) {
        return Named.parse(Theme.class, name, "theme");
    }

    @Override
    public String toString() {
        return switch (this) {
            case LIGHT -> "Light";
            case DARK -> "Dark";
        };
    }
}
