package org.latentledger.ui.map;

import javafx.scene.paint.Color;

/**
 * Categorical colours for classes: Tableau 10 (designed to stay distinguishable for common
 * colour-vision deficiencies and on projectors), then evenly spaced hues beyond ten classes.
 */
public final class Palette {

    private static final Color[] TABLEAU_10 = {
        Color.web("#4E79A7"), Color.web("#F28E2B"), Color.web("#E15759"), Color.web("#76B7B2"), Color.web("#59A14F"),
        Color.web("#EDC948"), Color.web("#B07AA1"), Color.web("#FF9DA7"), Color.web("#9C755F"), Color.web("#BAB0AC"),
    };

    private Palette() {
    }

    public static Color category(int index, int count) {
        if (index < 0) {
            return Color.GRAY;
        }
        if (count <= TABLEAU_10.length) {
            return TABLEAU_10[index % TABLEAU_10.length];
        }
        return Color.hsb(360.0 * index / count, 0.65, 0.85);
    }
}
