package org.latentledger.ui.ledger;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.TextAlignment;
import org.latentledger.model.Evaluation;
import org.latentledger.model.Outputs;
import org.latentledger.ui.plot.PlotCanvas;
import org.latentledger.ui.plot.PlotStyle;

/**
 * Both answers of the ledger: one row per class, the dense probability as a filled bar and the
 * sparse one as an outline, and both as numbers in two columns (dense %, sparse %, whose heads
 * carry the swatches); each pass's answer in bold. Raw scores (an ONNX export without its softmax) are shown as their softmax, and said so.
 */
final class AnswerChart extends PlotCanvas {

    private float[] dense;
    private float[] sparse;
    private List<String> classes = List.of();
    private boolean scores;

    AnswerChart(double width, double height) {
        super(width, height);
        setMinSize(width * 0.8, height);
    }

    void show(float[] denseOut, float[] sparseOut, List<String> names) {
        scores = denseOut != null && (!Outputs.isDistribution(denseOut) || !Outputs.isDistribution(sparseOut));
        dense = denseOut == null ? null : Outputs.probabilities(denseOut.clone());
        sparse = sparseOut == null ? null : Outputs.probabilities(sparseOut.clone());
        classes = List.copyOf(names);
        markDirty();
    }

    @Override
    protected void paint(GraphicsContext g, double w, double h, PlotStyle st) {
        if (dense == null) {
            return;
        }
        g.setFont(st.bold(11));
        double dw = org.latentledger.ui.plot.HoverText.width("dense", st.bold(11));
        double spw = org.latentledger.ui.plot.HoverText.width("sparse", st.bold(11));
        double sw = st.em(9);
        double col = Math.max(st.em(40), spw + sw + st.em(12));
        double sx = w - st.em(4);
        double dx = sx - col;
        int fitsAlone = Math.max(4, (int) ((h - st.em(20) - 2) / st.em(15)));
        String hiddenGuess = dense.length > fitsAlone ? String.format(Locale.ROOT, " (top %d of %d)", fitsAlone, dense.length) : "";
        String titleText = "Answers" + (scores ? " (softmax)" : "");
        // The column heads share the title's line where they fit beside it, else take a line of their own.
        boolean ownLine = org.latentledger.ui.plot.HoverText.width(titleText + hiddenGuess, st.semiBold(12)) + st.em(8) > dx - dw - sw - 4;
        double heads = ownLine ? st.em(18) : 0;
        double top = st.em(20) + heads;
        int[] rows = shownRows(dense, sparse, Math.max(4, (int) ((h - top - 2) / st.em(15))));
        int n = rows.length;
        double rowH = Math.min(st.em(20), (h - top - 2) / n);
        int longest = 0;
        for (int k : rows) {
            longest = Math.max(longest, name(k).length());
        }
        double labelW = Math.min(w * 0.4, Math.max(st.em(70), st.em(6.4 * longest + 8)));
        double barW = Math.max(10, dx - col - st.em(4) - labelW);
        int a = Evaluation.argmax(dense);
        int b = Evaluation.argmax(sparse);
        g.setFont(st.semiBold(12));
        g.setFill(st.foreground());
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        String hidden = n < dense.length ? String.format(Locale.ROOT, " (top %d of %d)", n, dense.length) : "";
        g.fillText(titleText + hidden, 0, 0);
        // The column heads are the legend: a filled swatch for dense, an outline for sparse.
        g.setFont(st.bold(11));
        g.setTextAlign(TextAlignment.RIGHT);
        g.fillText("dense", dx, st.em(2) + heads);
        g.fillText("sparse", sx, st.em(2) + heads);
        g.setFill(st.accent());
        g.fillRect(dx - dw - sw - 4, st.em(4) + heads, sw, sw);
        g.setStroke(st.danger());
        g.setLineWidth(st.mark(1.5));
        g.strokeRect(sx - spw - sw - 4, st.em(4) + heads, sw, sw);
        g.setTextBaseline(VPos.CENTER);
        for (int r = 0; r < n; r++) {
            int k = rows[r];
            double y = top + r * rowH;
            double mid = y + rowH / 2;
            g.setFont(k == a || k == b ? st.bold(11) : st.font(11));
            g.setTextAlign(TextAlignment.RIGHT);
            g.setFill(st.foreground());
            g.fillText(name(k), labelW - 6, mid);
            g.setFill(k == a ? st.accent() : st.muted().deriveColor(0, 1, 1, 0.6));
            g.fillRect(labelW, y + 3, barW * dense[k], rowH - 6);
            g.setStroke(st.danger());
            g.setLineWidth(st.mark(1.5));
            g.strokeRect(labelW, y + 2, Math.max(1, barW * sparse[k]), rowH - 4);
            g.setFont(k == a ? st.bold(11) : st.font(11));
            g.setFill(k == a ? st.foreground() : st.muted());
            g.fillText(pct(dense[k]), dx, mid);
            g.setFont(k == b ? st.bold(11) : st.font(11));
            g.setFill(k == b ? st.foreground() : st.muted());
            g.fillText(pct(sparse[k]), sx, mid);
        }
    }

    private String name(int k) {
        return k < classes.size() ? classes.get(k) : "class " + k;
    }

    /** Whole percent; "<1%" for a share that is not zero but rounds to it. */
    static String pct(float p) {
        return p > 0 && p < 0.005 ? "<1%" : String.format(Locale.ROOT, "%.0f%%", 100 * p);
    }

    /** The classes to draw: all when they fit, else the {@code fit} likeliest under either pass, in class order. */
    static int[] shownRows(float[] a, float[] b, int fit) {
        int n = a.length;
        if (n <= fit) {
            return IntStream.range(0, n).toArray();
        }
        Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
        Arrays.sort(order, (x, y) -> Float.compare(Math.max(a[y], b[y]), Math.max(a[x], b[x])));
        int[] kept = Arrays.stream(order, 0, fit).mapToInt(Integer::intValue).toArray();
        Arrays.sort(kept);
        return kept;
    }
}
