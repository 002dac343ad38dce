package org.latentledger.view;

import org.latentledger.work.Named;

/** The app's two looks (the UI maps each to its base stylesheet and a root style class). */
public enum Theme implements Named {
    LIGHT("light", "Light"),
    DARK("dark", "Dark");

    private final String cliName;
    private final String label;

    Theme(String cliName, String label) {
        this.cliName = cliName;
        this.label = label;
    }

    @Override
    public String cliName() {
        return cliName;
    }

    @Override
    public String label() {
        return label;
    }

    /** The style class the scene's root carries in this theme. */
    public String styleClass() {
        return "ll-" + cliName;
    }

    public static Theme parse(String name) {
        return Named.parse(Theme.class, name, "theme");
    }

    @Override
    public String toString() {
        return label;
    }
}
