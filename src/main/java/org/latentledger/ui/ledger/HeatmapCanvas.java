package org.latentledger.ui.ledger;

import java.nio.IntBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Tooltip;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import org.latentledger.ui.map.Palette;

/**
 * One pass's activations as a heatmap: a block per layer, one cell per unit in a grid, colour =
 * |activation| on a shared viridis scale, units that are exactly zero (off) in light grey. Cells
 * are written into one pixel buffer (no node per cell); hovering says layer, unit and value.
 */
public final class HeatmapCanvas extends Canvas {

    static final int OFF = 0xFFE3E6EA;
    private static final double LABEL = 92;
    private static final double TITLE = 22;
    /** Each block is at least this tall, so its two label lines never collide with the next block's. */
    private static final double MIN_BLOCK = 27;

    private record Block(String name, float[] values, double y, int cols, double cell) {
    }

    private final List<Block> blocks = new ArrayList<>();
    private final Tooltip tip = new Tooltip();

    public HeatmapCanvas(double width, double height) {
        super(width, height);
        Tooltip.install(this, tip);
        setOnMouseMoved(e -> tip.setText(describe(e.getX(), e.getY())));
    }

    /**
     * @param scale the |value| shown brightest (shared by both heatmaps and the colour bar)
     */
    public void show(String title, List<String> names, List<float[]> layers, double scale) {
        GraphicsContext g = getGraphicsContext2D();
        double w = getWidth();
        double h = getHeight();
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, w, h);
        blocks.clear();
        g.setFill(Color.web("#1f2328"));
        g.setFont(Font.font(null, FontWeight.BOLD, 13));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.fillText(title, 0, 2);
        if (layers.isEmpty()) {
            return;
        }
        double gridW = w - LABEL;
        double cell = fitCell(layers, gridW, h - TITLE - 6 * layers.size());
        int iw = (int) Math.ceil(w);
        int ih = (int) Math.ceil(h);
        int[] px = new int[iw * ih];
        java.util.Arrays.fill(px, 0x00FFFFFF);
        double y = TITLE;
        for (int l = 0; l < layers.size(); l++) {
            float[] v = layers.get(l);
            int cols = Math.max(1, (int) Math.floor(gridW / cell));
            int rows = (v.length + cols - 1) / cols;
            for (int u = 0; u < v.length; u++) {
                int c = u % cols;
                int r = u / cols;
                int colour = v[u] == 0f ? OFF : argb(Palette.viridis(Math.min(1, Math.abs(v[u]) / scale)));
                fill(px, iw, ih, LABEL + c * cell, y + r * cell, Math.max(1, cell - (cell >= 4 ? 1 : 0)), colour);
            }
            blocks.add(new Block(names.get(l), v, y, cols, cell));
            y += Math.max(rows * cell, MIN_BLOCK) + 6;
        }
        WritableImage img = new WritableImage(new PixelBuffer<>(iw, ih, IntBuffer.wrap(px), PixelFormat.getIntArgbPreInstance()));
        g.drawImage(img, 0, 0);
        g.setFont(Font.font(11));
        g.setFill(Color.web("#1f2328"));
        for (Block b : blocks) {
            int active = 0;
            for (float f : b.values()) {
                active += f != 0f ? 1 : 0;
            }
            g.fillText(b.name(), 0, b.y());
            g.setFill(Color.web("#59636e"));
            g.fillText(String.format(Locale.ROOT, "%d of %d on", active, b.values().length), 0, b.y() + 13);
            g.setFill(Color.web("#1f2328"));
        }
    }

    /** The largest cell size (in steps of 0.5 px, at most 14) at which every layer fits in the height. */
    static double fitCell(List<float[]> layers, double width, double height) {
        for (double cell = 14; cell > 0.5; cell -= 0.5) {
            int cols = Math.max(1, (int) Math.floor(width / cell));
            double total = 0;
            for (float[] v : layers) {
                total += Math.max(Math.ceil((double) v.length / cols) * cell, MIN_BLOCK);
            }
            if (total <= height) {
                return cell;
            }
        }
        return 0.5;
    }

    private static void fill(int[] px, int w, int h, double x, double y, double size, int colour) {
        int x0 = (int) Math.floor(x);
        int y0 = (int) Math.floor(y);
        int x1 = (int) Math.min(w, Math.ceil(x + size));
        int y1 = (int) Math.min(h, Math.ceil(y + size));
        for (int yy = Math.max(0, y0); yy < y1; yy++) {
            for (int xx = Math.max(0, x0); xx < x1; xx++) {
                px[yy * w + xx] = colour;
            }
        }
    }

    static int argb(Color c) {
        return 0xFF000000 | (int) Math.round(c.getRed() * 255) << 16 | (int) Math.round(c.getGreen() * 255) << 8
                | (int) Math.round(c.getBlue() * 255);
    }

    /** "hidden2, unit 17: 0.532 (on)" under the mouse, or "". */
    String describe(double x, double y) {
        for (Block b : blocks) {
            if (x < LABEL) {
                continue;
            }
            int c = (int) ((x - LABEL) / b.cell());
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
