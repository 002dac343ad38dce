package org.latentledger.view;

import org.latentledger.work.Named;

/** What a point's colour says. */
public enum ColourMode implements Named {
    LABEL("label", "label"),
    PREDICTED("predicted", "predicted class"),
    CORRECT("correct", "correct / wrong"),
    DENSITY("density", "activation density");

    private final String cliName;
    private final String label;

    ColourMode(String cliName, String label) {
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

    public static ColourMode parse(String name) {
        return Named.parse(ColourMode.class, name, "colour mode");
    }

    @Override
    public String toString() {
        return label;
    }
}
