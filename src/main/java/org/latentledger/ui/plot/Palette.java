package org.latentledger.ui.plot;

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

    /** Viridis (van der Walt and Smith, matplotlib), perceptually uniform, at nine stops. */
    private static final Color[] VIRIDIS = {
        Color.web("#440154"), Color.web("#472d7b"), Color.web("#3b528b"), Color.web("#2c728e"), Color.web("#21918c"),
        Color.web("#28ae80"), Color.web("#5ec962"), Color.web("#addc30"), Color.web("#fde725"),
    };

    public static final Color CORRECT = Color.web("#59A14F");
    public static final Color WRONG = Color.web("#E15759");

    private Palette() {
    }

    /** The viridis colour at t in [0, 1]. */
    public static Color viridis(double t) {
        double v = Math.max(0, Math.min(1, Double.isNaN(t) ? 0 : t)) * (VIRIDIS.length - 1);
        int i = Math.min(VIRIDIS.length - 2, (int) v);
        return VIRIDIS[i].interpolate(VIRIDIS[i + 1], v - i);
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
