package org.latentledger.ui.map;

import java.util.List;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.css.StyleableObjectProperty;
import javafx.css.StyleablePropertyFactory;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import javafx.scene.transform.Scale;

/**
 * A 2D scatter of a layer's map on one Canvas, coloured by class, with axes, ticks, a title and
 * a legend. Redrawn at most once per pulse, and only when something changed (chart-fx's rule):
 * changes mark it dirty and request a layout; {@link #layoutChildren()} draws.
 *
 * <p>Colours come from CSS ({@code -ll-plot-background}, {@code -ll-plot-foreground},
 * {@code -ll-plot-grid}) so a theme switch repaints the plot. For exports the backing canvas can
 * be oversampled ({@link #setOversample}), which keeps text and points crisp at 2x and 4x.
 */
public final class MapCanvas extends Region {

    public static final String STYLE_CLASS = "ll-map";

    private static final StyleablePropertyFactory<MapCanvas> FACTORY = new StyleablePropertyFactory<>(Region.getClassCssMetaData());
    private static final double LEFT = 72;
    private static final double RIGHT = 170;
    private static final double TOP = 40;
    private static final double BOTTOM = 52;
    private static final double POINT_RADIUS = 2.6;

    private final Canvas canvas = new Canvas();
    private final ObjectProperty<MapData> data = new SimpleObjectProperty<>(this, "data");
    private final StringProperty emptyMessage = new SimpleStringProperty(this, "emptyMessage", "No map yet");
    private final StyleableObjectProperty<Paint> plotBackground =
            (StyleableObjectProperty<Paint>) FACTORY.createStyleablePaintProperty(this, "plotBackground", "-ll-plot-background", m -> m.plotBackground, Color.WHITE);
    private final StyleableObjectProperty<Paint> plotForeground =
            (StyleableObjectProperty<Paint>) FACTORY.createStyleablePaintProperty(this, "plotForeground", "-ll-plot-foreground", m -> m.plotForeground, Color.web("#1f2328"));
    private final StyleableObjectProperty<Paint> plotGrid =
            (StyleableObjectProperty<Paint>) FACTORY.createStyleablePaintProperty(this, "plotGrid", "-ll-plot-grid", m -> m.plotGrid, Color.web("#d8dee4"));

    private double oversample = 1;
    private boolean dirty = true;
    private int drawnPoints;
    private int hovered = -1;
    /** Screen position of each point from the last draw, for hover picking. */
    private float[] screenX = new float[0];
    private float[] screenY = new float[0];

    public MapCanvas() {
        getStyleClass().add(STYLE_CLASS);
        getChildren().add(canvas);
        canvas.setManaged(false);
        for (javafx.beans.Observable p : List.<javafx.beans.Observable>of(data, emptyMessage, plotBackground, plotForeground, plotGrid)) {
            p.addListener(o -> markDirty());
        }
        data.addListener(o -> hovered = -1);
        setOnMouseMoved(e -> setHovered(pick(e.getX(), e.getY())));
        setOnMouseExited(e -> setHovered(-1));
        setMinSize(300, 220);
    }

    public ObjectProperty<MapData> dataProperty() {
        return data;
    }

    public StringProperty emptyMessageProperty() {
        return emptyMessage;
    }

    /** Number of points drawn by the last redraw (what the user actually sees). */
    public int drawnPoints() {
        return drawnPoints;
    }

    /**
     * Draws the backing canvas at {@code factor} times its on-screen size and scales it back,
     * so a snapshot taken at that scale has crisp text and marks instead of an upscaled bitmap.
     */
    public void setOversample(double factor) {
        if (factor > 0 && factor != oversample) {
            oversample = factor;
            markDirty();
        }
    }

    private void markDirty() {
        dirty = true;
        requestLayout();
    }

    private void setHovered(int index) {
        if (index != hovered) {
            hovered = index;
            markDirty();
        }
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
        if (dirty) {
            dirty = false;
            draw(w, h);
        }
    }

    private void draw(double w, double h) {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.save();
        g.setTransform(oversample, 0, 0, oversample, 0, 0);
        g.setFill(plotBackground.get());
        g.fillRect(0, 0, w, h);
        MapData d = data.get();
        if (d == null || d.size() == 0 || w < LEFT + RIGHT + 20 || h < TOP + BOTTOM + 20) {
            drawEmpty(g, w, h);
            g.restore();
            return;
        }
        Frame f = Frame.fit(d, LEFT, TOP, w - RIGHT, h - BOTTOM);
        drawAxes(g, d, f, w, h);
        drawPoints(g, d, f);
        drawLegend(g, d, w);
        drawHover(g, d);
        g.restore();
    }

    private void drawEmpty(GraphicsContext g, double w, double h) {
        drawnPoints = 0;
        screenX = new float[0];
        screenY = new float[0];
        g.setFill(plotForeground.get());
        g.setFont(Font.font(15));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(emptyMessage.get(), w / 2, h / 2);
    }

    private void drawAxes(GraphicsContext g, MapData d, Frame f, double w, double h) {
        Paint fg = plotForeground.get();
        g.setFont(Font.font(null, FontWeight.SEMI_BOLD, 14));
        g.setFill(fg);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(d.title(), f.left, TOP / 2);

        g.setFont(Font.font(11));
        g.setLineWidth(1);
        for (double t : Ticks.of(f.minX, f.maxX, 6)) {
            double x = f.sx(t);
            g.setStroke(plotGrid.get());
            g.strokeLine(x, f.top, x, f.bottom);
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.TOP);
            g.setFill(fg);
            g.fillText(Ticks.label(t), x, f.bottom + 5);
        }
        for (double t : Ticks.of(f.minY, f.maxY, 6)) {
            double y = f.sy(t);
            g.setStroke(plotGrid.get());
            g.strokeLine(f.left, y, f.right, y);
            g.setTextAlign(TextAlignment.RIGHT);
            g.setTextBaseline(VPos.CENTER);
            g.setFill(fg);
            g.fillText(Ticks.label(t), f.left - 6, y);
        }
        g.setStroke(fg);
        g.strokeRect(f.left, f.top, f.right - f.left, f.bottom - f.top);

        g.setFont(Font.font(12));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.BOTTOM);
        g.fillText(d.xTitle(), (f.left + f.right) / 2, h - 8);
        g.save();
        g.translate(16, (f.top + f.bottom) / 2);
        g.rotate(-90);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(d.yTitle(), 0, 0);
        g.restore();
    }

    private void drawPoints(GraphicsContext g, MapData d, Frame f) {
        int n = d.size();
        screenX = new float[n];
        screenY = new float[n];
        int classes = d.classNames().size();
        Color[] colours = new Color[Math.max(1, classes)];
        for (int c = 0; c < colours.length; c++) {
            colours[c] = Palette.category(c, classes).deriveColor(0, 1, 1, 0.8);
        }
        double r = POINT_RADIUS;
        g.save();
        g.beginPath();
        g.rect(f.left, f.top, f.right - f.left, f.bottom - f.top);
        g.clip();
        for (int i = 0; i < n; i++) {
            float x = (float) f.sx(d.x()[i]);
            float y = (float) f.sy(d.y()[i]);
            screenX[i] = x;
            screenY[i] = y;
            int c = d.classes()[i];
            g.setFill(c >= 0 && c < colours.length ? colours[c] : Color.GRAY);
            g.fillOval(x - r, y - r, 2 * r, 2 * r);
        }
        g.restore();
        drawnPoints = n;
    }

    private void drawLegend(GraphicsContext g, MapData d, double w) {
        double x = w - RIGHT + 18;
        double y = TOP + 4;
        g.setFill(plotForeground.get());
        g.setFont(Font.font(null, FontWeight.SEMI_BOLD, 12));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        g.fillText("Label", x, y + 7);
        g.setFont(Font.font(12));
        int classes = d.classNames().size();
        for (int c = 0; c < classes; c++) {
            double cy = y + 28 + c * 20;
            g.setFill(Palette.category(c, classes));
            g.fillOval(x, cy - 5, 10, 10);
            g.setFill(plotForeground.get());
            g.fillText(d.classNames().get(c), x + 18, cy);
        }
    }

    private void drawHover(GraphicsContext g, MapData d) {
        if (hovered < 0 || hovered >= screenX.length) {
            return;
        }
        double x = screenX[hovered];
        double y = screenY[hovered];
        g.setStroke(plotForeground.get());
        g.setLineWidth(2);
        g.strokeOval(x - 6, y - 6, 12, 12);
        int c = d.classes()[hovered];
        String name = d.pointNames().isEmpty() || d.pointNames().get(hovered).isEmpty() ? "" : "  " + d.pointNames().get(hovered);
        String text = String.format(Locale.ROOT, "#%d%s  label %s", hovered, name,
                c >= 0 && c < d.classNames().size() ? d.classNames().get(c) : "?");
        g.setFont(Font.font(12));
        double tw = text.length() * 7.0 + 12;
        double bx = Math.min(x + 10, getWidth() - RIGHT - tw);
        double by = Math.max(TOP, y - 30);
        g.setFill(Color.color(0, 0, 0, 0.75));
        g.fillRoundRect(bx, by, tw, 22, 6, 6);
        g.setFill(Color.WHITE);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(text, bx + 6, by + 11);
    }

    /** The index of the point nearest to (x, y) within 8 pixels, or -1. */
    private int pick(double x, double y) {
        int best = -1;
        double bestD = 64;
        for (int i = 0; i < screenX.length; i++) {
            double dx = screenX[i] - x;
            double dy = screenY[i] - y;
            double dd = dx * dx + dy * dy;
            if (dd < bestD) {
                bestD = dd;
                best = i;
            }
        }
        return best;
    }

    /** Maps data to screen with the same scale on both axes, so distances on the map are honest. */
    private record Frame(double left, double top, double right, double bottom, double minX, double maxX, double minY,
                         double maxY, double scale) {

        static Frame fit(MapData d, double left, double top, double right, double bottom) {
            double minX = Double.POSITIVE_INFINITY, maxX = Double.NEGATIVE_INFINITY;
            double minY = Double.POSITIVE_INFINITY, maxY = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < d.size(); i++) {
                minX = Math.min(minX, d.x()[i]);
                maxX = Math.max(maxX, d.x()[i]);
                minY = Math.min(minY, d.y()[i]);
                maxY = Math.max(maxY, d.y()[i]);
            }
            double spanX = Math.max(maxX - minX, 1e-9);
            double spanY = Math.max(maxY - minY, 1e-9);
            double scale = Math.min((right - left) / (spanX * 1.08), (bottom - top) / (spanY * 1.08));
            double cx = (minX + maxX) / 2;
            double cy = (minY + maxY) / 2;
            double halfW = (right - left) / scale / 2;
            double halfH = (bottom - top) / scale / 2;
            return new Frame(left, top, right, bottom, cx - halfW, cx + halfW, cy - halfH, cy + halfH, scale);
        }

        double sx(double x) {
            return left + (x - minX) * scale;
        }

        double sy(double y) {
            return bottom - (y - minY) * scale;
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
