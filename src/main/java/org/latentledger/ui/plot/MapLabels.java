package org.latentledger.ui.plot;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * Where the map's text goes, worked out before anything is drawn, so no two labels overlap and
 * none is cut at the plot's edge: the axes' labels first (beside their arrows' tips, moved in
 * from an edge), then the regions' labels, largest region first, each near its centre and clear
 * of every label before it. A region label with no free place is left out and the plot says how
 * many were (the note's own box is kept clear too); a name too long for the plot is shortened.
 * Pure arithmetic on boxes: text widths come from the caller (measured in the real font).
 */
final class MapLabels {

    /** Space kept between a label and the plot's edge, and between two labels. */
    static final double GAP = 2;

    private MapLabels() {
    }

    /** A label's box on screen: its centre, width and height, and its whole text when the box shows it shortened. */
    record Box(String text, double x, double y, double w, double h, String full) {

        Box(String text, double x, double y, double w, double h) {
            this(text, x, y, w, h, text);
        }

        /** True when the box shows less than its whole text (the map then shows the whole in a tooltip). */
        boolean shortened() {
            return !text.equals(full);
        }

        boolean contains(double px, double py) {
            return px >= left() && px <= right() && py >= top() && py <= bottom();
        }

        double left() {
            return x - w / 2;
        }

        double right() {
            return x + w / 2;
        }

        double top() {
            return y - h / 2;
        }

        double bottom() {
            return y + h / 2;
        }

        boolean overlaps(Box o) {
            return left() < o.right() + GAP && o.left() < right() + GAP && top() < o.bottom() + GAP && o.top() < bottom() + GAP;
        }

        boolean inside(MapFrame f) {
            return left() >= f.left() + GAP - 1e-9 && right() <= f.right() - GAP + 1e-9 && top() >= f.top() + GAP - 1e-9
                    && bottom() <= f.bottom() - GAP + 1e-9;
        }
    }

    /** How text is measured: the width of a region's, an axis's and the note's text, and their line heights. */
    record Measure(ToDoubleFunction<String> regionWidth, double regionHeight, ToDoubleFunction<String> axisWidth, double axisHeight,
                   ToDoubleFunction<String> noteWidth, double noteHeight) {
    }

    /** An axis label's box; {@code leftAligned} when it sits right of its arrow's tip (else left of it). */
    record AxisLabel(Box box, boolean leftAligned) {
    }

    /**
     * What the map writes over its points: region labels, axis labels, and the note saying how many
     * region labels were left out (null when none was).
     */
    record Layout(List<Box> regions, List<AxisLabel> axes, Box note, int regionsLeftOut, int axesLeftOut) {

        /** Every box drawn. */
        List<Box> all() {
            List<Box> b = new ArrayList<>(regions);
            axes.forEach(a -> b.add(a.box()));
            if (note != null) {
                b.add(note);
            }
            return b;
        }
    }

    static Layout of(MapScene s, MapFrame f, Measure m) {
        return of(s, f, m, List.of());
    }

    /** @param keepClear boxes already drawn over the points (the journey's query and its label) that no label may cover */
    static Layout of(MapScene s, MapFrame f, Measure m, List<Box> keepClear) {
        List<Box> taken = new ArrayList<>(keepClear);
        List<AxisLabel> axes = new ArrayList<>();
        int axesOut = 0;
        for (MapScene.ArrowMark a : s.arrows()) {
            AxisLabel l = axisLabel(a, f, m, taken);
            if (l == null) {
                axesOut++;
            } else {
                axes.add(l);
                taken.add(l.box());
            }
        }
        List<Box> regions = regionLabels(s.regions(), f, m.regionWidth(), m.regionHeight(), taken);
        Box note = null;
        int out = s.regions().size() - regions.size();
        if (out > 0) {
            // Keep the note's corner clear too, which may leave out one more.
            for (int pass = 0; pass < 2; pass++) {
                note = note(out, s.regions().size(), f, m);
                List<Box> blocked = new ArrayList<>(taken);
                if (note != null) {
                    blocked.add(note);
                }
                regions = regionLabels(s.regions(), f, m.regionWidth(), m.regionHeight(), blocked);
                if (s.regions().size() - regions.size() == out) {
                    break;
                }
                out = s.regions().size() - regions.size();
            }
            note = note(out, s.regions().size(), f, m);
        }
        return new Layout(regions, axes, note, out, axesOut);
    }

    /** The note in the plot's lower left corner: as long as fits, or null when not even the shortest does. */
    private static Box note(int out, int total, MapFrame f, Measure m) {
        String[] texts = {
                String.format(Locale.ROOT, "%d of %d region labels left out where they would overlap: zoom in to see them", out, total),
                String.format(Locale.ROOT, "%d of %d labels left out (zoom in)", out, total),
                String.format(Locale.ROOT, "%d labels hidden", out)};
        for (String t : texts) {
            double w = m.noteWidth().applyAsDouble(t) + 8;
            if (w <= f.right() - f.left() - 2 * GAP) {
                return new Box(t, f.left() + GAP + w / 2, f.bottom() - GAP - m.noteHeight() / 2, w, m.noteHeight(), texts[0]);
            }
        }
        return null;
    }

    /** Beside the arrow's tip, on the side it points to, moved inside the plot and off earlier labels; null if no place. */
    private static AxisLabel axisLabel(MapScene.ArrowMark a, MapFrame f, Measure m, List<Box> taken) {
        double x0 = f.sx(a.x0());
        double y0 = f.sy(a.y0());
        double x1 = f.sx(a.x1());
        double y1 = f.sy(a.y1());
        double angle = Math.atan2(y1 - y0, x1 - x0);
        String text = fitted(a.label(), m.axisWidth(), f);
        double w = m.axisWidth().applyAsDouble(text);
        double h = m.axisHeight();
        double lx = x1 + 6 * Math.cos(angle);
        double ly = y1 + 6 * Math.sin(angle);
        boolean right = Math.cos(angle) >= 0 ? lx + w < f.right() - GAP : lx - w < f.left() + GAP;
        double cx = right ? lx - 2 + w / 2 : lx + 2 - w / 2;
        for (double k : new double[] {0, 1, -1, 2, -2, 3, -3}) {
            Box b = clamp(text, a.label(), cx, ly + k * (h + GAP), w, h, f);
            if (b != null && clear(b, taken)) {
                return new AxisLabel(b, right);
            }
        }
        return null;
    }

    /**
     * The regions' labels, largest region first, each near its region's centre, inside the plot
     * and clear of {@code taken} and of each other; a label with no free place is left out.
     */
    static List<Box> regionLabels(List<MapScene.RegionMark> regions, MapFrame f, ToDoubleFunction<String> width, double h, List<Box> taken) {
        List<MapScene.RegionMark> byImportance = new ArrayList<>(regions);
        byImportance.sort((a, b) -> Integer.compare(b.size(), a.size()));
        List<Box> placed = new ArrayList<>(taken);
        List<Box> out = new ArrayList<>();
        for (MapScene.RegionMark r : byImportance) {
            String whole = text(r);
            String text = fitted(whole, width, f);
            double w = width.applyAsDouble(text);
            double x = f.sx(r.cx());
            double y = f.sy(r.cy());
            Box chosen = null;
            // Near the centre first: above and below it, then a little to either side.
            double[][] moves = {{0, 0}, {0, 1}, {0, -1}, {0, 2}, {0, -2}, {0.6, 0}, {-0.6, 0}, {0.6, 1}, {-0.6, 1}, {0.6, -1},
                    {-0.6, -1}};
            for (double[] mv : moves) {
                Box b = clamp(text, whole, x + mv[0] * w, y + mv[1] * (h + GAP), w, h, f);
                if (b != null && clear(b, placed)) {
                    chosen = b;
                    break;
                }
            }
            if (chosen != null) {
                placed.add(chosen);
                out.add(chosen);
            }
        }
        return out;
    }

    /** A region's label: its name and, when it has a majority class, that class's share. */
    static String text(MapScene.RegionMark r) {
        return r.purity() > 0 ? String.format(Locale.ROOT, "%s %.0f%%", r.name(), 100 * r.purity()) : r.name();
    }

    /** The text, its name part shortened with an ellipsis (the share kept) until it fits the plot's width. */
    static String fitted(String text, ToDoubleFunction<String> width, MapFrame f) {
        double room = f.right() - f.left() - 2 * GAP;
        if (width.applyAsDouble(text) <= room) {
            return text;
        }
        int space = text.lastIndexOf(' ');
        String tail = space > 0 && text.endsWith("%") ? text.substring(space) : "";
        String head = text.substring(0, text.length() - tail.length());
        for (int n = head.length() - 1; n >= 1; n--) {
            String t = head.substring(0, n) + "…" + tail;
            if (width.applyAsDouble(t) <= room) {
                return t;
            }
        }
        return "…";
    }

    /** The box moved inside the plot, or null when the plot is too small to hold it. */
    private static Box clamp(String text, String whole, double x, double y, double w, double h, MapFrame f) {
        double minX = f.left() + GAP + w / 2;
        double maxX = f.right() - GAP - w / 2;
        double minY = f.top() + GAP + h / 2;
        double maxY = f.bottom() - GAP - h / 2;
        if (minX > maxX || minY > maxY) {
            return null;
        }
        return new Box(text, Math.max(minX, Math.min(maxX, x)), Math.max(minY, Math.min(maxY, y)), w, h, whole);
    }

    private static boolean clear(Box b, List<Box> taken) {
        for (Box t : taken) {
            if (b.overlaps(t)) {
                return false;
            }
        }
        return true;
    }
}
