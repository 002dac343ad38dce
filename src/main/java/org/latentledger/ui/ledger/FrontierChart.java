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
 * ledger's constants), one point per swept setting; the knee ringed, the current setting as a
 * dashed line; a click on a point chooses that setting.
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

    private double sx(double f) {
        return L + f * (getWidth() - L - R);
    }

    private double sy(double v) {
        return height - B - (v - yMin) / (1 - yMin) * (height - B - T);
    }

    @Override
    protected void paint(GraphicsContext g, double w, double h, PlotStyle st) {
        height = h;
        L = st.em(52);
        R = st.em(130);
        T = st.em(26);
        B = st.em(36);
        g.setFill(st.foreground());
        g.setFont(st.bold(13));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        String title = "Frontier: answers kept vs " + axis() + (note.isEmpty() ? "" : " (" + note + ")");
        if (org.latentledger.ui.plot.HoverText.width(title, st.bold(13)) > w - L - 8) {
            title = "Frontier" + (note.isEmpty() ? "" : " (" + note + ")"); // the axis says the rest
        }
        g.fillText(title, L, 4);
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
        g.setStroke(st.grid());
        g.setLineWidth(1);
        g.setFont(st.font(11));
        g.setFill(st.foreground());
        for (int i = 0; i <= 5; i++) {
            double f = i / 5.0;
            g.strokeLine(sx(f), T, sx(f), h - B);
            g.setTextAlign(TextAlignment.CENTER);
            g.fillText(String.format(Locale.ROOT, "%.0f%%", 100 * f), sx(f), h - B + 4);
            double v = yMin + (1 - yMin) * i / 5.0;
            g.strokeLine(L, sy(v), w - R, sy(v));
            g.setTextAlign(TextAlignment.RIGHT);
            g.setTextBaseline(VPos.CENTER);
            g.fillText(String.format(Locale.ROOT, "%.0f%%", 100 * v), L - 6, sy(v));
            g.setTextBaseline(VPos.TOP);
        }
        g.setTextAlign(TextAlignment.CENTER);
        g.fillText(axis(), (L + w - R) / 2, h - st.em(16));
        // The original first and muted, beneath; then accuracy, dashed with open marks, so agreement
        // (drawn over it) never hides it.
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
        }
        legend(g, st, w - R + 12, T + 6);
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
        g.fillText(String.format(Locale.ROOT, "%s: %s of %s", label, share(cost.of(k)), cost), x + 10, sy(k.agreement()) + 8);
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
                double r = dot + st.mark(2);
                g.setLineWidth(st.mark(1.5));
                g.strokeOval(x - r, y - r, 2 * r, 2 * r);
            }
        }
    }

    private void legend(GraphicsContext g, PlotStyle st, double x, double y) {
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        g.setFont(st.font(12));
        String[] names = original == null ? new String[] {"agreement", "accuracy", "knee", "current"}
                : new String[] {"agreement", "accuracy", "knee", "current", originalName};
        Color[] colours = {st.accent(), st.secondary(), st.danger(), st.foreground(), st.muted(), Color.TRANSPARENT};
        double line = st.em(20);
        for (int i = 0; i < names.length; i++) {
            g.setFill(colours[i]);
            g.fillRect(x, y + i * line - st.em(5), st.em(12), st.em(10));
            g.setFill(st.foreground());
            g.fillText(names[i], x + st.em(18), y + i * line);
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
