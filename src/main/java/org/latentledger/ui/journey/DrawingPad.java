package org.latentledger.ui.journey;

import java.util.function.Consumer;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;
import org.latentledger.ui.plot.PlotCanvas;
import org.latentledger.ui.plot.PlotStyle;

/**
 * A drawing pad at the model's input resolution (8x8 for digits, 28x28 for Fashion-MNIST): the
 * brush raises pixels towards 1 with a soft edge, the eraser lowers them to 0. Every stroke hands
 * a fresh copy of the pixels to the listener, so the journey follows the pen.
 */
public final class DrawingPad extends PlotCanvas {

    private final int rows;
    private final int cols;
    private float[] pixels;
    private boolean erasing;
    private Consumer<float[]> onChange = p -> { };

    public DrawingPad(int rows, int cols, double size) {
        super(size, size * rows / cols);
        setMinSize(size, size * rows / cols);
        setMaxSize(size, size * rows / cols);
        this.rows = rows;
        this.cols = cols;
        this.pixels = new float[rows * cols];
        getStyleClass().add("ll-drawing-pad");
        setOnMousePressed(this::brush);
        setOnMouseDragged(this::brush);
    }

    public void setOnChange(Consumer<float[]> handler) {
        onChange = handler;
    }

    public void setErasing(boolean erase) {
        erasing = erase;
    }

    public void clear() {
        pixels = new float[rows * cols];
        markDirty();
        onChange.accept(pixels.clone());
    }

    /** Shows these pixels (a data point to start from); values are clamped to [0, 1]. */
    public void setPixels(float[] values) {
        if (values == null || values.length != rows * cols) {
            return;
        }
        pixels = values.clone();
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = Math.max(0, Math.min(1, pixels[i]));
        }
        markDirty();
    }

    public float[] pixels() {
        return pixels.clone();
    }

    private void brush(MouseEvent e) {
        double cw = getWidth() / cols;
        double ch = getHeight() / rows;
        double cx = e.getX() / cw - 0.5;
        double cy = e.getY() / ch - 0.5;
        double radius = Math.max(0.8, cols / 14.0);
        boolean changed = false;
        for (int r = (int) Math.floor(cy - radius - 1); r <= cy + radius + 1; r++) {
            for (int c = (int) Math.floor(cx - radius - 1); c <= cx + radius + 1; c++) {
                if (r < 0 || c < 0 || r >= rows || c >= cols) {
                    continue;
                }
                double d = Math.hypot(r - cy, c - cx);
                double strength = Math.max(0, 1 - d / (radius + 0.5));
                if (strength <= 0) {
                    continue;
                }
                int i = r * cols + c;
                float before = pixels[i];
                pixels[i] = erasing ? (float) Math.max(0, pixels[i] - strength) : (float) Math.min(1, pixels[i] + strength * 0.6);
                changed |= pixels[i] != before;
            }
        }
        if (changed) {
            markDirty();
            onChange.accept(pixels.clone());
        }
    }

    @Override
    protected void paint(GraphicsContext g, double w, double h, PlotStyle st) {
        double cw = w / cols;
        double ch = h / rows;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                g.setFill(Color.gray(pixels[r * cols + c]));
                g.fillRect(c * cw, r * ch, Math.ceil(cw), Math.ceil(ch));
            }
        }
        g.setStroke(st.muted());
        g.setLineWidth(1);
        g.strokeRect(0.5, 0.5, w - 1, h - 1);
    }
}
