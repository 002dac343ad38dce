package org.latentledger.ui.plot;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;

/**
 * The 2D map on one Canvas: points rasterised into one pixel buffer, axes, legend or colour
 * bar, regions, axis arrows, selection and search highlights, hover with thumbnails. Redrawn at
 * most once per pulse, and only when something changed (chart-fx's rule): changes mark it dirty
 * and request a layout; {@link #layoutChildren()} draws.
 *
 * <p>Mouse: wheel or pinch zooms at the cursor, drag pans, Shift-drag selects a box, Alt-drag a
 * lasso, click picks a point, double-click fits. Colours come from CSS ({@code -ll-plot-*}); for
 * exports the canvas can be oversampled ({@link #setOversample}). Colours and sizes come from {@link PlotStyle}.
 */
public final class MapCanvas extends org.latentledger.ui.plot.PlotCanvas {

    public static final String STYLE_CLASS = "ll-map";

    private static final double LEFT = 72;
    private static final double RIGHT = 170;
    private static final double TOP = 40;
    private static final double BOTTOM = 52;

    /** A query on the map: where it is, and a short label; {@code trail} holds its previous places. */
    public record QueryMark(float x, float y, String label, float[] trailX, float[] trailY) {
    }

    private final PointRaster raster = new PointRaster();
    private final ObjectProperty<MapScene> scene = new SimpleObjectProperty<>(this, "scene");
    private final ObjectProperty<int[]> selection = new SimpleObjectProperty<>(this, "selection", new int[0]);
    private final ObjectProperty<int[]> matches = new SimpleObjectProperty<>(this, "matches", new int[0]);
    private final ObjectProperty<Integer> focus = new SimpleObjectProperty<>(this, "focus", -1);
    private final ObjectProperty<QueryMark> query = new SimpleObjectProperty<>(this, "query");
    private final javafx.beans.property.BooleanProperty compact = new javafx.beans.property.SimpleBooleanProperty(this, "compact");
    private final StringProperty emptyMessage = new SimpleStringProperty(this, "emptyMessage", "No map yet");

    private int drawnPoints;
    private MapScene drawnScene;
    private PlotStyle style = PlotStyle.LIGHT;
    private int hovered = -1;
    private double zoom = 1;
    private double centreX = Double.NaN;
    private double centreY = Double.NaN;
    private MapFrame frame;
    private float[] screenX = new float[0];
    private float[] screenY = new float[0];
    private Drag drag;
    private IntConsumer onPick = i -> { };
    private Consumer<int[]> onSelect = s -> { };

    private enum Mode { PAN, BOX, LASSO }

    private static final class Drag {
        final Mode mode;
        final double startX;
        final double startY;
        final double centreX;
        final double centreY;
        final List<double[]> path = new ArrayList<>();
        boolean moved;

        Drag(Mode mode, double x, double y, double cx, double cy) {
            this.mode = mode;
            this.startX = x;
            this.startY = y;
            this.centreX = cx;
            this.centreY = cy;
            path.add(new double[] {x, y});
        }
    }

    public MapCanvas() {
        super(USE_COMPUTED_SIZE, USE_COMPUTED_SIZE);
        getStyleClass().add(STYLE_CLASS);
        for (Observable p : List.<Observable>of(scene, selection, matches, focus, query, compact, emptyMessage)) {
            p.addListener(o -> markDirty());
        }
        scene.addListener((o, old, s) -> {
            hovered = -1;
            if (old == null || s == null || old.size() != s.size()) {
                fit();
            }
        });
        setOnMouseMoved(e -> {
            setHovered(pointAt(e.getX(), e.getY()));
            explainShortened(e.getX(), e.getY());
        });
        setOnMouseExited(e -> setHovered(-1));
        setOnScroll(e -> zoomAt(e.getX(), e.getY(), Math.exp(e.getDeltaY() / 300)));
        setOnZoom(e -> zoomAt(e.getX(), e.getY(), e.getZoomFactor()));
        setOnMousePressed(this::pressed);
        setOnMouseDragged(this::dragged);
        setOnMouseReleased(this::released);
        setMinSize(300, 220);
    }

    public ObjectProperty<MapScene> mapSceneProperty() {
        return scene;
    }

    /** Points drawn with a selection ring. */
    public ObjectProperty<int[]> selectionProperty() {
        return selection;
    }

    /** Points drawn with a search-match ring. */
    public ObjectProperty<int[]> matchesProperty() {
        return matches;
    }

    /** The point whose details are shown (a larger ring), or -1. */
    public ObjectProperty<Integer> focusProperty() {
        return focus;
    }

    /** A query drawn as a marked cross with its trail (the journey). */
    public ObjectProperty<QueryMark> queryProperty() {
        return query;
    }

    /** Small multiples: no legend, ticks or axis titles, thin margins. */
    public javafx.beans.property.BooleanProperty compactProperty() {
        return compact;
    }

    private double left() {
        return compact.get() ? 6 : style.em(LEFT);
    }

    private double right() {
        return compact.get() ? 6 : style.em(RIGHT);
    }

    private double top() {
        return compact.get() ? style.em(22) : style.em(TOP);
    }

    private double bottom() {
        return compact.get() ? 6 : style.em(BOTTOM);
    }

    public StringProperty emptyMessageProperty() {
        return emptyMessage;
    }

    /** The labels drawn shortened (a region's long name, the note of labels left out), whose whole text a tooltip shows. */
    private List<MapLabels.Box> shortened = List.of();
    private final javafx.scene.control.Tooltip whole = new javafx.scene.control.Tooltip();
    private boolean wholeInstalled;

    /** Over a shortened label the tooltip says it whole; elsewhere there is none. */
    private void explainShortened(double x, double y) {
        MapLabels.Box over = shortened.stream().filter(b -> b.contains(x, y)).findFirst().orElse(null);
        if (over != null) {
            whole.setText(over.full());
            if (!wholeInstalled) {
                javafx.scene.control.Tooltip.install(this, whole);
                wholeInstalled = true;
            }
        } else if (wholeInstalled) {
            javafx.scene.control.Tooltip.uninstall(this, whole);
            wholeInstalled = false;
        }
    }

    /** The whole text of the shortened label at (x, y) in this canvas, or null (for tests and the tooltip). */
    public String wholeLabelAt(double x, double y) {
        return shortened.stream().filter(b -> b.contains(x, y)).map(MapLabels.Box::full).findFirst().orElse(null);
    }

    /** Where point i was last drawn, in this canvas's coordinates, or null if it was not drawn. */
    public javafx.geometry.Point2D drawnAt(int i) {
        if (i < 0 || i >= screenX.length || Float.isNaN(screenX[i]) || frame == null) {
            return null;
        }
        return new javafx.geometry.Point2D(screenX[i], screenY[i]);
    }

    public void setOnPick(IntConsumer handler) {
        onPick = handler;
    }

    public void setOnSelect(Consumer<int[]> handler) {
        onSelect = handler;
    }

    /** Number of points drawn by the last redraw (what the user actually sees). */
    /** The scene the last drawing showed (a benchmark waits for a new one), or null before any. */
    public MapScene drawnScene() {
        return drawnScene;
    }

    public int drawnPoints() {
        return drawnPoints;
    }


    /** Back to the whole layout, centred. */
    public void fit() {
        zoom = 1;
        centreX = Double.NaN;
        centreY = Double.NaN;
        markDirty();
    }

    private void setHovered(int index) {
        if (index != hovered) {
            hovered = index;
            markDirty();
        }
    }

    private void zoomAt(double sx, double sy, double factor) {
        if (frame == null || !Double.isFinite(factor) || factor <= 0) {
            return;
        }
        double dx = frame.dataX(sx);
        double dy = frame.dataY(sy);
        double newZoom = Math.max(0.2, Math.min(500, zoom * factor));
        double applied = newZoom / zoom;
        // Keep the data point under the cursor where it is.
        centreX = dx - (dx - frame.cx()) / applied;
        centreY = dy - (dy - frame.cy()) / applied;
        zoom = newZoom;
        markDirty();
    }

    private void pressed(MouseEvent e) {
        if (e.getButton() != MouseButton.PRIMARY || frame == null) {
            return;
        }
        if (e.getClickCount() == 2) {
            fit();
            return;
        }
        Mode mode = e.isShiftDown() ? Mode.BOX : e.isAltDown() || e.isShortcutDown() ? Mode.LASSO : Mode.PAN;
        drag = new Drag(mode, e.getX(), e.getY(), frame.cx(), frame.cy());
    }

    private void dragged(MouseEvent e) {
        if (drag == null) {
            return;
        }
        drag.moved |= Math.hypot(e.getX() - drag.startX, e.getY() - drag.startY) > 3;
        if (drag.mode == Mode.PAN) {
            centreX = drag.centreX - (e.getX() - drag.startX) / frame.scale();
            centreY = drag.centreY + (e.getY() - drag.startY) / frame.scale();
        } else {
            drag.path.add(new double[] {e.getX(), e.getY()});
        }
        markDirty();
    }

    private void released(MouseEvent e) {
        Drag d = drag;
        drag = null;
        if (d == null) {
            return;
        }
        if (!d.moved) {
            onPick.accept(pointAt(e.getX(), e.getY()));
        } else if (d.mode != Mode.PAN) {
            onSelect.accept(d.mode == Mode.BOX ? ScreenPoints.inBox(screenX, screenY, d.startX, d.startY, e.getX(), e.getY()) : ScreenPoints.inPolygon(screenX, screenY, d.path));
        }
        markDirty();
    }

    @Override
    protected void paint(GraphicsContext g, double w, double h, PlotStyle style) {
        this.style = style;
        MapScene s = scene.get();
        if (s == null || s.size() == 0 || w < left() + right() + 20 || h < top() + bottom() + 20) {
            drawEmpty(g, w, h);
            return;
        }
        MapFrame fit = MapFrame.fit(s.x(), s.y(), left(), top(), w - right(), h - bottom());
        frame = Double.isNaN(centreX) ? fit.zoomed(zoom, fit.cx(), fit.cy()) : fit.zoomed(zoom, centreX, centreY);
        MapPainter painter = new MapPainter(style);
        if (compact.get()) {
            painter.compactFrame(g, s, frame);
        } else {
            painter.frame(g, s, frame, w, h);
        }
        g.save();
        g.beginPath();
        g.rect(frame.left(), frame.top(), frame.right() - frame.left(), frame.bottom() - frame.top());
        g.clip();
        drawPoints(g, s, w, h);
        List<MapLabels.Box> queryBoxes = MapMarks.queryBoxes(style, query.get(), frame, compact.get());
        List<MapLabels.Box> drawnLabels = new ArrayList<>(painter.overlays(g, s, frame, queryBoxes).all());
        drawnLabels.addAll(queryBoxes);
        shortened = drawnLabels.stream().filter(MapLabels.Box::shortened).toList();
        MapMarks.highlights(g, style, screenX, screenY, matches.get(), selection.get(), focus.get());
        MapMarks.query(g, style, query.get(), frame, compact.get());
        drawDrag(g);
        g.restore();
        if (!compact.get()) {
            // Down to the canvas's foot, not the plot's: the bottom margin holds the x axis's ticks and title,
            // which end at the plot, and a short plot (presentation type, a small window) needs the room.
            painter.legend(g, s, w - right() + 18, w - 6, top() + 4, h - style.em(8));
        }
        drawHover(g, s, w);
    }

    private void drawEmpty(GraphicsContext g, double w, double h) {
        drawnPoints = 0;
        screenX = new float[0];
        screenY = new float[0];
        frame = null;
        g.setFill(style.foreground());
        g.setFont(style.font(15));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(emptyMessage.get(), w / 2, h / 2);
    }

    /**
     * Above this many points inside the frame the map draws their density (each pixel the mean
     * colour of its points, darker where more fall) instead of each point: at a million points
     * discs cover each other many times over and cost far more than a frame's 33 ms. Zooming in
     * leaves fewer points in the frame, and they are drawn one by one again.
     */
    static final int DENSITY_ABOVE = 150_000;

    private boolean density;
    private ScreenIndex index;
    private MapFrame indexedFrame;
    private MapScene indexedScene;

    private void drawPoints(GraphicsContext g, MapScene s, double w, double h) {
        int n = s.size();
        if (screenX.length != n) {
            screenX = new float[n];
            screenY = new float[n];
        }
        int[] rgb = new int[Math.max(1, s.categoryColours().size())];
        for (int c = 0; c < s.categoryColours().size(); c++) {
            rgb[c] = argb(s.categoryColours().get(c));
        }
        float vmin = Float.POSITIVE_INFINITY;
        float vmax = Float.NEGATIVE_INFINITY;
        if (s.value() != null) {
            for (float v : s.value()) {
                vmin = Math.min(vmin, v);
                vmax = Math.max(vmax, v);
            }
        }
        int inFrame = 0;
        for (int i = 0; i < n; i++) {
            if (!s.shown(i)) {
                // Left out by the class filter: not drawn, and (NaN on screen) never hovered, picked or selected.
                screenX[i] = Float.NaN;
                screenY[i] = Float.NaN;
                continue;
            }
            float x = (float) frame.sx(s.x()[i]);
            float y = (float) frame.sy(s.y()[i]);
            screenX[i] = x;
            screenY[i] = y;
            if (visible(x, y)) {
                inFrame++;
            }
        }
        if (!frame.equals(indexedFrame) || s != indexedScene) {
            index = null;
        }
        density = inFrame > DENSITY_ABOVE;
        double over = oversample();
        raster.reset((int) Math.ceil(w * over), (int) Math.ceil(h * over));
        if (density) {
            raster.beginDensity((int) Math.max(1, Math.round(over)), (int) Math.floor((frame.left() - 5) * over),
                    (int) Math.floor((frame.top() - 5) * over), (int) Math.ceil((frame.right() + 5) * over), (int) Math.ceil((frame.bottom() + 5) * over));
        }
        double radius = style.mark(compact.get() ? 1.4 : n > 20_000 ? 1.8 : n > 5_000 ? 2.2 : 2.8) * over;
        double alpha = n > 20_000 ? 0.6 : 0.8;
        int grey = argb(Color.GRAY);
        for (int i = 0; i < n; i++) {
            float x = screenX[i];
            float y = screenY[i];
            if (!visible(x, y)) {
                continue;
            }
            int colour;
            if (s.value() != null) {
                colour = argb(Palette.viridis(vmax > vmin ? (s.value()[i] - vmin) / (vmax - vmin) : 0.5));
            } else {
                int c = s.category()[i];
                colour = c >= 0 && c < s.categoryColours().size() ? rgb[c] : grey;
            }
            if (density) {
                raster.count(x * over, y * over, colour);
            } else {
                raster.disc(x * over, y * over, radius, colour, alpha);
            }
        }
        if (density) {
            raster.paintDensity(0.45);
        }
        g.save();
        g.setTransform(1, 0, 0, 1, 0, 0);
        g.drawImage(raster.toImage(), 0, 0);
        g.restore();
        drawnPoints = n;
        drawnScene = s;
        if (density) {
            drawDensityNote(g, inFrame);
        }
    }

    /** Inside the frame, with the few pixels a disc at its edge reaches (NaN, left out, is not). */
    private boolean visible(float x, float y) {
        return x >= frame.left() - 5 && x <= frame.right() + 5 && y >= frame.top() - 5 && y <= frame.bottom() + 5;
    }

    /** Says, at the frame's foot, that pixels show mixes of points here, not single points. */
    private void drawDensityNote(GraphicsContext g, int inFrame) {
        String note = String.format(Locale.ROOT, "%,d points as density: a pixel's colour is the mix of its points; zoom in for single points",
                inFrame);
        g.setFont(style.font(compact.get() ? 9 : 11));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.BOTTOM);
        g.setFill(style.muted());
        g.fillText(note, frame.left() + 6, frame.bottom() - 4, Math.max(40, frame.right() - frame.left() - 12));
    }

    /** The points the last density picture counted (tests recount them from the drawn positions). */
    long densityCounted() {
        return raster.counted();
    }

    /** Whether the last redraw drew the points' density rather than each point. */
    public boolean drewDensity() {
        return density;
    }

    /** The point under (x, y) within the pick radius, found in the cells around it (the index is built once per frame). */
    private int pointAt(double x, double y) {
        if (frame == null) {
            return -1;
        }
        if (index == null || !index.covers(screenX, screenY)) {
            index = ScreenIndex.of(screenX, screenY, getWidth(), getHeight());
            indexedFrame = frame;
            indexedScene = scene.get();
        }
        return index.nearest(x, y);
    }

    private static int argb(Color c) {
        return (int) Math.round(c.getRed() * 255) << 16 | (int) Math.round(c.getGreen() * 255) << 8 | (int) Math.round(c.getBlue() * 255);
    }

    private void drawDrag(GraphicsContext g) {
        if (drag == null || drag.mode == Mode.PAN || drag.path.size() < 2) {
            return;
        }
        g.setStroke(style.accent());
        g.setLineWidth(1.2);
        g.setLineDashes(5, 4);
        double[] last = drag.path.getLast();
        if (drag.mode == Mode.BOX) {
            g.strokeRect(Math.min(drag.startX, last[0]), Math.min(drag.startY, last[1]), Math.abs(last[0] - drag.startX),
                    Math.abs(last[1] - drag.startY));
        } else {
            double[] xs = drag.path.stream().mapToDouble(p -> p[0]).toArray();
            double[] ys = drag.path.stream().mapToDouble(p -> p[1]).toArray();
            g.strokePolygon(xs, ys, xs.length);
        }
        g.setLineDashes();
    }

    private void drawHover(GraphicsContext g, MapScene s, double w) {
        if (hovered < 0 || hovered >= screenX.length) {
            return;
        }
        double x = screenX[hovered];
        double y = screenY[hovered];
        g.setStroke(style.foreground());
        g.setLineWidth(2);
        g.strokeOval(x - 6, y - 6, 12, 12);
        String name = s.names().isEmpty() || s.names().get(hovered).isEmpty() ? "" : "  " + s.names().get(hovered);
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "#%d%s  label %s", hovered, name, s.labels()[hovered]));
        // A synset's gloss says what the point means: wrapped under its name, at most three lines.
        String note = s.notes().isEmpty() ? "" : s.notes().get(hovered);
        lines.addAll(HoverText.wrap(note, 64, 3));
        int thumb = s.thumbs() != null && s.thumbShape() != null ? 56 : 0;
        javafx.scene.text.Font font = style.font(12);
        g.setFont(font);
        double tw = thumb + 12;
        for (String line : lines) {
            tw = Math.max(tw, HoverText.width(line, font) + 12);
        }
        double line = style.em(18);
        double th = line * lines.size() + style.em(6) + (thumb > 0 ? thumb + 6 : 0);
        double bx = Math.max(0, Math.min(x + 12, w - right() - tw));
        double by = Math.max(top(), y - th - 8);
        g.setFill(Color.color(0, 0, 0, 0.78));
        g.fillRoundRect(bx, by, tw, th, 6, 6);
        if (thumb > 0) {
            Thumbnails.draw(g, s.thumbs()[hovered], s.thumbShape(), bx + 6, by + 6, thumb);
        }
        g.setFill(Color.WHITE);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        double first = by + (thumb > 0 ? thumb + 6 : 0) + style.em(3) + line / 2;
        for (int i = 0; i < lines.size(); i++) {
            g.fillText(lines.get(i), bx + 6, first + i * line);
        }
    }
}
