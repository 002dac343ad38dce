package org.latentledger.ui.plot;

import org.latentledger.ui.plot.Ticks;
import org.latentledger.ui.plot.MapFrame;
import org.latentledger.ui.plot.Palette;
import org.latentledger.ui.plot.MapScene;
import java.util.Locale;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.text.TextAlignment;
import org.latentledger.ui.plot.PlotStyle;

/** Draws the parts of the map that are not points: axes and ticks, legend or colour bar, regions, arrows. */
final class MapPainter {

    private final PlotStyle st;
    private final Paint fg;
    private final Paint grid;

    MapPainter(PlotStyle style) {
        this.st = style;
        this.fg = style.foreground();
        this.grid = style.grid();
    }

    void frame(GraphicsContext g, MapScene s, MapFrame f, double h) {
        g.setFont(st.semiBold(14));
        g.setFill(fg);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(s.title(), f.left(), f.top() / 2);
        g.setFont(st.font(11));
        g.setLineWidth(1);
        for (double t : Ticks.of(f.minX(), f.maxX(), 6)) {
            double x = f.sx(t);
            g.setStroke(grid);
            g.strokeLine(x, f.top(), x, f.bottom());
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.TOP);
            g.setFill(fg);
            g.fillText(Ticks.label(t), x, f.bottom() + st.em(5));
        }
        for (double t : Ticks.of(f.minY(), f.maxY(), 6)) {
            double y = f.sy(t);
            g.setStroke(grid);
            g.strokeLine(f.left(), y, f.right(), y);
            g.setTextAlign(TextAlignment.RIGHT);
            g.setTextBaseline(VPos.CENTER);
            g.setFill(fg);
            g.fillText(Ticks.label(t), f.left() - 6, y);
        }
        g.setStroke(fg);
        g.strokeRect(f.left(), f.top(), f.right() - f.left(), f.bottom() - f.top());
        g.setFont(st.font(12));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.BOTTOM);
        g.fillText(s.xTitle(), (f.left() + f.right()) / 2, h - st.em(8));
        g.save();
        g.translate(st.em(16), (f.top() + f.bottom()) / 2);
        g.rotate(-90);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(s.yTitle(), 0, 0);
        g.restore();
    }

    /** Small multiples: the layer's name on top and a thin frame. */
    void compactFrame(GraphicsContext g, MapScene s, MapFrame f) {
        g.setFont(st.semiBold(12));
        g.setFill(fg);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(s.title(), f.left(), f.top() / 2 + 1);
        g.setStroke(grid);
        g.setLineWidth(1);
        g.strokeRect(f.left(), f.top(), f.right() - f.left(), f.bottom() - f.top());
    }

    void legend(GraphicsContext g, MapScene s, double x, double top, double bottom) {
        g.setFill(fg);
        g.setFont(st.semiBold(12));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        if (s.value() != null) {
            colourBar(g, s, x, top, bottom);
            return;
        }
        g.fillText(s.legendTitle(), x, top + st.em(7));
        int rows = s.categoryNames().size();
        double step = Math.min(st.em(20), (bottom - top - st.em(30)) / Math.max(1, rows));
        // A short plot gets a tighter legend, never overlapping lines.
        g.setFont(javafx.scene.text.Font.font(Math.min(st.em(12), step * 0.85)));
        double dot = Math.min(st.em(10), step * 0.7);
        for (int c = 0; c < rows; c++) {
            double cy = top + st.em(28) + c * step;
            g.setFill(s.categoryColours().get(c));
            g.fillOval(x, cy - dot / 2, dot, dot);
            g.setFill(fg);
            g.fillText(ellipsis(s.categoryNames().get(c), 18), x + dot + 8, cy);
        }
    }

    private void colourBar(GraphicsContext g, MapScene s, double x, double top, double bottom) {
        g.fillText(s.valueTitle(), x, top + st.em(7));
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (float v : s.value()) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        double barTop = top + st.em(26);
        double barBottom = Math.min(bottom, barTop + 220);
        for (int yy = 0; yy < barBottom - barTop; yy++) {
            g.setFill(Palette.viridis(1 - yy / (barBottom - barTop)));
            g.fillRect(x, barTop + yy, 16, 1.5);
        }
        g.setStroke(fg);
        g.strokeRect(x, barTop, 16, barBottom - barTop);
        g.setFill(fg);
        g.setFont(st.font(11));
        g.fillText(String.format(Locale.ROOT, "%.2f", max), x + 22, barTop);
        g.fillText(String.format(Locale.ROOT, "%.2f", (min + max) / 2), x + 22, (barTop + barBottom) / 2);
        g.fillText(String.format(Locale.ROOT, "%.2f", min), x + 22, barBottom);
    }

    void regions(GraphicsContext g, MapScene s, MapFrame f) {
        g.setLineWidth(1.2);
        for (MapScene.RegionMark r : s.regions()) {
            if (r.hullX().length >= 3) {
                double[] xs = new double[r.hullX().length];
                double[] ys = new double[r.hullY().length];
                for (int i = 0; i < xs.length; i++) {
                    xs[i] = f.sx(r.hullX()[i]);
                    ys[i] = f.sy(r.hullY()[i]);
                }
                g.setFill(Color.color(0.5, 0.5, 0.5, 0.06));
                g.fillPolygon(xs, ys, xs.length);
                g.setStroke(st.foreground().deriveColor(0, 1, 1, 0.45));
                g.setLineDashes(4, 3);
                g.strokePolygon(xs, ys, xs.length);
                g.setLineDashes();
            }
        }
        g.setFont(st.bold(12));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        java.util.List<LabelPlace> places = labelPlaces(s.regions(), f, t -> st.em(t.length() * 7.2) + 10, st.em(18));
        double h = st.em(18);
        for (LabelPlace p : places) {
            g.setFill(st.halo());
            g.fillRoundRect(p.x() - p.w() / 2, p.y() - h / 2, p.w(), h, 8, 8);
            g.setFill(fg);
            g.fillText(p.text(), p.x(), p.y());
        }
        int hidden = s.regions().size() - places.size();
        if (hidden > 0) {
            g.setFont(st.font(11));
            g.setTextAlign(TextAlignment.LEFT);
            g.setTextBaseline(VPos.BOTTOM);
            String note = String.format(Locale.ROOT, "%d of %d region labels left out where they would overlap: zoom in to see them",
                    hidden, s.regions().size());
            if (st.em(note.length() * 6.2) + 8 > f.right() - f.left() - 4) {
                note = String.format(Locale.ROOT, "%d of %d labels left out (zoom in)", hidden, s.regions().size()); // a small plot
            }
            double nw = st.em(note.length() * 6.2) + 8;
            g.setFill(st.halo());
            g.fillRect(f.left() + 2, f.bottom() - st.em(17), nw, st.em(16));
            g.setFill(st.muted());
            g.fillText(note, f.left() + 6, f.bottom() - 2);
        }
    }

    void arrows(GraphicsContext g, MapScene s, MapFrame f) {
        g.setLineWidth(st.mark(2));
        g.setFont(st.semiBold(12));
        for (MapScene.ArrowMark a : s.arrows()) {
            double x0 = f.sx(a.x0());
            double y0 = f.sy(a.y0());
            double x1 = f.sx(a.x1());
            double y1 = f.sy(a.y1());
            Color c = st.axis();
            g.setStroke(c);
            g.strokeLine(x0, y0, x1, y1);
            double angle = Math.atan2(y1 - y0, x1 - x0);
            double head = st.mark(10);
            g.setFill(c);
            g.fillPolygon(new double[] {x1, x1 - head * Math.cos(angle - 0.4), x1 - head * Math.cos(angle + 0.4)},
                    new double[] {y1, y1 - head * Math.sin(angle - 0.4), y1 - head * Math.sin(angle + 0.4)}, 3);
            double w = st.em(a.label().length() * 7.0) + 6;
            double lx = x1 + 6 * Math.cos(angle);
            double ly = y1 + 6 * Math.sin(angle);
            // Keep the label inside the plot: flip it to the other side of the tip when it would leave.
            boolean right = Math.cos(angle) >= 0 ? lx + w < f.right() : lx - w < f.left();
            g.setTextAlign(right ? TextAlignment.LEFT : TextAlignment.RIGHT);
            g.setTextBaseline(VPos.CENTER);
            g.setFill(st.halo());
            g.fillRect(right ? lx - 2 : lx - w + 2, ly - st.em(8), w, st.em(16));
            g.setFill(c);
            g.fillText(a.label(), lx, ly);
        }
    }

    /** A region's label where it is drawn: centre and width in screen pixels. */
    record LabelPlace(String text, double x, double y, double w) {
    }

    /**
     * Where the regions' labels go: largest regions first, each near its region's centre and
     * inside the plot (moved in from an edge rather than cut); a label with no free place near its
     * region is left out, never drawn over another (the plot says how many; zooming in makes room).
     */
    static java.util.List<LabelPlace> labelPlaces(java.util.List<MapScene.RegionMark> regions, MapFrame f,
                                                 java.util.function.ToDoubleFunction<String> width, double h) {
        java.util.List<MapScene.RegionMark> byImportance = new java.util.ArrayList<>(regions);
        byImportance.sort((a, b) -> Integer.compare(b.size(), a.size()));
        java.util.List<double[]> placed = new java.util.ArrayList<>();
        java.util.List<LabelPlace> out = new java.util.ArrayList<>();
        for (MapScene.RegionMark r : byImportance) {
            String text = r.purity() > 0 ? String.format(Locale.ROOT, "%s %.0f%%", r.name(), 100 * r.purity()) : r.name();
            double w = width.applyAsDouble(text);
            double x = Math.max(f.left() + w / 2 + 2, Math.min(f.right() - w / 2 - 2, f.sx(r.cx())));
            double wantedY = Math.max(f.top() + h / 2 + 2, Math.min(f.bottom() - h / 2 - 2, f.sy(r.cy())));
            double y = free(placed, x, wantedY, w, h + 1, f);
            if (!Double.isNaN(y)) {
                out.add(new LabelPlace(text, x, y, w));
            }
        }
        return out;
    }

    /**
     * A y near the wanted one, inside the plot, where a label of width w covers no label placed
     * before it; NaN when there is none.
     */
    private static double free(java.util.List<double[]> placed, double x, double wanted, double w, double lineHeight, MapFrame f) {
        double[] offsets = {0, 1, -1, 2, -2};
        for (double k : offsets) {
            double y = wanted + k * (lineHeight + 1);
            if (y - lineHeight / 2 < f.top() || y + lineHeight / 2 > f.bottom()) {
                continue;
            }
            boolean clear = true;
            for (double[] p : placed) {
                if (Math.abs(p[0] - x) < (p[2] + w) / 2 + 2 && Math.abs(p[1] - y) < lineHeight) {
                    clear = false;
                    break;
                }
            }
            if (clear) {
                placed.add(new double[] {x, y, w});
                return y;
            }
        }
        return Double.NaN;
    }

    static String ellipsis(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
