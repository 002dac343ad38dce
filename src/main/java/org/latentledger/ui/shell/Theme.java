package org.latentledger.ui.shell;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;

/**
 * The app's two looks: AtlantaFX's Primer light and dark as the base theme, with our colours on
 * top as looked-up {@code -ll-} variables ({@code latent-ledger.css}) that follow the base theme's
 * semantic colours; the root carries {@code ll-light} or {@code ll-dark} for what the base theme
 * does not name (plot halos, the colour of an "off" unit).
 */
public enum Theme {
    LIGHT("Light", "ll-light"),
    DARK("Dark", "ll-dark");

    private final String label;
    private final String styleClass;

    Theme(String label, String styleClass) {
        this.label = label;
        this.styleClass = styleClass;
    }

    public String label() {
        return label;
    }

    /** The style class the scene's root carries in this theme. */
    public String styleClass() {
        return styleClass;
    }

    /** The base theme's user-agent stylesheet. */
    public String userAgentStylesheet() {
        return this == DARK ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet();
    }

    /** The theme named (case-insensitive), or LIGHT. */
    public static Theme parse(String name) {
        for (Theme t : values()) {
            if (t.name().equalsIgnoreCase(name) || t.label.equalsIgnoreCase(name)) {
                return t;
            }
        }
        return LIGHT;
    }
}
