package org.latentledger.ui.ledger;

import java.util.Locale;
import java.util.function.Consumer;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;
import org.latentledger.economy.Frontier;
import org.latentledger.ui.plot.PlotCanvas;
import org.latentledger.ui.plot.PlotStyle;

/**
 * Agreement and accuracy against the share of the dense pass's cost (MACs, or energy with the
 * ledger's constants), one point per swept setting (averages over the sample); the knee ringed,
 * the current setting as a dashed line at its share on the current query (one query's share can
 * sit away from the average of the same setting); a click on a point chooses that setting.
 */
public final class FrontierChart extends PlotCanvas {

    /** What the x axis counts: each point's share of its dense pass's MACs or of its energy. */
    public enum Cost {
        MACS("MACs"), ENERGY("energy");

        private final String label;

        Cost(String label) {
            this.label = label;
        }

        double of(Frontier.Point p) {
            return this == MACS ? p.macFraction() : p.energyFraction();
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private Cost cost = Cost.MACS;

    private double L = 52;
    private double R = 130;
    private double T = 26;
    private double B = 36;
    private double height;

    private Frontier.Result result;
    /** An economical model's original, drawn beside it (muted), or null. */
    private Frontier.Result original;
    private String originalName = "";
    private double current = Double.NaN;
    private double yMin = 0;
    private double legendTop;
    private Consumer<Frontier.Point> onChoose = p -> { };

    public FrontierChart(double width, double height) {
        super(width, height);
        setMinSize(width, height);
        setOnMouseClicked(e -> {
            Frontier.Point p = nearest(e.getX(), e.getY());
            if (p != null) {
                onChoose.accept(p);
            }
        });
    }

    public void setOnChoose(Consumer<Frontier.Point> handler) {
        onChoose = handler;
    }

    /** The original's frontier beside the open model's (same points and settings), or null for none. */
    public void compare(Frontier.Result r, String name) {
        original = r;
        originalName = name == null ? "" : name;
        markDirty();
    }

    /** The x axis; {@link #show} gives the current setting's share in the same terms. */
    public void cost(Cost c) {
        cost = c;
        markDirty();
    }

    public Cost cost() {
        return cost;
    }

    /** The memory the energy shares assume ("SRAM", "DRAM", "custom"), named on the axis. */
    public void energyName(String name) {
        energyName = name == null ? "" : name;
        markDirty();
    }

    private String energyName = "";

    private String axis() {
        return "share of dense " + cost + (cost == Cost.ENERGY && !energyName.isEmpty() ? " (" + energyName + " constants)" : "");
    }

    /** @param currentShare the current setting's share of the dense cost, as {@link #cost()} counts it */
    public void show(Frontier.Result r, double currentShare, String note) {
        result = r;
        current = currentShare;
        this.note = note;
        markDirty();
    }

    private String note = "";

    /** The x axis spans the points and the current line (nice steps), not always 0-100%: a frontier bunched at 35-45% reads. */
    private double xMin = 0;
    private double xMax = 1;
    private double xStep = 0.2;

    private double sx(double f) {
        return L + (f - xMin) / (xMax - xMin) * (getWidth() - L - R);
    }

    /** Fits the x range to the shares shown: from a whole step below the least to a whole step above the most. */
    static double[] xRange(double lo, double hi) {
        double[] steps = {0.01, 0.02, 0.05, 0.1, 0.2};
        double step = 0.2;
        for (double st : steps) {
            if ((hi - lo) / st <= 6) {
                step = st;
                break;
            }
        }
        double a = Math.max(0, Math.floor(lo / step + 1e-9) * step);
        double b = Math.min(1, Math.ceil(hi / step - 1e-9) * step);
        if (b - a < step) {
            b = Math.min(1, a + step);
            a = Math.max(0, b - step);
        }
        return new double[] {a, b, step};
    }

    private double sy(double v) {
        return height - B - (v - yMin) / (1 - yMin) * (height - B - T);
    }

    @Override
    protected void paint(GraphicsContext g, double w, double h, PlotStyle st) {
        height = h;
        L = st.em(52);
        R = st.em(16);
        g.setFill(st.foreground());
        g.setFont(st.bold(13));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        // One line where it fits, else two (what is plotted; how it was swept), never cut at the edge.
        String title = "Frontier: answers kept vs " + axis() + (note.isEmpty() ? "" : " (" + note + ")");
        boolean two = !note.isEmpty() && org.latentledger.ui.plot.HoverText.width(title, st.bold(13)) > w - 8;
        if (two) {
            g.fillText("Frontier: answers kept vs " + axis(), 4, 4);
            g.setFont(st.font(12));
            g.fillText("(" + note + ")", 4, 4 + st.em(17));
        } else {
            g.fillText(title, 4, 4);
        }
        double titleH = two ? st.em(17) : 0;
        // Room under the plot for the tick labels and, beneath them, the axis title (in the type's own size).
        B = 4 + 2.5 * 1.25 * st.font(11).getSize() + 6;
        T = st.em(26 + 17 * legendRows(w, st) + 6) + titleH;
        legendTop = st.em(22) + titleH;
        if (result == null) {
            g.setFont(st.font(12));
            g.setFill(st.muted());
            g.fillText("Compute the frontier to sweep this policy over the data set.", L, h / 2);
            return;
        }
        yMin = 1;
        for (Frontier.Result r : original == null ? java.util.List.of(result) : java.util.List.of(result, original)) {
            for (Frontier.Point p : r.points()) {
                yMin = Math.min(yMin, Math.min(p.agreement(), p.accuracy()));
            }
        }
        yMin = Math.max(0, Math.floor((yMin - 0.02) * 10) / 10);
        double lo = Double.isNaN(current) ? 1 : current;
        double hi = Double.isNaN(current) ? 0 : current;
        for (Frontier.Result r : original == null ? java.util.List.of(result) : java.util.List.of(result, original)) {
            for (Frontier.Point p : r.points()) {
                lo = Math.min(lo, cost.of(p));
                hi = Math.max(hi, cost.of(p));
            }
        }
        double[] xr = xRange(lo, hi);
        xMin = xr[0];
        xMax = xr[1];
        xStep = xr[2];
        g.setStroke(st.grid());
        g.setLineWidth(1);
        g.setFont(st.font(11));
        g.setFill(st.foreground());
        int ticks = (int) Math.round((xMax - xMin) / xStep);
        g.setTextAlign(TextAlignment.CENTER);
        for (int i = 0; i <= ticks; i++) {
            double f = xMin + i * xStep;
            g.strokeLine(sx(f), T, sx(f), h - B);
            g.fillText(String.format(Locale.ROOT, xStep < 0.1 && Math.abs(100 * f - Math.rint(100 * f)) > 1e-6 ? "%.1f%%" : "%.0f%%", 100 * f),
                    sx(f), h - B + 4);
        }
        for (int i = 0; i <= 5; i++) {
            double v = yMin + (1 - yMin) * i / 5.0;
            g.strokeLine(L, sy(v), w - R, sy(v));
            g.setTextAlign(TextAlignment.RIGHT);
            g.setTextBaseline(VPos.CENTER);
            g.fillText(String.format(Locale.ROOT, "%.0f%%", 100 * v), L - 6, sy(v));
            g.setTextBaseline(VPos.TOP);
        }
        g.setTextAlign(TextAlignment.CENTER);
        g.fillText(axis(), (L + w - R) / 2, h - B + 4 + 1.25 * st.font(11).getSize() + 2);
        // The original first and muted, beneath; then accuracy (dashed, open squares), then agreement
        // (solid, filled dots): where the two curves meet, both marks stay visible.
        if (original != null) {
            Color muted = st.muted();
            series(g, st, original, muted.deriveColor(0, 1, 1, 0.7), false);
            series(g, st, original, muted, true);
            knee(g, st, original, muted, originalName + " knee");
        }
        series(g, st, result, st.secondary(), false);
        series(g, st, result, st.accent(), true);
        knee(g, st, result, st.danger(), "knee");
        if (!Double.isNaN(current)) {
            g.setStroke(st.foreground());
            g.setLineWidth(st.mark(1));
            g.setLineDashes(4, 4);
            g.strokeLine(sx(current), T, sx(current), h - B);
            g.setLineDashes();
            // The points are averages over the sample; this line is the current setting on this one query.
            String label = "this query: " + share(current);
            g.setFont(st.font(11));
            g.setFill(st.foreground());
            boolean left = sx(current) + org.latentledger.ui.plot.HoverText.width(label, st.font(11)) + 8 > w - R;
            g.setTextAlign(left ? TextAlignment.RIGHT : TextAlignment.LEFT);
            g.setTextBaseline(VPos.BOTTOM);
            g.fillText(label, sx(current) + (left ? -4 : 4), h - B - 2);
        }
        legend(g, st, L, legendTop, w - R);
    }

    /** A frontier's knee, ringed and labelled with its share of the MACs. */
    private void knee(GraphicsContext g, PlotStyle st, Frontier.Result r, Color c, String label) {
        if (r.knee() == null) {
            return;
        }
        Frontier.Point k = r.knee();
        double ring = st.mark(8);
        g.setStroke(c);
        g.setLineWidth(st.mark(2));
        double x = sx(cost.of(k));
        g.strokeOval(x - ring, sy(k.agreement()) - ring, 2 * ring, 2 * ring);
        g.setFill(c);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        String text = String.format(Locale.ROOT, "%s: %s of %s", label, share(cost.of(k)), cost);
        boolean left = x + 10 + org.latentledger.ui.plot.HoverText.width(text, g.getFont()) > getWidth() - 2;
        // Right of and below the ring; where that would run off the chart, under both of the knee's marks, ending
        // at the ring (the curves rise to the knee from the left and below: the space under the knee is free).
        g.setTextAlign(left ? TextAlignment.RIGHT : TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        double under = Math.max(sy(k.agreement()), sy(k.accuracy())) + ring + 2;
        double tx = left ? x + ring : x + 10;
        double ty = left ? under : sy(k.agreement()) + 8;
        // On a halo, so that a curve passing under it (the original's, beside an economical model's) never crosses the words.
        double tw = org.latentledger.ui.plot.HoverText.width(text, g.getFont());
        g.setFill(st.halo());
        g.fillRect(left ? tx - tw - 2 : tx - 2, ty - 1, tw + 4, g.getFont().getSize() * 1.25 + 2);
        g.setFill(c);
        g.fillText(text, tx, ty);
    }

    private void series(GraphicsContext g, PlotStyle st, Frontier.Result result, Color c, boolean agreement) {
        g.setStroke(c);
        g.setFill(c);
        g.setLineWidth(st.mark(2));
        double dot = st.mark(3.5);
        double px = Double.NaN;
        double py = Double.NaN;
        if (!agreement) {
            g.setLineDashes(6, 4);
        }
        for (Frontier.Point p : result.points().stream().sorted((a, b) -> Double.compare(cost.of(a), cost.of(b))).toList()) {
            double x = sx(cost.of(p));
            double y = sy(agreement ? p.agreement() : p.accuracy());
            if (!Double.isNaN(px)) {
                g.strokeLine(px, py, x, y);
            }
            px = x;
            py = y;
        }
        g.setLineDashes();
        for (Frontier.Point p : result.points()) {
            double x = sx(cost.of(p));
            double y = sy(agreement ? p.agreement() : p.accuracy());
            if (agreement) {
                g.fillOval(x - dot, y - dot, 2 * dot, 2 * dot);
            } else {
                double r = dot + st.mark(1);
                g.setLineWidth(st.mark(1.5));
                g.strokeRect(x - r, y - r, 2 * r, 2 * r);
            }
        }
    }

    /** How many rows the legend takes at this width (its entries wrap as {@link #legend} lays them). */
    private int legendRows(double w, PlotStyle st) {
        String[] names = {"agreement", "accuracy", "knee", "current (this query)", originalName + " (muted)"};
        int n = original == null ? 4 : 5;
        double x0 = st.em(52);
        double x = x0;
        int rows = 1;
        for (int i = 0; i < n; i++) {
            double step = st.em(26) + 6 + org.latentledger.ui.plot.HoverText.width(names[i], st.font(12));
            if (x > x0 && x + step > w - st.em(16)) {
                x = x0;
                rows++;
            }
            x += step + st.em(14);
        }
        return rows;
    }

    /** One row under the title (wrapping if narrow): each entry drawn as it is drawn in the plot. */
    private void legend(GraphicsContext g, PlotStyle st, double x0, double y0, double right) {
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        g.setFont(st.font(12));
        java.util.List<String> names = new java.util.ArrayList<>(java.util.List.of("agreement", "accuracy", "knee", "current (this query)"));
        if (original != null) {
            names.add(originalName + " (muted)");
        }
        double line = st.em(17);
        double sample = st.em(26);
        double x = x0;
        double y = y0 + line / 2;
        for (int i = 0; i < names.size(); i++) {
            double tw = org.latentledger.ui.plot.HoverText.width(names.get(i), st.font(12));
            if (x > x0 && x + sample + 6 + tw > right) {
                x = x0;
                y += line;
            }
            double cx = x + sample / 2;
            g.setLineWidth(st.mark(2));
            switch (i) {
                case 0 -> {
                    g.setStroke(st.accent());
                    g.setFill(st.accent());
                    g.strokeLine(x, y, x + sample, y);
                    double d = st.mark(3.5);
                    g.fillOval(cx - d, y - d, 2 * d, 2 * d);
                }
                case 1 -> {
                    g.setStroke(st.secondary());
                    g.setLineDashes(6, 4);
                    g.strokeLine(x, y, x + sample, y);
                    g.setLineDashes();
                    double d = st.mark(4);
                    g.setLineWidth(st.mark(1.5));
                    g.strokeRect(cx - d, y - d, 2 * d, 2 * d);
                }
                case 2 -> {
                    g.setStroke(st.danger());
                    double d = st.mark(6);
                    g.strokeOval(cx - d, y - d, 2 * d, 2 * d);
                }
                case 3 -> {
                    g.setStroke(st.foreground());
                    g.setLineWidth(st.mark(1));
                    g.setLineDashes(4, 4);
                    g.strokeLine(cx, y - line / 2 + 2, cx, y + line / 2 - 2);
                    g.setLineDashes();
                }
                default -> {
                    g.setStroke(st.muted());
                    g.strokeLine(x, y, x + sample, y);
                }
            }
            g.setFill(st.foreground());
            g.fillText(names.get(i), x + sample + 6, y);
            x += sample + 6 + tw + st.em(14);
        }
    }

    /** Where a point's agreement mark is drawn, in the chart's own coordinates (after its last paint). */
    javafx.geometry.Point2D placeOf(Frontier.Point p) {
        return new javafx.geometry.Point2D(sx(cost.of(p)), sy(p.agreement()));
    }

    /** A share as the knee's label gives it: whole percent, or one decimal below 10%. */
    static String share(double f) {
        return String.format(Locale.ROOT, f < 0.1 ? "%.1f%%" : "%.0f%%", 100 * f);
    }

    private Frontier.Point nearest(double x, double y) {
        if (result == null) {
            return null;
        }
        Frontier.Point best = null;
        double bestD = 14 * 14;
        for (Frontier.Point p : result.points()) {
            for (double v : new double[] {p.agreement(), p.accuracy()}) {
                double dx = sx(cost.of(p)) - x;
                double dy = sy(v) - y;
                if (dx * dx + dy * dy < bestD) {
                    bestD = dx * dx + dy * dy;
                    best = p;
                }
            }
        }
        return best;
    }
}
