package org.latentledger.ui.ledger;

import java.util.Locale;
import java.util.function.Consumer;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import org.latentledger.economy.Frontier;

/**
 * Agreement and accuracy against the share of dense MACs, one point per swept setting; the knee
 * ringed, the current setting as a dashed line; a click on a point chooses that setting.
 */
public final class FrontierChart extends Canvas {

    private static final double L = 52;
    private static final double R = 130;
    private static final double T = 26;
    private static final double B = 36;

    private Frontier.Result result;
    private double current = Double.NaN;
    private double yMin = 0;
    private Consumer<Frontier.Point> onChoose = p -> { };

    public FrontierChart(double width, double height) {
        super(width, height);
        setOnMouseClicked(e -> {
            Frontier.Point p = nearest(e.getX(), e.getY());
            if (p != null) {
                onChoose.accept(p);
            }
        });
        draw();
    }

    public void setOnChoose(Consumer<Frontier.Point> handler) {
        onChoose = handler;
    }

    public void show(Frontier.Result r, double currentMacFraction, String note) {
        result = r;
        current = currentMacFraction;
        this.note = note;
        draw();
    }

    private String note = "";

    private double sx(double f) {
        return L + f * (getWidth() - L - R);
    }

    private double sy(double v) {
        return getHeight() - B - (v - yMin) / (1 - yMin) * (getHeight() - B - T);
    }

    private void draw() {
        GraphicsContext g = getGraphicsContext2D();
        double w = getWidth();
        double h = getHeight();
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.setFill(Color.web("#1f2328"));
        g.setFont(Font.font(null, FontWeight.BOLD, 13));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.fillText("Frontier: answers kept vs share of dense MACs" + (note.isEmpty() ? "" : " (" + note + ")"), L, 4);
        if (result == null) {
            g.setFont(Font.font(12));
            g.setFill(Color.web("#59636e"));
            g.fillText("Compute the frontier to sweep this policy over the data set.", L, h / 2);
            return;
        }
        yMin = 1;
        for (Frontier.Point p : result.points()) {
            yMin = Math.min(yMin, Math.min(p.agreement(), p.accuracy()));
        }
        yMin = Math.max(0, Math.floor((yMin - 0.02) * 10) / 10);
        g.setStroke(Color.web("#d0d7de"));
        g.setFont(Font.font(11));
        g.setFill(Color.web("#1f2328"));
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
        g.fillText("share of dense MACs", (L + w - R) / 2, h - 16);
        series(g, Color.web("#0969da"), true);
        series(g, Color.web("#F28E2B"), false);
        if (result.knee() != null) {
            Frontier.Point k = result.knee();
            g.setStroke(Color.web("#cf222e"));
            g.setLineWidth(2);
            g.strokeOval(sx(k.macFraction()) - 8, sy(k.agreement()) - 8, 16, 16);
            g.setFill(Color.web("#cf222e"));
            g.setTextAlign(TextAlignment.LEFT);
            g.setTextBaseline(VPos.TOP);
            g.fillText(String.format(Locale.ROOT, "knee: %.0f%% of MACs", 100 * k.macFraction()), sx(k.macFraction()) + 10,
                    sy(k.agreement()) + 8);
        }
        if (!Double.isNaN(current)) {
            g.setStroke(Color.web("#1f2328"));
            g.setLineWidth(1);
            g.setLineDashes(4, 4);
            g.strokeLine(sx(current), T, sx(current), h - B);
            g.setLineDashes();
        }
        legend(g, w - R + 12, T + 6);
    }

    private void series(GraphicsContext g, Color c, boolean agreement) {
        g.setStroke(c);
        g.setFill(c);
        g.setLineWidth(2);
        double px = Double.NaN;
        double py = Double.NaN;
        for (Frontier.Point p : result.points().stream().sorted((a, b) -> Double.compare(a.macFraction(), b.macFraction())).toList()) {
            double x = sx(p.macFraction());
            double y = sy(agreement ? p.agreement() : p.accuracy());
            if (!Double.isNaN(px)) {
                g.strokeLine(px, py, x, y);
            }
            g.fillOval(x - 3.5, y - 3.5, 7, 7);
            px = x;
            py = y;
        }
    }

    private void legend(GraphicsContext g, double x, double y) {
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        g.setFont(Font.font(12));
        String[] names = {"agreement", "accuracy", "knee", "current"};
        Color[] colours = {Color.web("#0969da"), Color.web("#F28E2B"), Color.web("#cf222e"), Color.web("#1f2328")};
        for (int i = 0; i < names.length; i++) {
            g.setFill(colours[i]);
            g.fillRect(x, y + i * 20 - 5, 12, 10);
            g.setFill(Color.web("#1f2328"));
            g.fillText(names[i], x + 18, y + i * 20);
        }
    }

    private Frontier.Point nearest(double x, double y) {
        if (result == null) {
            return null;
        }
        Frontier.Point best = null;
        double bestD = 14 * 14;
        for (Frontier.Point p : result.points()) {
            for (double v : new double[] {p.agreement(), p.accuracy()}) {
                double dx = sx(p.macFraction()) - x;
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
