package org.latentledger.ui.journey;

import org.latentledger.model.Outputs;

import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;
import org.latentledger.ui.plot.PlotCanvas;
import org.latentledger.ui.plot.PlotStyle;

/**
 * The answer: one bar per class for the network's probabilities, with the steered probabilities
 * as outlines beside them; for an autoencoder, the decoded image and the steered one.
 */
public final class OutputChart extends PlotCanvas {

    /** What is shown: one of the two pictures, redrawn whenever the look or size changes. */
    private Consumer<PaintArgs> picture = a -> { };

    private record PaintArgs(GraphicsContext g, double w, double h, PlotStyle st) {
    }

    public OutputChart(double width, double height) {
        super(width, height);
        setMinSize(width, height);
    }

    @Override
    protected void paint(GraphicsContext g, double width, double height, PlotStyle st) {
        picture.accept(new PaintArgs(g, width, height, st));
    }

    public void showProbabilities(float[] original, float[] steered, List<String> classes) {
        showProbabilities(original, steered, classes, "Output: filled = query, outline = steered");
    }

    /** @param comparedTitle the title when a second series is drawn as outlines */
    public void showProbabilities(float[] original, float[] steered, List<String> classes, String comparedTitle) {
        float[] o = original == null ? null : original.clone();
        float[] s = steered == null ? null : steered.clone();
        // A model that ends in raw scores (an ONNX export without its softmax): shown as their softmax, and said so.
        boolean scores = !Outputs.isDistribution(o) || !Outputs.isDistribution(s);
        String title = scores ? comparedTitle + " (softmax of the scores)" : comparedTitle;
        float[] po = scores ? Outputs.softmax(o) : o;
        float[] ps = scores ? Outputs.softmax(s) : s;
        List<String> names = List.copyOf(classes);
        picture = a -> probabilities(a.g(), a.w(), a.h(), a.st(), po, ps, names, title, scores);
        markDirty();
    }


    private static void probabilities(GraphicsContext g, double w, double h, PlotStyle st, float[] original, float[] steered,
                                      List<String> classes, String comparedTitle, boolean scores) {
        if (original == null) {
            return;
        }
        // With many classes (WordNet's 45 categories) only the likeliest rows fit legibly: the query's
        // and the steered pass's top ones, in class order, and the title says how many are left out.
        int[] rows = shownRows(original, steered, Math.max(4, (int) ((h - st.em(22) - 2) / st.em(16))));
        int n = rows.length;
        double top = st.em(22);
        double rowH = Math.min(st.em(22), (h - top - 2) / n);
        // Wide enough for the longest class name shown (WordNet's "verb.communication"), at most 45% of the chart.
        int longest = 0;
        for (int k : rows) {
            longest = Math.max(longest, (k < classes.size() ? classes.get(k) : "#" + k).length());
        }
        double labelW = Math.min(w * 0.45, Math.max(st.em(96), st.em(6.4 * longest + 10)));
        double barW = w - labelW - st.em(56);
        int best = 0;
        for (int k = 1; k < original.length; k++) {
            if (original[k] > original[best]) {
                best = k;
            }
        }
        g.setFont(st.semiBold(12));
        g.setFill(st.foreground());
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        String hidden = n < original.length ? String.format(Locale.ROOT, " (top %d of %d)", n, original.length) : "";
        g.fillText((steered == null ? scores ? "Output (softmax of the scores)" : "Output probabilities" : comparedTitle) + hidden, 0, 0);
        g.setFont(st.font(11));
        g.setTextBaseline(VPos.CENTER);
        for (int r = 0; r < n; r++) {
            int k = rows[r];
            double y = top + r * rowH;
            String name = k < classes.size() ? classes.get(k) : "#" + k;
            g.setTextAlign(TextAlignment.RIGHT);
            g.setFill(st.foreground());
            g.fillText(name, labelW - 6, y + rowH / 2);
            g.setFill(k == best ? st.accent() : st.muted().deriveColor(0, 1, 1, 0.6));
            g.fillRect(labelW, y + 3, barW * original[k], rowH - 6);
            if (steered != null) {
                g.setStroke(st.danger());
                g.setLineWidth(st.mark(1.5));
                g.strokeRect(labelW, y + 2, Math.max(1, barW * steered[k]), rowH - 4);
            }
            g.setTextAlign(TextAlignment.LEFT);
            g.setFill(st.muted());
            float shown = steered != null ? steered[k] : original[k];
            g.fillText(String.format(Locale.ROOT, "%.0f%%", 100 * shown), labelW + barW + 4, y + rowH / 2);
        }
    }

    /** The classes to draw: all when they fit, else the {@code fit} likeliest under either pass, in class order. */
    static int[] shownRows(float[] original, float[] steered, int fit) {
        int n = original.length;
        if (n <= fit) {
            return java.util.stream.IntStream.range(0, n).toArray();
        }
        Integer[] order = java.util.stream.IntStream.range(0, n).boxed().toArray(Integer[]::new);
        java.util.Arrays.sort(order, (a, b) -> Float.compare(Math.max(original[b], steered == null ? 0 : steered[b]),
                Math.max(original[a], steered == null ? 0 : steered[a])));
        int[] kept = java.util.Arrays.stream(order, 0, fit).mapToInt(Integer::intValue).toArray();
        java.util.Arrays.sort(kept);
        return kept;
    }

    /** The input, its decoding, and (when steering) the decoding of the steered activation, side by side. */
    public void showReconstruction(float[] input, float[] decoded, float[] steered, int rows, int cols) {
        float[] in = input == null ? null : input.clone();
        float[] d = decoded == null ? null : decoded.clone();
        float[] s = steered == null ? null : steered.clone();
        picture = a -> reconstruction(a.g(), a.w(), a.h(), a.st(), in, d, s, rows, cols);
        markDirty();
    }

    private static void reconstruction(GraphicsContext g, double w, double h, PlotStyle st, float[] input, float[] decoded,
                                       float[] steered, int rows, int cols) {
        if (decoded == null) {
            return;
        }
        g.setFont(st.semiBold(12));
        g.setFill(st.foreground());
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        int panels = steered == null ? 2 : 3;
        double size = Math.min((w - 8 * (panels - 1)) / panels, h - st.em(24));
        String[] titles = {"Input", "Decoded", "Steered, decoded"};
        float[][] images = {input, decoded, steered};
        for (int p = 0; p < panels; p++) {
            double x = p * (size + 8);
            g.setFill(st.foreground());
            g.fillText(titles[p], x, 0);
            if (images[p] != null) {
                image(g, images[p], rows, cols, x, st.em(20), size);
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
