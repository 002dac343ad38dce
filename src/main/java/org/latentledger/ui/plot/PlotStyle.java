package org.latentledger.ui.plot;

import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;

/**
 * The colours and sizes a plot is drawn with, read from CSS ({@code -ll-plot-*}) at draw time, so
 * a theme switch or presentation mode repaints every plot in its new look.
 *
 * @param background the plot's paper
 * @param foreground text, axes and outlines
 * @param muted      secondary text (subtitles, hints)
 * @param grid       grid lines and light borders
 * @param accent     the highlight colour (selection, the chosen answer)
 * @param danger     warnings and the query's mark
 * @param off        a unit that is off (heatmaps)
 * @param secondary  a second data series
 * @param halo       the translucent paper behind labels drawn over data
 * @param axis       concept and principal axes drawn as arrows
 * @param fontScale  text size multiplier (presentation mode makes text larger)
 * @param markScale  point and line size multiplier
 */
public record PlotStyle(Color background, Color foreground, Color muted, Color grid, Color accent, Color danger, Color off,
                        Color secondary, Color halo, Color axis, double fontScale, double markScale) {

    /** The light theme's colours at normal size (before CSS is applied, and in tests). */
    public static final PlotStyle LIGHT = new PlotStyle(Color.WHITE, Color.web("#1f2328"), Color.web("#59636e"), Color.web("#d8dee4"),
            Color.web("#0969da"), Color.web("#cf222e"), Color.web("#e3e6ea"), Color.web("#f28e2b"), Color.color(1, 1, 1, 0.85),
            Color.web("#6e40c9"), 1, 1);

    public Font font(double size) {
        return Font.font(size * fontScale);
    }

    public Font bold(double size) {
        return Font.font(null, FontWeight.BOLD, size * fontScale);
    }

    public Font semiBold(double size) {
        return Font.font(null, FontWeight.SEMI_BOLD, size * fontScale);
    }

    /** A length that holds text (a label column, a line height) in this style. */
    public double em(double length) {
        return length * fontScale;
    }

    /** A mark's size (a point's radius, a line's width) in this style. */
    public double mark(double size) {
        return size * markScale;
    }

    /** Packs an opaque colour as 0xAARRGGBB. */
    public static int argb(Color c) {
        return 0xFF000000 | (int) Math.round(c.getRed() * 255) << 16 | (int) Math.round(c.getGreen() * 255) << 8
                | (int) Math.round(c.getBlue() * 255);
    }
}
