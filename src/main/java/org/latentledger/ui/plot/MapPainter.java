package org.latentledger.ui.plot;

import org.latentledger.ui.plot.Ticks;
import org.latentledger.ui.plot.MapFrame;
import org.latentledger.ui.plot.Palette;
import org.latentledger.ui.plot.MapScene;
import java.util.List;
import java.util.Locale;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.text.Font;
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

    void frame(GraphicsContext g, MapScene s, MapFrame f, double w, double h) {
        title(g, s.title(), f, w);
        g.setFont(st.font(11));
        g.setLineWidth(1);
        // As many ticks as their labels have room for: six on a small plot (presentation type) ran into each other.
        int across = (int) Math.max(3, Math.min(6, (f.right() - f.left()) / st.em(42)));
        int down = (int) Math.max(3, Math.min(6, (f.bottom() - f.top()) / st.em(24)));
        for (double t : Ticks.of(f.minX(), f.maxX(), across)) {
            double x = f.sx(t);
            g.setStroke(grid);
            g.strokeLine(x, f.top(), x, f.bottom());
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.TOP);
            g.setFill(fg);
            g.fillText(Ticks.label(t), x, f.bottom() + st.em(5));
        }
        for (double t : Ticks.of(f.minY(), f.maxY(), down)) {
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
        // Beside the plot, not at the canvas's edges: a square plot in a wide or tall canvas left its titles far away.
        // Centred under the plot, but a title wider than a narrow plot keeps clear of the legend at its right
        // (moved left, and only where the canvas has no room for it at all made smaller or shortened).
        double rightLimit = f.right() + 6;
        String xTitle = fitted(g, s.xTitle(), rightLimit - st.em(4));
        double half = HoverText.width(xTitle, g.getFont()) / 2;
        double cx = Math.max(st.em(4) + half, Math.min((f.left() + f.right()) / 2, rightLimit - half));
        g.fillText(xTitle, cx, Math.min(h - st.em(8), f.bottom() + st.em(44)));
        g.setFont(st.font(12));
        g.save();
        g.translate(Math.max(st.em(16), f.left() - st.em(56)), (f.top() + f.bottom()) / 2);
        g.rotate(-90);
        g.setTextBaseline(VPos.CENTER);
        // Never longer than the plot is tall: a long title on a short plot ran off the canvas.
        g.fillText(fitted(g, s.yTitle(), f.bottom() - f.top() + st.em(40)), 0, 0);
        g.restore();
    }

    /** {@code text} in the current font, or smaller (to 9 points), or at last shortened with an ellipsis, within {@code room}. */
    private String fitted(GraphicsContext g, String text, double room) {
        double size = g.getFont().getSize();
        while (HoverText.width(text, g.getFont()) > room && size > st.em(9)) {
            size -= 0.5;
            g.setFont(javafx.scene.text.Font.font(g.getFont().getFamily(), size));
        }
        String shown = text;
        while (shown.length() > 1 && HoverText.width(shown, g.getFont()) > room) {
            shown = shown.substring(0, shown.length() - 2) + "\u2026";
        }
        return shown;
    }

    /**
     * The title over the plot, whole: from the plot's left edge when it fits, else from the
     * canvas's, in smaller type if need be, and on two lines (split between its parts) when even
     * that is too wide. Never cut at the canvas's edge.
     */
    private void title(GraphicsContext g, String title, MapFrame f, double w) {
        g.setFill(fg);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        double margin = st.em(8);
        double size = 14;
        Font font = st.semiBold(size);
        double width = HoverText.width(title, font);
        double x = f.left() + width <= w - margin ? f.left() : margin;
        double room = w - margin - x;
        while (width > room && size > 11) {
            size -= 0.5;
            font = st.semiBold(size);
            width = HoverText.width(title, font);
        }
        g.setFont(font);
        if (width <= room) {
            g.fillText(title, x, f.top() / 2);
            return;
        }
        // Two lines: as much of the title's parts as fits on the first, the rest on the second.
        String[] parts = title.split(" · ");
        StringBuilder first = new StringBuilder(parts[0]);
        int k = 1;
        while (k < parts.length && HoverText.width(first + " · " + parts[k], font) <= room) {
            first.append(" · ").append(parts[k++]);
        }
        String second = String.join(" · ", java.util.Arrays.copyOfRange(parts, k, parts.length));
        double line = font.getSize() * 1.2;
        g.fillText(first.toString(), x, f.top() / 2 - line / 2);
        g.fillText(second, x, f.top() / 2 + line / 2);
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

    /** The legend (or colour bar) between {@code x} and {@code right}, from {@code top} down to {@code bottom}. */
    void legend(GraphicsContext g, MapScene s, double x, double right, double top, double bottom) {
        g.setFill(fg);
        g.setFont(st.semiBold(12));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        if (s.value() != null) {
            colourBar(g, s, x, top, bottom);
            return;
        }
        g.fillText(s.legendTitle(), x, top + st.em(7));
        List<Integer> all = s.legendEntries();
        double room = bottom - top - st.em(30);
        // A short plot gets a tighter legend, never overlapping lines; where one column's type would fall
        // under 10 points (presentation type on a small window) the entries go into two columns instead.
        int columns = legendColumns(all.size(), room, st.em(10));
        // Where even that would set the names under about 8.5 points (45 categories on the journey's map in a
        // small window), the legend names the categories with the most drawn points and counts the rest.
        int fit = (int) Math.floor(room / st.em(10)) * columns;
        // Room for one line or none (a tiny window): no names, the count of categories if it fits.
        List<Integer> entries = all.size() <= fit ? all : mostCommon(s.category(), s.filter(), all, Math.max(0, fit - 1));
        int more = all.size() - entries.size();
        int rows = (entries.size() + (more > 0 ? 1 : 0) + columns - 1) / columns;
        double step = Math.min(st.em(20), room / Math.max(1, rows));
        javafx.scene.text.Font font = javafx.scene.text.Font.font(Math.min(st.em(12), step * 0.85));
        g.setFont(font);
        double dot = Math.min(st.em(10), step * 0.7);
        double columnWidth = (right - x) / columns;
        for (int e = 0; e < entries.size(); e++) {
            int c = entries.get(e);
            double cx = x + (e / rows) * columnWidth;
            double cy = top + st.em(28) + (e % rows) * step;
            g.setFill(s.categoryColours().get(c));
            g.fillOval(cx, cy - dot / 2, dot, dot);
            g.setFill(fg);
            String name = ellipsis(s.categoryNames().get(c), 18);
            while (columns > 1 && name.length() > 2 && HoverText.width(name, font) > columnWidth - dot - 12) {
                name = name.substring(0, name.length() - 2) + "\u2026";
            }
            g.fillText(name, cx + dot + 8, cy);
        }
        if (more > 0 && fit >= 1) {
            int e = entries.size();
            g.setFill(st.muted());
            g.fillText(entries.isEmpty() ? more + " categories" : "+ " + more + " more", x + (e / rows) * columnWidth,
                    top + st.em(28) + (e % rows) * step);
        }
    }

    /**
     * The {@code max} entries of {@code entries} with the most drawn points, in the legend's own
     * order (ties to the earlier category).
     */
    static List<Integer> mostCommon(int[] category, MapScene.Filter filter, List<Integer> entries, int max) {
        if (category == null || entries.size() <= max) {
            return entries.subList(0, Math.min(max, entries.size()));
        }
        int k = entries.stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
        long[] counts = new long[k];
        for (int i = 0; i < category.length; i++) {
            int c = category[i];
            if (c >= 0 && c < k && (filter == null || filter.shown()[i])) {
                counts[c]++;
            }
        }
        java.util.Set<Integer> kept = entries.stream()
                .sorted(java.util.Comparator.comparingLong((Integer c) -> -counts[c]).thenComparingInt(c -> c))
                .limit(max).collect(java.util.stream.Collectors.toSet());
        return entries.stream().filter(kept::contains).toList();
    }

    /**
     * One column of {@code entries} in {@code room} pixels, or two where one column's type would be
     * smaller than {@code minType}, for a legend of a few classes only: forty-five categories in two
     * narrow columns lose their names to the ellipsis ("noun.…"), where one column of small type
     * keeps them.
     */
    static int legendColumns(int entries, double room, double minType) {
        return entries > 1 && entries <= 12 && room / entries * 0.85 < minType ? 2 : 1;
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

    /**
     * Regions (outlines and labels) and axes (arrows and labels), with every label placed by
     * {@link MapLabels} so none overlaps another or is cut at the plot's edge.
     */
    MapLabels.Layout overlays(GraphicsContext g, MapScene s, MapFrame f, java.util.List<MapLabels.Box> keepClear) {
        hulls(g, s, f);
        MapLabels.Layout layout = MapLabels.of(s, f, measure(), keepClear);
        double arc = 8;
        g.setFont(st.bold(12));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        for (MapLabels.Box b : layout.regions()) {
            g.setFill(st.halo());
            g.fillRoundRect(b.left(), b.top(), b.w(), b.h(), arc, arc);
            g.setFill(fg);
            g.fillText(b.text(), b.x(), b.y());
        }
        arrows(g, s, f, layout.axes());
        if (layout.note() != null) {
            MapLabels.Box n = layout.note();
            g.setFont(st.font(11));
            g.setTextAlign(TextAlignment.LEFT);
            g.setTextBaseline(VPos.CENTER);
            g.setFill(st.halo());
            g.fillRect(n.left(), n.top(), n.w(), n.h());
            g.setFill(st.muted());
            g.fillText(n.text(), n.left() + 4, n.y());
        }
        return layout;
    }

    /** Text measured in the fonts the labels are drawn in, with the padding of their boxes. */
    MapLabels.Measure measure() {
        javafx.scene.text.Font region = st.bold(12);
        javafx.scene.text.Font axis = st.semiBold(12);
        javafx.scene.text.Font note = st.font(11);
        return new MapLabels.Measure(t -> width(t, region) + st.em(10), st.em(18), t -> width(t, axis) + st.em(8), st.em(16),
                t -> width(t, note), st.em(16));
    }

    static double width(String text, javafx.scene.text.Font font) {
        javafx.scene.text.Text t = new javafx.scene.text.Text(text);
        t.setFont(font);
        return Math.ceil(t.getLayoutBounds().getWidth());
    }

    private void hulls(GraphicsContext g, MapScene s, MapFrame f) {
        g.setLineWidth(1.2);
        for (MapScene.RegionMark r : s.regions()) {
            for (float[][] hull : r.hulls()) {
                if (hull[0].length < 3) {
                    continue;
                }
                double[] xs = new double[hull[0].length];
                double[] ys = new double[hull[1].length];
                for (int i = 0; i < xs.length; i++) {
                    xs[i] = f.sx(hull[0][i]);
                    ys[i] = f.sy(hull[1][i]);
                }
                g.setFill(Color.color(0.5, 0.5, 0.5, 0.06));
                g.fillPolygon(xs, ys, xs.length);
                g.setStroke(st.foreground().deriveColor(0, 1, 1, 0.45));
                g.setLineDashes(4, 3);
                g.strokePolygon(xs, ys, xs.length);
                g.setLineDashes();
            }
        }
    }

    private void arrows(GraphicsContext g, MapScene s, MapFrame f, java.util.List<MapLabels.AxisLabel> labels) {
        g.setLineWidth(st.mark(2));
        Color c = st.axis();
        for (MapScene.ArrowMark a : s.arrows()) {
            double x0 = f.sx(a.x0());
            double y0 = f.sy(a.y0());
            double x1 = f.sx(a.x1());
            double y1 = f.sy(a.y1());
            g.setStroke(c);
            g.strokeLine(x0, y0, x1, y1);
            double angle = Math.atan2(y1 - y0, x1 - x0);
            double head = st.mark(10);
            g.setFill(c);
            g.fillPolygon(new double[] {x1, x1 - head * Math.cos(angle - 0.4), x1 - head * Math.cos(angle + 0.4)},
                    new double[] {y1, y1 - head * Math.sin(angle - 0.4), y1 - head * Math.sin(angle + 0.4)}, 3);
        }
        g.setFont(st.semiBold(12));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        for (MapLabels.AxisLabel l : labels) {
            MapLabels.Box b = l.box();
            g.setFill(st.halo());
            g.fillRect(b.left(), b.top(), b.w(), b.h());
            g.setFill(c);
            g.fillText(b.text(), b.x(), b.y());
        }
    }

    static String ellipsis(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
