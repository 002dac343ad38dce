package org.latentledger.ui.ledger;

import java.nio.IntBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Tooltip;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.text.TextAlignment;
import org.latentledger.ui.plot.Palette;
import org.latentledger.ui.plot.PlotCanvas;
import org.latentledger.ui.plot.PlotStyle;

/**
 * One pass's activations as a heatmap: a block per layer, one cell per unit in a grid, colour =
 * |activation| on a shared viridis scale, units that are exactly zero (off) as hollow grey squares. Cells
 * are written into one pixel buffer (no node per cell); hovering says layer, unit and value.
 */
public final class HeatmapCanvas extends PlotCanvas {

    private static final double LABEL = 92;
    private static final double TITLE = 22;
    /** Each block is at least this tall, so its two label lines never collide with the next block's. */
    private static final double MIN_BLOCK = 27;

    private record Block(String name, float[] values, double y, int cols, double cell) {
    }

    private final List<Block> blocks = new ArrayList<>();
    private final Tooltip tip = new Tooltip();
    private String title = "";
    private List<String> names = List.of();
    private List<float[]> layers = List.of();
    private double scale = 1;
    private double label = LABEL;

    public HeatmapCanvas(double width, double height) {
        super(width, height);
        setMinSize(width * 0.55, height); // narrower windows get smaller cells (fitCell), not a scroll bar
        Tooltip.install(this, tip);
        setOnMouseMoved(e -> tip.setText(describe(e.getX(), e.getY())));
    }

    /**
     * @param scale the |value| shown brightest (shared by both heatmaps and the colour bar)
     */
    public void show(String title, List<String> names, List<float[]> layers, double scale) {
        this.title = title;
        this.names = List.copyOf(names);
        this.layers = List.copyOf(layers);
        this.scale = scale;
        markDirty();
    }

    @Override
    protected void paint(GraphicsContext g, double w, double h, PlotStyle st) {
        blocks.clear();
        g.setFill(st.foreground());
        g.setFont(st.bold(13));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.fillText(title, 0, 2);
        if (layers.isEmpty()) {
            return;
        }
        label = st.em(LABEL);
        // Wide enough for the longest "4953 of 9216 on" and layer name (a CNN's counts run longer than an MLP's).
        for (int l = 0; l < layers.size(); l++) {
            label = Math.max(label, 6 + org.latentledger.ui.plot.HoverText.width(String.format(Locale.ROOT, "%d of %d on",
                    layers.get(l).length, layers.get(l).length), st.font(11)));
            label = Math.max(label, 6 + org.latentledger.ui.plot.HoverText.width(names.get(l), st.font(11)));
        }
        double top = st.em(TITLE);
        double minBlock = st.em(MIN_BLOCK);
        double gridW = w - label;
        double cell = fitCell(layers, gridW, h - top - 6 * layers.size(), minBlock);
        double os = oversample();
        int iw = (int) Math.ceil(w * os);
        int ih = (int) Math.ceil(h * os);
        int[] px = new int[iw * ih];
        int offColour = PlotStyle.argb(st.off());
        double y = top;
        for (int l = 0; l < layers.size(); l++) {
            float[] v = layers.get(l);
            int cols = Math.max(1, (int) Math.floor(gridW / cell));
            int rows = (v.length + cols - 1) / cols;
            double size = Math.max(1, cell - (cell >= 4 ? 1 : 0));
            for (int u = 0; u < v.length; u++) {
                int c = u % cols;
                int r = u / cols;
                double x0 = (label + c * cell) * os;
                double y0 = (y + r * cell) * os;
                if (v[u] != 0f) {
                    fill(px, iw, ih, x0, y0, size * os, PlotStyle.argb(Palette.viridis(Math.min(1, Math.abs(v[u]) / scale))));
                } else {
                    off(px, iw, ih, x0, y0, size * os, os, offColour);
                }
            }
            blocks.add(new Block(names.get(l), v, y, cols, cell));
            y += Math.max(rows * cell, minBlock) + 6;
        }
        WritableImage img = new WritableImage(new PixelBuffer<>(iw, ih, IntBuffer.wrap(px), PixelFormat.getIntArgbPreInstance()));
        g.save();
        g.setTransform(1, 0, 0, 1, 0, 0);
        g.drawImage(img, 0, 0);
        g.restore();
        g.setFont(st.font(11));
        for (Block b : blocks) {
            int active = 0;
            for (float f : b.values()) {
                active += f != 0f ? 1 : 0;
            }
            g.setFill(st.foreground());
            g.fillText(b.name(), 0, b.y());
            g.setFill(st.muted());
            g.fillText(String.format(Locale.ROOT, "%d of %d on", active, b.values().length), 0, b.y() + st.em(13));
        }
    }

    /** The largest cell size (in steps of 0.5 px, at most 14) at which every layer fits in the height. */
    static double fitCell(List<float[]> layers, double width, double height, double minBlock) {
        for (double cell = 14; cell > 0.5; cell -= 0.5) {
            int cols = Math.max(1, (int) Math.floor(width / cell));
            double total = 0;
            for (float[] v : layers) {
                total += Math.max(Math.ceil((double) v.length / cols) * cell, minBlock);
            }
            if (total <= height) {
                return cell;
            }
        }
        return 0.5;
    }

    /**
     * An off unit: a hollow square (its outline in the off colour) where the cell is big enough to
     * show one, so that no faint active cell (dark viridis, filled) can be taken for it in either theme.
     */
    static void off(int[] px, int w, int h, double x, double y, double size, double os, int colour) {
        if (size < 4 * os) {
            fill(px, w, h, x, y, size, colour);
            return;
        }
        double t = Math.max(1, Math.round(os));
        fill(px, w, h, x, y, size, t, colour);
        fill(px, w, h, x, y + size - t, size, t, colour);
        fill(px, w, h, x, y, t, size, colour);
        fill(px, w, h, x + size - t, y, t, size, colour);
    }

    private static void fill(int[] px, int w, int h, double x, double y, double size, int colour) {
        fill(px, w, h, x, y, size, size, colour);
    }

    private static void fill(int[] px, int w, int h, double x, double y, double sw, double sh, int colour) {
        int x0 = (int) Math.floor(x);
        int y0 = (int) Math.floor(y);
        int x1 = (int) Math.min(w, Math.ceil(x + sw));
        int y1 = (int) Math.min(h, Math.ceil(y + sh));
        for (int yy = Math.max(0, y0); yy < y1; yy++) {
            for (int xx = Math.max(0, x0); xx < x1; xx++) {
                px[yy * w + xx] = colour;
            }
        }
    }

    /** "hidden2, unit 17: 0.532 (on)" under the mouse, or "". */
    String describe(double x, double y) {
        for (Block b : blocks) {
            if (x < label) {
                continue;
            }
            int c = (int) ((x - label) / b.cell());
            int r = (int) ((y - b.y()) / b.cell());
            if (c < 0 || c >= b.cols() || r < 0) {
                continue;
            }
            int u = r * b.cols() + c;
            if (u < b.values().length && y >= b.y()) {
                float v = b.values()[u];
                return String.format(Locale.ROOT, "%s, unit %d: %.4f%s", b.name(), u, v, v == 0f ? " (off)" : "");
            }
        }
        return "";
    }
}
