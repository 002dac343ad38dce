package org.latentledger.ui.plot;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.TextAlignment;

/** What the map draws over its points: highlights of searched, selected and focused points, and the journey's query. */
final class MapMarks {

    private MapMarks() {
    }

    /** Search matches (accent rings), the selection (small rings) and the focused point (a red ring). */
    static void highlights(GraphicsContext g, PlotStyle style, float[] screenX, float[] screenY, int[] matches, int[] selection, int focus) {
        g.setLineWidth(1.5);
        g.setStroke(style.accent());
        for (int i : matches) {
            if (i < screenX.length && !Float.isNaN(screenX[i])) {
                g.strokeOval(screenX[i] - 5, screenY[i] - 5, 10, 10);
            }
        }
        g.setStroke(style.foreground());
        for (int i : selection) {
            if (i < screenX.length && !Float.isNaN(screenX[i])) {
                g.strokeOval(screenX[i] - 4, screenY[i] - 4, 8, 8);
            }
        }
        int f = focus;
        if (f >= 0 && f < screenX.length && !Float.isNaN(screenX[f])) {
            g.setLineWidth(2.5);
            g.setStroke(style.danger());
            g.strokeOval(screenX[f] - 8, screenY[f] - 8, 16, 16);
        }
    }

    /** The journey's query: a cross on a halo, its trail dashed, its label boxed beside it (not in compact maps). */
    static void query(GraphicsContext g, PlotStyle style, MapCanvas.QueryMark q, MapFrame frame, boolean compact) {
        if (q == null || frame == null) {
            return;
        }
        g.setStroke(style.danger());
        g.setLineWidth(1.5);
        g.setLineDashes(3, 3);
        if (q.trailX() != null && q.trailX().length > 1) {
            for (int k = 1; k < q.trailX().length; k++) {
                g.strokeLine(frame.sx(q.trailX()[k - 1]), frame.sy(q.trailY()[k - 1]), frame.sx(q.trailX()[k]), frame.sy(q.trailY()[k]));
            }
        }
        g.setLineDashes();
        double x = frame.sx(q.x());
        double y = frame.sy(q.y());
        double r = style.mark(compact ? 6 : 9);
        g.setFill(style.halo());
        g.fillOval(x - r - 2, y - r - 2, 2 * r + 4, 2 * r + 4);
        g.setLineWidth(3);
        g.strokeLine(x - r, y - r, x + r, y + r);
        g.strokeLine(x - r, y + r, x + r, y - r);
        MapLabels.Box box = queryLabel(style, q, frame, compact);
        if (box != null) {
            g.setFont(style.bold(12));
            g.setTextAlign(TextAlignment.LEFT);
            g.setTextBaseline(VPos.CENTER);
            g.setFill(style.halo());
            g.fillRoundRect(box.left(), box.top(), box.w(), box.h(), 6, 6);
            g.setStroke(style.danger());
            g.setLineWidth(1);
            g.strokeRoundRect(box.left(), box.top(), box.w(), box.h(), 6, 6);
            g.setFill(style.danger());
            g.fillText(box.text(), box.left() + style.em(4), box.y());
        }
    }

    /**
     * Where the query's mark and label are drawn (the label right of the cross, or left of it
     * where the plot ends, moved inside it): region labels keep clear of both. Empty without a query.
     */
    static java.util.List<MapLabels.Box> queryBoxes(PlotStyle style, MapCanvas.QueryMark q, MapFrame frame, boolean compact) {
        if (q == null || frame == null) {
            return java.util.List.of();
        }
        double r = style.mark(compact ? 6 : 9);
        java.util.List<MapLabels.Box> out = new java.util.ArrayList<>();
        out.add(new MapLabels.Box("", frame.sx(q.x()), frame.sy(q.y()), 2 * r + 4, 2 * r + 4));
        MapLabels.Box label = queryLabel(style, q, frame, compact);
        if (label != null) {
            out.add(label);
        }
        return out;
    }

    private static MapLabels.Box queryLabel(PlotStyle style, MapCanvas.QueryMark q, MapFrame frame, boolean compact) {
        if (q.label() == null || q.label().isEmpty() || compact) {
            return null;
        }
        double x = frame.sx(q.x());
        double y = frame.sy(q.y());
        double r = style.mark(9);
        javafx.scene.text.Font font = style.bold(12);
        java.util.function.ToDoubleFunction<String> width = t -> MapPainter.width(t, font) + style.em(8);
        // Shortened (whole in the map's tooltip) where the plot is narrower than the label, never cut at its edge.
        String text = MapLabels.fitted(q.label(), width, frame);
        if (text.length() < 8) {
            return null;
        }
        double tw = width.applyAsDouble(text);
        double h = style.em(20);
        double left = x + r + 4;
        if (left + tw > frame.right() - MapLabels.GAP) {
            left = x - r - 4 - tw;
        }
        left = Math.max(frame.left() + MapLabels.GAP, Math.min(frame.right() - MapLabels.GAP - tw, left));
        double cy = Math.max(frame.top() + MapLabels.GAP + h / 2, Math.min(frame.bottom() - MapLabels.GAP - h / 2, y));
        return new MapLabels.Box(text, left + tw / 2, cy, tw, h, q.label());
    }
}
