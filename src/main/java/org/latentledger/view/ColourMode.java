package org.latentledger.view;

import org.latentledger.work.Named;

/** What a point's colour says. */
public enum ColourMode implements Named {
    LABEL, PREDICTED, CORRECT, DENSITY;

    public static ColourMode parse(String name) {
        return Named.parse(ColourMode.class, name, "colour mode");
    }

    @Override
    public String toString() {
        return switch (this) {
            case LABEL -> "label";
            case PREDICTED -> "predicted class";
            case CORRECT -> "correct / wrong";
            case DENSITY -> "activation density";
        };
    }
}
