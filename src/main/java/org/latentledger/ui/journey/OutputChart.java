package org.latentledger.ui.journey;

import java.util.List;
import java.util.Locale;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * The answer: one bar per class for the network's probabilities, with the steered probabilities
 * as outlines beside them; for an autoencoder, the decoded image and the steered one.
 */
public final class OutputChart extends Canvas {

    public OutputChart(double width, double height) {
        super(width, height);
    }

    public void showProbabilities(float[] original, float[] steered, List<String> classes) {
        showProbabilities(original, steered, classes, "Output: filled = query, outline = steered");
    }

    /** @param comparedTitle the title when a second series is drawn as outlines */
    public void showProbabilities(float[] original, float[] steered, List<String> classes, String comparedTitle) {
        GraphicsContext g = getGraphicsContext2D();
        g.clearRect(0, 0, getWidth(), getHeight());
        if (original == null) {
            return;
        }
        int n = original.length;
        double rowH = Math.min(22, (getHeight() - 24) / n);
        double labelW = 96;
        double barW = getWidth() - labelW - 56;
        int best = 0;
        for (int k = 1; k < n; k++) {
            if (original[k] > original[best]) {
                best = k;
            }
        }
        g.setFont(Font.font(null, FontWeight.SEMI_BOLD, 12));
        g.setFill(Color.web("#1f2328"));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.fillText(steered == null ? "Output probabilities" : comparedTitle, 0, 0);
        g.setFont(Font.font(11));
        g.setTextBaseline(VPos.CENTER);
        for (int k = 0; k < n; k++) {
            double y = 22 + k * rowH;
            String name = k < classes.size() ? classes.get(k) : "#" + k;
            g.setTextAlign(TextAlignment.RIGHT);
            g.setFill(Color.web("#1f2328"));
            g.fillText(name, labelW - 6, y + rowH / 2);
            g.setFill(k == best ? Color.web("#0969da") : Color.web("#8c959f"));
            g.fillRect(labelW, y + 3, barW * original[k], rowH - 6);
            if (steered != null) {
                g.setStroke(Color.web("#cf222e"));
                g.setLineWidth(1.5);
                g.strokeRect(labelW, y + 2, Math.max(1, barW * steered[k]), rowH - 4);
            }
            g.setTextAlign(TextAlignment.LEFT);
            g.setFill(Color.web("#59636e"));
            float shown = steered != null ? steered[k] : original[k];
            g.fillText(String.format(Locale.ROOT, "%.0f%%", 100 * shown), labelW + barW + 4, y + rowH / 2);
        }
    }

    /** The input, its decoding, and (when steering) the decoding of the steered activation, side by side. */
    public void showReconstruction(float[] input, float[] decoded, float[] steered, int rows, int cols) {
        GraphicsContext g = getGraphicsContext2D();
        g.clearRect(0, 0, getWidth(), getHeight());
        if (decoded == null) {
            return;
        }
        g.setFont(Font.font(null, FontWeight.SEMI_BOLD, 12));
        g.setFill(Color.web("#1f2328"));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        int panels = steered == null ? 2 : 3;
        double size = Math.min((getWidth() - 8 * (panels - 1)) / panels, getHeight() - 24);
        String[] titles = {"Input", "Decoded", "Steered, decoded"};
        float[][] images = {input, decoded, steered};
        for (int p = 0; p < panels; p++) {
            double x = p * (size + 8);
            g.setFill(Color.web("#1f2328"));
            g.fillText(titles[p], x, 0);
            if (images[p] != null) {
                image(g, images[p], rows, cols, x, 20, size);
            }
        }
    }

    private static void image(GraphicsContext g, float[] px, int rows, int cols, double x, double y, double size) {
        double cell = size / Math.max(rows, cols);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                g.setFill(Color.gray(Math.max(0, Math.min(1, px[r * cols + c]))));
                g.fillRect(x + c * cell, y + r * cell, Math.ceil(cell), Math.ceil(cell));
            }
        }
    }
}
