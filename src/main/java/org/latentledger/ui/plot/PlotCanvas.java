package org.latentledger.ui.plot;

import org.latentledger.ui.jobs.ThreadRule;

import java.util.List;
import javafx.beans.Observable;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.css.StyleableObjectProperty;
import javafx.css.StyleablePropertyFactory;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.transform.Scale;

/**
 * A plot drawn on one canvas (chart-fx's rule): changes mark it dirty and request a layout, and
 * {@link #layoutChildren()} redraws at most once per pulse. Colours and sizes come from CSS
 * ({@code -ll-plot-*} on the {@code ll-plot} style class), so themes and presentation mode
 * repaint it. For exports the canvas can be oversampled: it is drawn at {@code factor} times its
 * on-screen size and scaled back, so a snapshot at that scale has crisp text and marks rather
 * than an upscaled bitmap.
 */
public abstract class PlotCanvas extends Region {

    public static final String STYLE_CLASS = "ll-plot";

    private static final StyleablePropertyFactory<PlotCanvas> FACTORY = new StyleablePropertyFactory<>(Region.getClassCssMetaData());

    private final Canvas canvas = new Canvas();
    private final StyleableObjectProperty<Paint> background = paint("background", "-ll-plot-background", PlotStyle.LIGHT.background());
    private final StyleableObjectProperty<Paint> foreground = paint("foreground", "-ll-plot-foreground", PlotStyle.LIGHT.foreground());
    private final StyleableObjectProperty<Paint> muted = paint("muted", "-ll-plot-muted", PlotStyle.LIGHT.muted());
    private final StyleableObjectProperty<Paint> grid = paint("grid", "-ll-plot-grid", PlotStyle.LIGHT.grid());
    private final StyleableObjectProperty<Paint> accent = paint("accent", "-ll-plot-accent", PlotStyle.LIGHT.accent());
    private final StyleableObjectProperty<Paint> danger = paint("danger", "-ll-plot-danger", PlotStyle.LIGHT.danger());
    private final StyleableObjectProperty<Paint> off = paint("off", "-ll-plot-off", PlotStyle.LIGHT.off());
    private final StyleableObjectProperty<Paint> secondary = paint("secondary", "-ll-plot-secondary", PlotStyle.LIGHT.secondary());
    private final StyleableObjectProperty<Paint> halo = paint("halo", "-ll-plot-halo", PlotStyle.LIGHT.halo());
    private final StyleableObjectProperty<Paint> axis = paint("axis", "-ll-plot-axis", PlotStyle.LIGHT.axis());
    private final StyleableObjectProperty<Number> fontScale = (StyleableObjectProperty<Number>) FACTORY.createStyleableNumberProperty(
            this, "fontScale", "-ll-plot-font-scale", p -> p.fontScale, 1.0);
    private final StyleableObjectProperty<Number> markScale = (StyleableObjectProperty<Number>) FACTORY.createStyleableNumberProperty(
            this, "markScale", "-ll-plot-mark-scale", p -> p.markScale, 1.0);

    private double oversample = 1;
    private boolean dirty = true;
    private double lastDrawMillis;

    protected PlotCanvas(double prefWidth, double prefHeight) {
        getStyleClass().add(STYLE_CLASS);
        getChildren().add(canvas);
        canvas.setManaged(false);
        setPrefSize(prefWidth, prefHeight);
        for (Observable p : List.<Observable>of(background, foreground, muted, grid, accent, danger, off, secondary, halo, axis, fontScale,
                markScale)) {
            p.addListener(o -> markDirty());
        }
    }

    private StyleableObjectProperty<Paint> paint(String name, String css, Color initial) {
        return (StyleableObjectProperty<Paint>) FACTORY.createStyleablePaintProperty(this, name, css, p -> p.byName(name), initial);
    }

    private StyleableObjectProperty<Paint> byName(String name) {
        return switch (name) {
            case "background" -> background;
            case "foreground" -> foreground;
            case "muted" -> muted;
            case "grid" -> grid;
            case "accent" -> accent;
            case "danger" -> danger;
            case "off" -> off;
            case "secondary" -> secondary;
            case "axis" -> axis;
            default -> halo;
        };
    }

    /** The colours and sizes CSS gives this plot now. */
    public PlotStyle style() {
        return new PlotStyle(colour(background, PlotStyle.LIGHT.background()), colour(foreground, PlotStyle.LIGHT.foreground()),
                colour(muted, PlotStyle.LIGHT.muted()), colour(grid, PlotStyle.LIGHT.grid()), colour(accent, PlotStyle.LIGHT.accent()),
                colour(danger, PlotStyle.LIGHT.danger()), colour(off, PlotStyle.LIGHT.off()), colour(secondary, PlotStyle.LIGHT.secondary()),
                colour(halo, PlotStyle.LIGHT.halo()), colour(axis, PlotStyle.LIGHT.axis()), fontScale.get().doubleValue(), markScale.get().doubleValue());
    }

    private static Color colour(StyleableObjectProperty<Paint> p, Color fallback) {
        return p.get() instanceof Color c ? c : fallback;
    }

    /** Draws the plot; {@code g} is already scaled by the oversampling factor, so draw in points. */
    protected abstract void paint(GraphicsContext g, double width, double height, PlotStyle style);

    /** Asks for a redraw on the next pulse. */
    protected final void markDirty() {
        // chart-fx's rule, checked: data changes and redraws happen on the JavaFX thread only.
        ThreadRule.checkFxThread(getClass().getSimpleName());
        dirty = true;
        requestLayout();
    }

    /** Redraws now (benchmarks and exports; the UI waits for the pulse). */
    public final void redrawNow() {
        ThreadRule.checkFxThread(getClass().getSimpleName());
        dirty = true;
        layoutChildren();
    }

    /** Draw the backing canvas at {@code factor} times the on-screen size (1 = normal). */
    public final void setOversample(double factor) {
        if (factor > 0 && factor != oversample) {
            oversample = factor;
            markDirty();
        }
    }

    public final double oversample() {
        return oversample;
    }

    /** Wall time of the last redraw, milliseconds. */
    public final double lastDrawMillis() {
        return lastDrawMillis;
    }

    @Override
    protected void layoutChildren() {
        double w = snapSizeX(getWidth());
        double h = snapSizeY(getHeight());
        double cw = Math.ceil(w * oversample);
        double ch = Math.ceil(h * oversample);
        if (canvas.getWidth() != cw || canvas.getHeight() != ch) {
            canvas.setWidth(cw);
            canvas.setHeight(ch);
            canvas.getTransforms().setAll(new Scale(1 / oversample, 1 / oversample, 0, 0));
            dirty = true;
        }
        if (dirty && w > 0 && h > 0) {
            dirty = false;
            long t0 = System.nanoTime();
            GraphicsContext g = canvas.getGraphicsContext2D();
            g.save();
            g.setTransform(oversample, 0, 0, oversample, 0, 0);
            g.setImageSmoothing(false);
            PlotStyle s = style();
            g.setFill(s.background());
            g.fillRect(0, 0, w, h);
            paint(g, w, h, s);
            g.restore();
            lastDrawMillis = (System.nanoTime() - t0) / 1e6;
        }
    }

    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
        return FACTORY.getCssMetaData();
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return FACTORY.getCssMetaData();
    }
}
