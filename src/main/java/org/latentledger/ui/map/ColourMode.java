package org.latentledger.ui.map;

/** What a point's colour says. */
public enum ColourMode {
    LABEL("label"),
    PREDICTED("predicted class"),
    CORRECT("correct / wrong"),
    DENSITY("activation density");

    private final String label;

    ColourMode(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}
